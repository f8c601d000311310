package io.rectification.tasks.work;

import io.rectification.platform.rest.Versions;
import io.rectification.platform.security.Access;
import io.rectification.tasks.task.MilestoneInput;
import io.rectification.tasks.task.TaskResponses;
import io.rectification.tasks.task.TaskSnapshot;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

import java.util.UUID;

@Path("/tasks/{id}/milestones")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks")
public class MilestoneResource {

    private final Milestones milestones;

    public MilestoneResource(Milestones milestones) {
        this.milestones = milestones;
    }

    @POST
    @Operation(summary = "Add a stage goal (阶段性目标) to a task; answers the task, which is also the Location "
            + "(a stage goal is shown as part of its task)")
    @APIResponse(responseCode = "201", description = "the task with its new stage goal",
            content = @Content(schema = @Schema(implementation = TaskSnapshot.class)))
    @RolesAllowed(Access.MANAGE_PLAN)
    public Response addMilestone(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                 @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                         examples = @ExampleObject(name = "a stage goal", value = """
                                                 {
                                                   "title": "完成已签约未开工项目逐一清理",
                                                   "dueDate": "2027-09-30"
                                                 }""")))
                                 @NotNull @Valid MilestoneInput input, @Context UriInfo uri) {
        TaskSnapshot task = milestones.add(id, Versions.optional(ifMatch), input);
        return TaskResponses.withEtag(Response.created(uri.getBaseUriBuilder().path("tasks").path(id.toString()).build()),
                task);
    }

    @POST
    @Path("{milestoneId}/achievement")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Mark a stage goal achieved")
    @RolesAllowed(Access.WORK_ON_TASKS)
    @APIResponse(responseCode = "200", description = "the task with the stage goal achieved",
            content = @Content(schema = @Schema(implementation = TaskSnapshot.class)))
    public Response achieveMilestone(@PathParam("id") UUID id, @PathParam("milestoneId") UUID milestoneId,
                                     @HeaderParam("If-Match") String ifMatch) {
        return TaskResponses.withEtag(Response.ok(), milestones.achieve(id, milestoneId, Versions.optional(ifMatch)));
    }
}
