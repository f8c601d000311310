package io.rectification.tasks.inspection;

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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

@Path("/inspections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Inspections", description = "巡视: the inspection whose feedback is rectified")
public class InspectionResource {

    private final InspectionService service;

    public InspectionResource(InspectionService service) {
        this.service = service;
    }

    @POST
    @Operation(summary = "Register an inspection (巡视) whose feedback is to be rectified")
    @RolesAllowed(Access.MANAGE_PLAN)
    @APIResponse(responseCode = "201", description = "the inspection; Location is it, ETag its version",
            content = @Content(schema = @Schema(implementation = InspectionView.class)))
    @APIResponse(responseCode = "409", description = "Duplicate inspection: one of the same team, organisation and"
            + " on-site period is registered already; existingInspectionId names it")
    public Response register(
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "a regular inspection with the plan's totals", value = """
                            {
                              "title": "十四届省委第三轮巡视",
                              "team": "省委第二巡视组",
                              "inspectedOrganisation": "某市经济技术开发区党工委",
                              "kind": "REGULAR",
                              "onSiteFrom": "2026-03-02",
                              "onSiteTo": "2026-05-29",
                              "feedbackDate": "2026-07-10",
                              "declaredAreas": 5,
                              "declaredProblems": 46,
                              "declaredTasks": 64
                            }""")))
            @NotNull @Valid InspectionInput input, UriInfo uri) {
        InspectionView created = service.registerInspection(input);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .tag(Versions.etag(created.version()))
                .entity(created)
                .build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Access.READ)
    @APIResponse(responseCode = "200", description = "the inspection; its ETag is the version",
            content = @Content(schema = @Schema(implementation = InspectionView.class)))
    @APIResponse(responseCode = "304", description = Versions.NOT_MODIFIED)
    public Response get(@PathParam("id") UUID id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        InspectionView inspection = service.requireInspection(id);
        return Versions.current(inspection, inspection.version(), ifNoneMatch);
    }

    @GET
    @RolesAllowed(Access.READ)
    public PageOf<InspectionView> list(@Valid @BeanParam PageRequest paging) {
        return service.listInspections(paging.page, paging.size);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Correct an inspection's details; needs If-Match with its ETag")
    @RolesAllowed(Access.MANAGE_PLAN)
    @APIResponse(responseCode = "200", description = "the inspection as corrected; its ETag is the new version",
            content = @Content(schema = @Schema(implementation = InspectionView.class)))
    public Response replace(@PathParam("id") UUID id, @Parameter(required = true, description = Versions.IF_MATCH_REQUIRED) @HeaderParam("If-Match") String ifMatch,
                            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                    examples = @ExampleObject(name = "the feedback date and a total corrected", value = """
                                            {
                                              "title": "十四届省委第三轮巡视",
                                              "team": "省委第二巡视组",
                                              "inspectedOrganisation": "某市经济技术开发区党工委",
                                              "kind": "REGULAR",
                                              "onSiteFrom": "2026-03-02",
                                              "onSiteTo": "2026-05-29",
                                              "feedbackDate": "2026-07-14",
                                              "declaredAreas": 5,
                                              "declaredProblems": 46,
                                              "declaredTasks": 66
                                            }""")))
                            @NotNull @Valid InspectionInput input) {
        InspectionView inspection = service.replaceInspection(id, Versions.required(ifMatch), input);
        return Response.ok(inspection).tag(Versions.etag(inspection.version())).build();
    }
}
