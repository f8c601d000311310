package io.rectification.tasks.work;

import io.rectification.tasks.task.IndicatorInput;
import io.rectification.tasks.task.TaskResponses;
import io.rectification.tasks.task.TaskSnapshot;
import io.rectification.platform.rest.Versions;
import io.rectification.platform.security.CurrentActor;
import io.rectification.platform.security.Access;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.util.List;
import java.util.UUID;

@Path("/tasks/{id}/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks")
public class IndicatorResource {

    private final Indicators indicators;
    private final CurrentActor actor;

    public IndicatorResource(Indicators indicators, CurrentActor actor) {
        this.indicators = indicators;
        this.actor = actor;
    }

    @POST
    @Operation(summary = "Add an indicator (指标) to a task; answers the task, Location is the indicator's value history")
    @APIResponse(responseCode = "201", description = "the task with its new indicator",
            content = @Content(schema = @Schema(implementation = TaskSnapshot.class)))
    @RolesAllowed(Access.MANAGE_PLAN)
    public Response addIndicator(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                 @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                         examples = {
                                             @ExampleObject(name = "an absolute target from a baseline", value = """
                                                 {
                                                   "name": "已签约项目开工率",
                                                   "unit": "%",
                                                   "baseline": 62,
                                                   "targetKind": "ABSOLUTE",
                                                   "targetValue": 90,
                                                   "direction": "INCREASE"
                                                 }"""),
                                             @ExampleObject(name = "a relative change without a baseline", value = """
                                                 {
                                                   "name": "群众投诉件数量同比变化",
                                                   "unit": "%",
                                                   "targetKind": "RELATIVE_PERCENT",
                                                   "targetValue": 45,
                                                   "direction": "DECREASE",
                                                   "actual": -12,
                                                   "actualSource": "开发区信访局2026年8月统计"
                                                 }""")}))
                                 @NotNull @Valid IndicatorInput input, @Context UriInfo uri) {
        TaskSnapshot task = indicators.add(id, Versions.optional(ifMatch), input, actor.optional().orElse(null));
        UUID added = task.indicators().get(task.indicators().size() - 1).id();
        return TaskResponses.withEtag(Response.created(
                uri.getAbsolutePathBuilder().path(added.toString()).path("values").build()), task);
    }

    @POST
    @Path("{indicatorId}/values")
    @Operation(summary = "Record a measured value of an indicator with its source; the recorder is the token holder; "
            + "answers the task, Location is the value history")
    @APIResponse(responseCode = "201", description = "the task with the indicator's new latest value",
            content = @Content(schema = @Schema(implementation = TaskSnapshot.class)))
    @RolesAllowed(Access.WORK_ON_TASKS)
    public Response recordIndicatorValue(@PathParam("id") UUID id, @PathParam("indicatorId") UUID indicatorId,
                                         @HeaderParam("If-Match") String ifMatch,
                                         @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                                 examples = @ExampleObject(name = "a monthly figure", value = """
                                                         {
                                                           "value": 86.4,
                                                           "source": "开发区统计局2026年9月月报"
                                                         }""")))
                                         @NotNull @Valid IndicatorValueInput input, @Context UriInfo uri) {
        TaskSnapshot task = indicators.recordValue(id, indicatorId, Versions.optional(ifMatch), input, actor.require());
        return TaskResponses.withEtag(Response.created(uri.getAbsolutePath()), task);
    }

    @GET
    @Path("{indicatorId}/values")
    @Operation(summary = "An indicator's recorded values, oldest first")
    @RolesAllowed(Access.READ)
    public List<IndicatorValueView> indicatorHistory(@PathParam("id") UUID id, @PathParam("indicatorId") UUID indicatorId) {
        return indicators.history(id, indicatorId);
    }
}
