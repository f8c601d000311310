package io.rectification.tasks.leadership;

import io.rectification.platform.error.ApiException;
import io.rectification.platform.rest.Versions;
import io.rectification.platform.security.Access;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.util.UUID;

@Path("/inspections/{inspectionId}/leading-group")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Inspections")
public class LeadingGroupResource {

    private final LeadingGroupService service;

    public LeadingGroupResource(LeadingGroupService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "整改工作领导小组 and 第一责任人 of the inspection")
    @RolesAllowed(Access.READ)
    @APIResponse(responseCode = "200", description = "the group; its ETag is the version",
            content = @Content(schema = @Schema(implementation = LeadingGroupView.class)))
    @APIResponse(responseCode = "304", description = Versions.NOT_MODIFIED)
    public Response get(@PathParam("inspectionId") UUID inspectionId, @HeaderParam("If-None-Match") String ifNoneMatch) {
        LeadingGroupView group = service.of(inspectionId)
                .orElseThrow(() -> ApiException.notFound("leading group of inspection", inspectionId));
        return Versions.current(group, group.version(), ifNoneMatch);
    }

    @PUT
    @Operation(summary = "Set or replace the leading group (exactly one LEADER); replacing needs If-Match with its ETag")
    @RolesAllowed(Access.MANAGE_PLAN)
    @APIResponse(responseCode = "200", description = "the group as set; its ETag is the version",
            content = @Content(schema = @Schema(implementation = LeadingGroupView.class)))
    @APIResponse(responseCode = "428", description = Versions.PRECONDITION_ONCE_IT_EXISTS)
    public Response set(@PathParam("inspectionId") UUID inspectionId,
                        @Parameter(description = Versions.IF_MATCH_ONCE_IT_EXISTS) @HeaderParam("If-Match") String ifMatch,
                        @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                examples = @ExampleObject(name = "a leading group by position", value = """
                                        {
                                          "firstResponsible": {
                                            "position": "党工委书记"
                                          },
                                          "members": [
                                            {
                                              "role": "LEADER",
                                              "position": "党工委书记"
                                            },
                                            {
                                              "role": "DEPUTY_LEADER",
                                              "position": "管委会主任"
                                            },
                                            {
                                              "role": "MEMBER",
                                              "position": "党政办公室主任"
                                            },
                                            {
                                              "role": "MEMBER",
                                              "position": "投资促进局局长"
                                            }
                                          ]
                                        }""")))
                        @NotNull @Valid LeadingGroupInput input) {
        LeadingGroupView group = service.set(inspectionId, Versions.optional(ifMatch), input);
        return Response.ok(group).tag(String.valueOf(group.version())).build();
    }
}
