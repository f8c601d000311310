package io.rectification.tasks.area;

import io.rectification.platform.rest.PageOf;
import io.rectification.platform.security.Access;
import io.rectification.platform.rest.Versions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.util.UUID;

@Path("/areas")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Areas", description = "反馈意见方面: the areas of the inspection team's feedback")
public class AreaResource {

    private final AreaService service;

    public AreaResource(AreaService service) {
        this.service = service;
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Access.READ)
    @APIResponse(responseCode = "200", description = "the area; its ETag is the version",
            content = @Content(schema = @Schema(implementation = AreaView.class)))
    public Response get(@PathParam("id") UUID id) {
        AreaView area = service.findAreaById(id);
        // Its percentComplete averages its tasks', which move without its version: the version is no
        // validator of this answer, so a matching If-None-Match still gets it whole (Versions.current).
        return Versions.current(area, area.version(), null);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Reword an area; needs If-Match with the area's ETag")
    @RolesAllowed(Access.MANAGE_PLAN)
    @APIResponse(responseCode = "200", description = "the area; its ETag is the version",
            content = @Content(schema = @Schema(implementation = AreaView.class)))
    public Response replace(@PathParam("id") UUID id, @Parameter(required = true, description = Versions.IF_MATCH_REQUIRED) @HeaderParam("If-Match") String ifMatch,
                            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                    examples = @ExampleObject(name = "an area reworded", value = """
                                            {
                                              "title": "（一）贯彻落实党中央决策部署和省委工作要求不够有力"
                                            }""")))
                            @NotNull @Valid AreaInput input) {
        AreaView area = service.replaceArea(id, Versions.required(ifMatch), input);
        return Response.ok(area).tag(Versions.etag(area.version())).build();
    }
}
