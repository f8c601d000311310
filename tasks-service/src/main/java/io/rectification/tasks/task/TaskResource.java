package io.rectification.tasks.task;

import io.rectification.tasks.support.Cancellation;
import io.rectification.platform.rest.Flags;

import io.rectification.platform.error.ErrorBody;
import io.rectification.platform.rest.PageOf;
import io.rectification.platform.rest.PageRequest;
import io.rectification.platform.rest.QueryParameters;
import io.rectification.platform.rest.Versions;
import io.rectification.platform.security.CurrentActor;
import io.rectification.platform.security.Access;
import io.rectification.platform.text.OptionalText;
import io.rectification.tasks.audit.AuditEntryView;
import io.rectification.tasks.audit.LedgerAudit;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks", description = "整改任务: rectification tasks, their work and their lifecycle to close-out (销号)")
public class TaskResource {

    static final String DEADLINE_MOVES = "A deadline moved later (延期) needs deadlineChangeReason (else 400 naming it);"
            + " an earlier one may come without. An edit that moves the deadline is published as TaskDeadlineChanged"
            + " (the unit's officers are mailed) and kept on the task as lastDeadlineChange; any other as TaskUpdated.";
    static final String INVALID_EDIT = "Invalid request: errors names each field, e.g. deadline (before the on-site start),"
            + " deadlineChangeReason (a later deadline without a reason), kind, or a field's own rule";
    static final String LATER_WITHOUT_REASON = """
            {
              "type": "/problems/invalid-request",
              "title": "Invalid request",
              "status": 400,
              "detail": "deadlineChangeReason: the deadline moves later (延期, 2027-09-30 to 2027-11-30): say why; the task's unit is told",
              "errors": [
                {
                  "field": "deadlineChangeReason",
                  "message": "the deadline moves later (延期, 2027-09-30 to 2027-11-30): say why; the task's unit is told"
                }
              ]
            }""";
    static final String PATCH_EXAMPLE = """
            {
              "deadline": "2027-11-30",
              "deadlineChangeReason": "12个签约项目受用地报批影响延后开工，经整改工作领导小组会议研究同意延期。"
            }""";

    private final TaskService tasks;
    private final TaskTransitionService transitions;
    private final CurrentActor actor;
    private final LedgerAudit auditTrail;
    private final LookBackReviews lookBackReviews;

    public TaskResource(TaskService tasks, TaskTransitionService transitions, CurrentActor actor,
                        LedgerAudit auditTrail, LookBackReviews lookBackReviews) {
        this.auditTrail = auditTrail;
        this.lookBackReviews = lookBackReviews;
        this.tasks = tasks;
        this.transitions = transitions;
        this.actor = actor;
    }

