package io.rectification.reporting.todo;

import io.rectification.platform.security.CurrentActor;
import io.rectification.platform.security.Access;
import io.rectification.reporting.todo.TodoViews.TodoList;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in person's 待办: who they are (roles, unit) comes from the token only. */
@Path("/todos")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "To-dos", description = "待办: what needs the signed-in person now")
public class TodoResource {

    private final TodoQueries queries;
    private final CurrentActor actor;

    public TodoResource(TodoQueries queries, CurrentActor actor) {
        this.queries = queries;
        this.actor = actor;
    }

    @GET
    @Operation(summary = "The signed-in person's to-dos, most urgent first, one a task",
            description = "A task needing the reader for several reasons is one to-do naming them all (reasons), the most "
                    + "urgent first, due by the earliest. Officers: their unit's tasks overdue or due within notices.todos.due-soon-days, stage goals (阶段目标) "
                    + "overdue or due within them (STAGE_GOAL_OVERDUE, STAGE_GOAL_DUE, the goal in stageGoal), missing "
                    + "progress reports, tasks a look-back reopened (TASK_REOPENED) and claims a supervisor rejected (CLAIM_REJECTED), "
                    + "each with the reason as its note and due by the task's deadline, until the unit reports progress or claims "
                    + "again, and meeting decisions. Supervisors: "
                    + "claims waiting for verification and look-backs due. Coordinators: problems without measures "
                    + "(制定整改措施), deadline extension requests to decide (延期申请待审批, due by the task's deadline, "
                    + "the date asked for and the reason as note) and, with feedback handlers, feedback replies due or overdue (ids, category and deadline only).")
    @RolesAllowed(Access.STAFF)
    public TodoList todos() {
        return queries.forViewer(Viewer.of(actor));
    }
}
