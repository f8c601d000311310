package io.rectification.feedback.publication;

import io.rectification.platform.rest.PageOf;
import io.rectification.platform.rest.PageRequest;
import io.rectification.platform.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/publications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Publications", description = "整改情况公布: the notice, its disclosure window and contact channels")
public class PublicationResource {

    private final PublicationService service;

    public PublicationResource(PublicationService service) {
        this.service = service;
    }

    @POST
    @Operation(summary = "Publish a notice with its disclosure window (staff)")
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    @APIResponse(responseCode = "201", description = "the new publication; Location is the publication, ETag its version",
            content = @Content(schema = @Schema(implementation = PublicationView.class)))
    public Response create(@NotNull @Valid PublicationInput input, UriInfo uri) {
        PublicationView created = service.createPublication(input);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .tag(String.valueOf(created.version())).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace a publication (staff); needs If-Match with the ETag read")
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    @APIResponse(responseCode = "200", description = "the publication as replaced; ETag its new version",
            content = @Content(schema = @Schema(implementation = PublicationView.class)))
    public Response replace(@PathParam("id") UUID id, @Parameter(required = true, description = "the ETag read (428 without it, 412 when the resource has changed since)") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @NotNull @Valid PublicationInput input) {
        PublicationView updated = service.replacePublication(id, input, ifMatch);
        return Response.ok(updated).tag(String.valueOf(updated.version())).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A publication (public: the form shows it)")
    @PermitAll
    @APIResponse(responseCode = "200", description = "the publication; ETag its version",
            content = @Content(schema = @Schema(implementation = PublicationView.class)))
    public Response get(@PathParam("id") UUID id) {
        PublicationView publication = service.requirePublication(id);
        return Response.ok(publication).tag(String.valueOf(publication.version())).build();
    }

    @GET
    @PermitAll
    public PageOf<PublicationView> list(@QueryParam("inspectionId") UUID inspectionId,
                                        @Valid @BeanParam PageRequest paging) {
        return service.listPublications(inspectionId, paging.page, paging.size);
    }
}