    @GET
    @Operation(summary = "Tasks, filtered; sort by number, title, deadline, state, kind, percentComplete, "
            + "responsibleUnit, leadOfficial, createdAt, updatedAt, claimedAt (comma-separated, -x descending)")
    @RolesAllowed(Access.READ)
    public PageOf<TaskSnapshot> list(@QueryParam("inspectionId") String inspectionId,
                                     @QueryParam("areaId") String areaId,
                                     @QueryParam("problemId") String problemId,
                                     @Parameter(schema = @Schema(implementation = TaskState.class))
                                     @QueryParam("state") String state,
                                     @Parameter(schema = @Schema(implementation = TaskKind.class))
                                     @QueryParam("kind") String kind,
                                     @QueryParam("unit") String unit,
                                     @QueryParam("leadOfficial") String leadOfficial,
                                     @QueryParam("overdue") String overdue,
                                     @QueryParam("lookBackDueBy") String lookBackDueBy,
                                     @Parameter(description = Cancellation.INCLUDE_CANCELLED)
                                     @QueryParam("includeCancelled") String includeCancelled,
                                     @QueryParam("sort") String sort,
                                     @Valid @BeanParam PageRequest paging) {
        TaskFilter filter = new TaskFilter(QueryParameters.uuid("inspectionId", inspectionId), QueryParameters.uuid("areaId", areaId),
                QueryParameters.uuid("problemId", problemId), QueryParameters.oneOf(TaskState.class, "state", state),
                QueryParameters.oneOf(TaskKind.class, "kind", kind), OptionalText.of(unit), OptionalText.of(leadOfficial),
                parseBoolean(overdue), QueryParameters.date("lookBackDueBy", lookBackDueBy),
                Flags.parse(includeCancelled, "includeCancelled"));
        return tasks.listTasks(filter, sort, paging.page, paging.size);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Access.READ)
    @APIResponse(responseCode = "200", description = "the task; its ETag is the version",
            content = @Content(schema = @Schema(implementation = TaskSnapshot.class)))
    @APIResponse(responseCode = "304", description = Versions.NOT_MODIFIED)
    public Response get(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        TaskSnapshot task = tasks.findTaskById(id);
        return Versions.current(task, task.version(), ifNoneMatch);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace a task's editable fields; needs If-Match with the task's ETag",
            description = DEADLINE_MOVES)
    @RolesAllowed(Access.MANAGE_PLAN)
    @APIResponse(responseCode = "200", description = "the task; its ETag is the version",
            content = @Content(schema = @Schema(implementation = TaskSnapshot.class)))
    @APIResponse(responseCode = "400", description = INVALID_EDIT, content = @Content(mediaType = ErrorBody.MEDIA_TYPE,
            schema = @Schema(implementation = ErrorBody.class), examples = @ExampleObject(name = "a later deadline without a reason",
            value = LATER_WITHOUT_REASON)))
    public Response replace(@PathParam("id") UUID id, @Parameter(required = true, description = Versions.IF_MATCH_REQUIRED) @HeaderParam("If-Match") String ifMatch,
                            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                    examples = @ExampleObject(name = "the deadline moved and the progress stated", value = """
                                            {
                                              "title": "建立招商项目全周期跟踪服务机制",
                                              "measures": "一是制定招商引资项目跟踪服务办法，明确各部门责任分工；二是建立重点项目台账，逐月调度推进；三是对已签约未开工项目逐一开展清理。",
                                              "leadOfficial": "管委会分管副主任",
                                              "responsiblePerson": "投资促进局局长",
                                              "responsibleUnit": "开发区投资促进局",
                                              "deadline": "2027-11-30",
                                              "kind": "TIME_BOUND",
                                              "reportingCadence": "MONTHLY",
                                              "requireIndicatorsMet": true,
                                              "progressNarrative": "跟踪服务办法已印发，37个签约项目已全部建立台账。",
                                              "deadlineChangeReason": "12个签约项目受用地报批影响延后开工，经整改工作领导小组会议研究同意延期。"
                                            }""")))
                            @NotNull @Valid TaskUpdate update) {
        return withEtag(Response.ok(), tasks.replaceTask(id, Versions.required(ifMatch), update, actor.require()));
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change some of a task's fields; needs If-Match with the task's ETag",
            description = DEADLINE_MOVES)
    @RolesAllowed(Access.MANAGE_PLAN)
    @APIResponse(responseCode = "200", description = "the task; its ETag is the version",
            content = @Content(schema = @Schema(implementation = TaskSnapshot.class)))
    @APIResponse(responseCode = "400", description = INVALID_EDIT, content = @Content(mediaType = ErrorBody.MEDIA_TYPE,
            schema = @Schema(implementation = ErrorBody.class), examples = @ExampleObject(name = "a later deadline without a reason",
            value = LATER_WITHOUT_REASON)))
    public Response patch(@PathParam("id") UUID id, @Parameter(required = true, description = Versions.IF_MATCH_REQUIRED) @HeaderParam("If-Match") String ifMatch,
                          @RequestBody(content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                                  examples = @ExampleObject(name = "the deadline moved later (延期), with the reason", value = PATCH_EXAMPLE)),
                                  @Content(mediaType = "application/merge-patch+json",
                                  examples = @ExampleObject(name = "the deadline moved later (延期), with the reason", value = PATCH_EXAMPLE))})
                          @NotNull @Valid TaskPatch patch) {
        return withEtag(Response.ok(), tasks.patchTask(id, Versions.required(ifMatch), patch, actor.require()));
    }

    // --- lifecycle: If-Match is optional here; when sent, a stale one is refused -----------------

    @POST
    @Path("{id}/start")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "PLANNED → IN_PROGRESS")
    @RolesAllowed(Access.WORK_ON_TASKS)
    @APIResponse(responseCode = "200", description = "the task; its ETag is the version",
            content = @Content(schema = @Schema(implementation = TaskSnapshot.class)))
    public Response start(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return withEtag(Response.ok(), transitions.start(id, Versions.optional(ifMatch)));
    }

    @POST
    @Path("{id}/completion-claim")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "IN_PROGRESS or REOPENED → COMPLETION_CLAIMED; the claimant is the token holder")
    @RolesAllowed(Access.WORK_ON_TASKS)
    @APIResponse(responseCode = "200", description = "the task; its ETag is the version",
            content = @Content(schema = @Schema(implementation = TaskSnapshot.class)))
    public Response claimCompletion(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        String claimant = actor.require();
        return withEtag(Response.ok(), transitions.claimCompletion(id, Versions.optional(ifMatch), claimant));
    }

    @POST
    @Path("{id}/completion-claim-withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "撤回销号申请: COMPLETION_CLAIMED → the state it was claimed from (IN_PROGRESS, or REOPENED), "
            + "before a supervisor decides; for whoever may claim; an optional {reason} stays on the task (lastWithdrawal)")
    @RolesAllowed(Access.WORK_ON_TASKS)
    @APIResponse(responseCode = "200", description = "the task; its ETag is the version",
            content = @Content(schema = @Schema(implementation = TaskSnapshot.class)))
    public Response withdrawClaim(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                  @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                          examples = @ExampleObject(name = "the wrong evidence attached", value = """
                                                  {
                                                    "reason": "所附佐证材料为上一年度台账，更换为本年度台账后重新申请销号。"
                                                  }""")))
                                  @Valid WithdrawalInput input) {
        String withdrawer = actor.require();
        return withEtag(Response.ok(), transitions.withdrawClaim(id, Versions.optional(ifMatch),
                WithdrawalInput.reasonOf(input), withdrawer));
    }

    /** The same withdrawal without a JSON body (a bare POST, as the claim is): no reason. */
    @POST
    @Path("{id}/completion-claim-withdrawal")
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    @RolesAllowed(Access.WORK_ON_TASKS)
    public Response withdrawClaimWithoutReason(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                              byte[] body) {
        requireNoBody(body);
        return withdrawClaim(id, ifMatch, null);
    }

    @POST
    @Path("{id}/completion-rejection")
    @Operation(summary = "COMPLETION_CLAIMED → IN_PROGRESS, with a reason")
    @RolesAllowed(Access.VERIFY)
    @APIResponse(responseCode = "200", description = "the task; its ETag is the version",
            content = @Content(schema = @Schema(implementation = TaskSnapshot.class)))
    public Response rejectCompletion(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                     @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                             examples = @ExampleObject(name = "evidence missing", value = """
                                                     {
                                                       "reason": "佐证材料仅有工作方案，缺少项目台账和开工情况统计，请补充后再申请销号。"
                                                     }""")))
                                     @NotNull @Valid RejectionInput input) {
        String reviewer = actor.require();
        return withEtag(Response.ok(), transitions.rejectCompletion(id, Versions.optional(ifMatch), input.reason(), reviewer));
    }

    @POST
    @Path("{id}/verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Close-out (销号): COMPLETION_CLAIMED → VERIFIED (LONG_TERM: → CONSOLIDATING, then → VERIFIED); "
            + "the verifier (token holder) must differ from the claimant; an optional {note} is kept on the task "
            + "(verificationNote)")
    @RolesAllowed(Access.VERIFY)
    @APIResponse(responseCode = "200", description = "the task; its ETag is the version",
            content = @Content(schema = @Schema(implementation = TaskSnapshot.class)))
    public Response verify(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                   examples = @ExampleObject(name = "a long-term task to be consolidated", value = """
                                           {
                                             "note": "转入巩固提升：按季度跟踪已签约项目开工率，年底前再次评估。"
                                           }""")))
                           @Valid VerificationInput input) {
        String verifier = actor.require();
        return withEtag(Response.ok(), transitions.verify(id, Versions.optional(ifMatch), verifier,
                VerificationInput.noteOf(input)));
    }

    /**
     * The same close-out without a JSON body (the console's button, a bare POST of any type): no note.
     * A second method rather than an optional body, as JAX-RS finds no reader for a record in a body
     * that is not JSON. A body of another type is refused (415, as on every other operation), not
     * dropped: a note sent as text/plain would otherwise close the task out without it.
     */
    @POST
    @Path("{id}/verification")
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    @RolesAllowed(Access.VERIFY)
    public Response verifyWithoutNote(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, byte[] body) {
        requireNoBody(body);
        return verify(id, ifMatch, null);
    }

    /**
     * A 415 for a body that is not JSON on an operation whose JSON body is optional: refused, not
     * dropped, or a note or reason sent as text/plain would be lost while the step is taken regardless.
     */
    static void requireNoBody(byte[] body) {
        if (body != null && body.length > 0) {
            throw new NotSupportedException();
        }
    }

    @POST
    @Path("{id}/look-back-reviews")
    @Operation(summary = "回头看 of a closed-out task: CONFIRMED, or REOPENED (再整改) with the rework's deadline, a date after"
            + " today (the task's deadline becomes it); newProblem registers 再深挖")
    @RolesAllowed(Access.VERIFY)
    @APIResponse(responseCode = "201", description = "the review and the task after it; Location is the task",
            content = @Content(schema = @Schema(implementation = LookBackReviewView.class)))
    public Response lookBack(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                             @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                     examples = {
                                         @ExampleObject(name = "confirmed", value = """
                                             {
                                               "outcome": "CONFIRMED",
                                               "reason": "抽查9个项目，均已开工，跟踪台账按月更新。"
                                             }"""),
                                         @ExampleObject(name = "reopened with a new problem", value = """
                                             {
                                               "outcome": "REOPENED",
                                               "reason": "回头看发现2个项目停工，跟踪台账3个月未更新。",
                                               "deadline": "2027-03-31",
                                               "newProblem": {
                                                 "title": "项目跟踪台账更新不及时",
                                                 "description": "回头看抽查发现台账自2026年9月起未更新。"
                                               }
                                             }""")}))
                             @NotNull @Valid LookBackInput input, @Context UriInfo uri) {
        LookBackReviewView review = transitions.lookBack(id, Versions.optional(ifMatch), input, actor.require());
        return Response.created(uri.getBaseUriBuilder().path("tasks").path(id.toString()).build())
                .tag(Versions.etag(review.task().version())).entity(review).build();
    }

    @GET
    @Path("{id}/look-back-reviews")
    @Operation(summary = "The task's 回头看 reviews, newest first: outcome, reason/findings, reviewer, time, new problem")
    @RolesAllowed(Access.READ)
    public List<LookBackReviewView> lookBackReviews(@PathParam("id") UUID id) {
        return lookBackReviews.ofTask(id);
    }

    @GET
    @Path("{id}/audit")
    @Operation(summary = "Audit trail: every change of the task, who made it, when, the state before and after",
            description = "For the office (整改办), which edits the task and answers for the ledger, the supervisors and the "
                    + "operator: e.g. each TaskDeadlineChanged with its lastDeadlineChange (from, to, reason, by, at).")
    @RolesAllowed(Access.TASK_HISTORY)
    public List<AuditEntryView> audit(@PathParam("id") UUID id) {
        tasks.requireEntity(id);
        return auditTrail.entriesOf(TaskEvents.AGGREGATE, id);
    }

    private static Response withEtag(Response.ResponseBuilder builder, TaskSnapshot task) {
        return TaskResponses.withEtag(builder, task);
    }


    private static Boolean parseBoolean(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw io.rectification.platform.error.ApiException.badRequest("overdue",
                    "'" + value + "' is not true or false");
        };
    }
}
