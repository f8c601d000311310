package io.rectification.tasks.problem;

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

@Path("/areas/{areaId}/problems")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Problems", description = "具体问题: the specific problems of each feedback area")
public class AreaProblemResource {

    private final ProblemService service;

    public AreaProblemResource(ProblemService service) {
        this.service = service;
    }

    @POST
    @Operation(summary = "Register the next problem of an area (numbered in order); source PLAN, SELF_FOUND or ANALOGY",
            description = "source takes PLAN (the default when absent or null), SELF_FOUND or ANALOGY here; LOOK_BACK and"
                    + " FEEDBACK are refused (400), as those problems come from a look-back review and from escalated"
                    + " public feedback. An ANALOGY problem (举一反三) names in extendsProblemId the inspection finding"
                    + " (a PLAN problem of the same inspection) it extends (409 with cancelledAt when the office cancelled that finding, 撤销); any other source must leave"
                    + " extendsProblemId out.")
    @RolesAllowed(Access.MANAGE_PLAN)
    @APIResponse(responseCode = "201", description = "the new problem; Location is the problem",
            content = @Content(schema = @Schema(implementation = ProblemView.class)))
    public Response register(@PathParam("areaId") UUID areaId,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = {
                        @ExampleObject(name = "an inspection finding", value = """
                            {
                              "title": "招商引资项目后续跟踪服务不到位，部分签约项目长期未落地",
                              "description": "2023年以来签约的37个项目中，有9个超过一年未开工，未建立跟踪督办机制。",
                              "source": "PLAN"
                            }"""),
                        @ExampleObject(name = "a problem the unit found itself", value = """
                            {
                              "title": "园区企业用地规模审核把关不严",
                              "description": "开发区自查发现：2个项目实际用地超出批准面积。",
                              "source": "SELF_FOUND"
                            }""")}))
            @NotNull @Valid ProblemInput input, UriInfo uri) {
        ProblemView created = service.registerProblem(areaId, input);
        return Response.created(uri.getBaseUriBuilder().path("problems").path(created.id().toString()).build())
                .tag(Versions.etag(created.version())).entity(created).build();
    }

    @GET
    @RolesAllowed(Access.READ)
    public PageOf<ProblemView> listOfArea(@PathParam("areaId") UUID areaId,
                                          @Parameter(description = Cancellation.INCLUDE_CANCELLED) @QueryParam("includeCancelled") String includeCancelled,
                                          @QueryParam("sort") String sort,
                                          @Valid @BeanParam PageRequest paging) {
        return service.listProblemsOfArea(areaId, Flags.parse(includeCancelled, "includeCancelled"), sort, paging.page, paging.size);
    }
}
