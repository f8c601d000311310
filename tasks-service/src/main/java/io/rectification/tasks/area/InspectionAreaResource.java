package io.rectification.tasks.area;

import io.rectification.tasks.support.Cancellation;
import io.rectification.platform.rest.Flags;

import io.rectification.platform.rest.PageOf;
import io.rectification.platform.rest.PageRequest;
import io.rectification.platform.rest.Versions;
import io.rectification.platform.security.Access;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.util.UUID;

@Path("/inspections/{inspectionId}/areas")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Areas", description = "反馈意见方面: the areas of the inspection team's feedback")
public class InspectionAreaResource {

    private final AreaService service;

    public InspectionAreaResource(AreaService service) {
        this.service = service;
    }

    @POST
    @Operation(summary = "Register the next area of an inspection's feedback (numbered in order)")
    @RolesAllowed(Access.MANAGE_PLAN)
    @APIResponse(responseCode = "201", description = "the new area; Location is the area",
            content = @Content(schema = @Schema(implementation = AreaView.class)))
    public Response register(@PathParam("inspectionId") UUID inspectionId,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "the first area of the feedback", value = """
                            {
                              "title": "（一）贯彻落实党中央决策部署和省委工作要求不够到位"
                            }""")))
            @NotNull @Valid AreaInput input, UriInfo uri) {
        AreaView created = service.registerArea(inspectionId, input);
        return Response.created(uri.getBaseUriBuilder().path("areas").path(created.id().toString()).build())
                .tag(Versions.etag(created.version())).entity(created).build();
    }

    @GET
    @RolesAllowed(Access.READ)
    public PageOf<AreaView> list(@PathParam("inspectionId") UUID inspectionId,
                                 @Parameter(description = Cancellation.INCLUDE_CANCELLED) @QueryParam("includeCancelled") String includeCancelled,
                                 @Valid @BeanParam PageRequest paging) {
        return service.listAreas(inspectionId, Flags.parse(includeCancelled, "includeCancelled"), paging.page, paging.size);
    }
}
