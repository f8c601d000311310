package io.rectification.reporting.consumption;

import io.rectification.platform.security.Access;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/admin/consumers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "Operating the read models")
public class ConsumerLagResource {

    private final ConsumerLag lag;

    public ConsumerLagResource(ConsumerLag lag) {
        this.lag = lag;
    }

    @GET
    @Operation(summary = "Live consumption: lag per topic-partition (end offset minus committed) and when an event was last applied",
            description = "503 problem+json when the broker does not answer within 5 s.")
    @RolesAllowed(Access.MONITOR)
    public List<ConsumerLag.Consumer> consumers() {
        return lag.current();
    }
}
