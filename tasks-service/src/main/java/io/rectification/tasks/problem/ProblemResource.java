package io.rectification.tasks.problem;

import io.rectification.tasks.support.Cancellation;
import io.rectification.platform.rest.Flags;

import io.rectification.platform.rest.PageOf;
import io.rectification.platform.rest.PageRequest;
import io.rectification.platform.rest.QueryParameters;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.util.UUID;

@Path("/problems")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Problems", description = "具体问题: the specific problems of each feedback area")
public class ProblemResource {

    private final ProblemService service;
    private final ProblemExtensions extensions;

    public ProblemResource(ProblemService service, ProblemExtensions extensions) {
        this.service = service;
        this.extensions = extensions;
    }

    @GET
    @Path("{id}/extensions")
    @Operation(summary = "举一反三: the problems extending this one to other units (source ANALOGY), each with its tasks' "
            + "progress, and every responsible unit's tasks of the problem and its extensions rolled up together")
    @RolesAllowed(Access.READ)
    public ProblemExtensionsView extensions(@PathParam("id") UUID id) {
        return extensions.of(id);
    }

    @GET
    @Operation(summary = "Problems, filtered by inspection, area and source; sort by number, title, createdAt, source (-x descending)")
    @RolesAllowed(Access.READ)
    public PageOf<ProblemView> list(@QueryParam("inspectionId") UUID inspectionId,
                                    @QueryParam("areaId") UUID areaId,
                                    @Parameter(schema = @Schema(implementation = ProblemSource.class))
                                    @QueryParam("source") String source,
                                    @Parameter(description = Cancellation.INCLUDE_CANCELLED) @QueryParam("includeCancelled") String includeCancelled,
                                    @QueryParam("sort") String sort,
                                    @Valid @BeanParam PageRequest paging) {
        return service.listProblems(inspectionId, areaId,
                QueryParameters.oneOf(ProblemSource.class, "source", source),
                Flags.parse(includeCancelled, "includeCancelled"), sort, paging.page, paging.size);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Access.READ)
    @APIResponse(responseCode = "200", description = "the problem; its ETag is the version",
            content = @Content(schema = @Schema(implementation = ProblemView.class)))
    public Response get(@PathParam("id") UUID id) {
        ProblemView problem = service.findProblemById(id);
        // Its percentComplete averages its tasks', which move without its version: the version is no
        // validator of this answer, so a matching If-None-Match still gets it whole (Versions.current).
        return Versions.current(problem, problem.version(), null);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Reword a problem; needs If-Match with the problem's ETag")
    @RolesAllowed(Access.MANAGE_PLAN)
    @APIResponse(responseCode = "200", description = "the problem; its ETag is the version",
            content = @Content(schema = @Schema(implementation = ProblemView.class)))
    public Response replace(@PathParam("id") UUID id,
                            @Parameter(required = true, description = Versions.IF_MATCH_REQUIRED)
                            @HeaderParam("If-Match") String ifMatch,
                            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                    examples = @ExampleObject(name = "a problem reworded", value = """
                                            {
                                              "title": "招商引资项目后续跟踪服务不到位，部分签约项目长期未开工",
                                              "description": "2023年以来签约的37个项目中，有9个超过一年未开工，未建立跟踪督办机制。"
                                            }""")))
                            @NotNull @Valid ProblemInput input) {
        ProblemView problem = service.replaceProblem(id, Versions.required(ifMatch), input);
        return Response.ok(problem).tag(Versions.etag(problem.version())).build();
    }
}
