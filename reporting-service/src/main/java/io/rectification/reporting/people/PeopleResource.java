package io.rectification.reporting.people;

import io.rectification.platform.security.Access;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Comparator;
import java.util.List;

/**
 * The staff's names, for screens that would otherwise show a username: the console's 申请销号人,
 * 核实人 and reviewers read 李科长（党政办公室）, not dzb. Names and units only: no address, no role.
 */
@Path("/people")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "People", description = "The staff's display names, from the directory notices use")
public class PeopleResource {

    /** One member of staff as a screen names them. */
    @Schema(requiredProperties = {"username"})
    public record PersonName(String username, String displayName, String unit) {
    }

    private final People people;

    public PeopleResource(People people) {
        this.people = people;
    }

    @GET
    @Operation(summary = "Every member of staff the directory lists: username, display name and unit",
            description = "The directory is the identity provider's users (or the configured list); someone it "
                    + "does not list is shown by username. Cached as the notices' directory is.")
    @RolesAllowed(Access.STAFF)
    public List<PersonName> names() {
        return people.everyone().stream()
                .map(p -> new PersonName(p.username(), p.displayName(), p.unit()))
                .sorted(Comparator.comparing(PersonName::username))
                .toList();
    }
}
