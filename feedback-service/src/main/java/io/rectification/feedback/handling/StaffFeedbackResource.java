package io.rectification.feedback.handling;

import io.rectification.feedback.feedback.FeedbackStaffView;
import io.rectification.feedback.feedback.FeedbackStatus;
import io.rectification.feedback.intake.FeedbackIntakeService;
import io.rectification.feedback.language.Language;
import io.rectification.feedback.intake.StaffFeedbackInput;
import io.rectification.feedback.ledger.LedgerReadModel;
import io.rectification.feedback.personal.Submitter;
import io.rectification.platform.rest.Flags;
import io.rectification.platform.rest.PageOf;
import io.rectification.platform.rest.PageRequest;
import io.rectification.platform.rest.Versions;
import io.rectification.platform.security.CurrentActor;
import io.rectification.platform.security.Access;
import io.rectification.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.util.List;
import java.util.UUID;

/** Staff's side of feedback: record what came by phone, post or email; triage; read. The acting person is the token's subject. */
@Path("/feedback")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Feedback (staff)", description = "意见建议办理: intake on other channels, triage, answers, escalation")
public class StaffFeedbackResource {

    private final FeedbackIntakeService intake;
    private final FeedbackTriageService triage;
    private final StaffFeedbackService reads;

    private final CurrentActor actor;

    public StaffFeedbackResource(FeedbackIntakeService intake, FeedbackTriageService triage, StaffFeedbackService reads,
                                 CurrentActor actor) {
        this.actor = actor;
        this.intake = intake;
        this.triage = triage;
        this.reads = reads;
    }

    @POST
    @Operation(summary = "Record a feedback received by PHONE, POST or EMAIL")
    @RolesAllowed(Access.HANDLE_FEEDBACK)
    @APIResponse(responseCode = "201", description = "the recorded feedback; Location is the feedback, ETag its version",
            content = @Content(schema = @Schema(implementation = FeedbackStaffView.class)))
    @APIResponse(responseCode = "404", description = "No publication with the body's publicationId")
    @APIResponse(responseCode = "422", description = LedgerReadModel.NOT_KNOWN_YET)
    public Response record(
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = {
                        @ExampleObject(name = "a call, with the caller's contact", value = """
                            {
                              "publicationId": "5b1e7c2a-8d4f-4a6b-9e3c-1f2a3b4c5d6e",
                              "channel": "PHONE",
                              "receivedOn": "2026-09-16",
                              "receivedTime": "10:30:00",
                              "text": "来电反映开发区某签约项目签约两年至今未开工，希望加快推进。",
                              "areaId": "0c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f",
                              "name": "张三",
                              "phone": "13800000000"
                            }"""),
                        @ExampleObject(name = "an anonymous letter", value = """
                            {
                              "publicationId": "5b1e7c2a-8d4f-4a6b-9e3c-1f2a3b4c5d6e",
                              "channel": "POST",
                              "receivedOn": "2026-09-18",
                              "receiptNumber": "来信〔2026〕第0128号",
                              "text": "建议开发区公开招商引资项目履约情况，接受群众监督。"
                            }""")}))
            @NotNull @Valid StaffFeedbackInput input,
                           @Context HttpHeaders headers, @Context UriInfo uri) {
        FeedbackStaffView created = intake.recordFromStaff(input, actor.require(), Language.of(headers));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .tag(String.valueOf(created.version())).entity(created).build();
    }

    @GET
    @Operation(summary = "The inbox: feedback filtered, a page at a time, contact details masked",
            description = "Newest first; with reply=OWED, OVERDUE or DUE_SOON the earliest reply date first (sort"
                    + " chooses otherwise). reply is the inbox's tabs, the rule said once by the service (ReplyRule):"
                    + " OWED not answered and RECEIVED, TRIAGED, ESCALATED or ESCALATION_REFUSED; OVERDUE owed and past"
                    + " its reply day in Beijing; DUE_SOON owed and due within dueSoonDays calendar days (待办's"
                    + " horizon, notices.todos.due-soon-days); NEW owed, RECEIVED and neither. Each item says its own"
                    + " replyUrgency. GET /feedback/counts answers every tab's total under the same other filters")
    @RolesAllowed(Access.READ_FEEDBACK)
    public PageOf<FeedbackStaffView> list(@QueryParam("publicationId") UUID publicationId,
                                          @QueryParam("status") FeedbackStatus status,
                                          @Parameter(description = "true: only the feedback linked to an area, problem"
                                                  + " or task the office cancelled (撤销; linkCancelledAt set), to be"
                                                  + " linked anew; with status=RECEIVED or TRIAGED, those a triage can"
                                                  + " still move. Anything but true or false is a 400 naming it")
                                          @QueryParam("linkCancelled") String linkCancelled,
                                          @BeanParam InboxParameters inbox,
                                          @Parameter(description = "NEWEST (received last first) or REPLY_DUE (the"
                                                  + " earliest reply date first); by default REPLY_DUE for reply=OWED,"
                                                  + " OVERDUE, DUE_SOON and NEWEST otherwise")
                                          @QueryParam("sort") InboxQuery.Order sort,
                                          @Valid @BeanParam PageRequest paging) {
        return reads.listFeedback(inbox.query(publicationId, status, sort), Flags.parse(linkCancelled, "linkCancelled"),
                paging.page, paging.size);
    }

    @GET
    @Path("counts")
    @Operation(summary = "The inbox's tab totals in one read: owed (待答复), overdue, dueSoon, newlyReceived, all",
            description = "Under the same publicationId, status, q, category and channel as the list; the reply filter"
                    + " is what each total sets itself")
    @RolesAllowed(Access.READ_FEEDBACK)
    public InboxCounts counts(@QueryParam("publicationId") UUID publicationId,
                              @QueryParam("status") FeedbackStatus status,
                              @BeanParam InboxParameters inbox) {
        return reads.counts(inbox.query(publicationId, status, null));
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Access.READ_FEEDBACK)
    @APIResponse(responseCode = "200", description = "the feedback, contact details masked; ETag its version",
            content = @Content(schema = @Schema(implementation = FeedbackStaffView.class)))
    @APIResponse(responseCode = "304", description = "If-None-Match names the feedback's current version (and it "
            + "was not escalated, nor is its link cancelled, nor its contact details erased: the problem's progress, "
            + "linkCancelledAt and personalDataErasedAt move without it): no body")
    public Response get(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        FeedbackStaffView feedback = reads.requireFeedback(id);
        // An escalated feedback shows its problem's progress, which tasks-service moves without the
        // feedback's version: the version is no validator of that answer, so it is always sent whole. So is
        // a link cancelled (linkCancelledAt), which tasks-service set without it; a link that stands now stood
        // in the copy the version names (a cancellation is never undone), so that one may be 304. The same for
        // contact details the retention period erased (personalDataErasedAt), which it does without the version.
        boolean versionValidates = feedback.escalatedProblem() == null && feedback.linkCancelledAt() == null
                && feedback.personalDataErasedAt() == null;
        return Versions.current(feedback, feedback.version(), versionValidates ? ifNoneMatch : null);
    }

    @GET
    @Path("{id}/history")
    @Operation(summary = "Every step taken on the feedback: who, when, what")
    @RolesAllowed(Access.READ_FEEDBACK)
    public List<HistoryView> history(@PathParam("id") UUID id) {
        return reads.history(id);
    }

    @GET
    @Path("{id}/submitter")
    @Operation(summary = "The submitter's contact details in full, and the text as sent (PERSONAL DATA)",
            description = "Only for holders of the personal-data permission; each access is recorded in the "
                    + "feedback's history. Every other view masks the contact data written into the text.")
    @APIResponse(responseCode = "200", description = "the details in full and the text as sent; the look is recorded",
            content = @Content(schema = @Schema(implementation = RevealedSubmission.class)))
    @APIResponse(responseCode = "410", description = "the contact details were erased under the retention period "
            + "(personalDataErasedAt, feedback.personal-data.retention): the problem says on which day; nothing is "
            + "shown, and the look is not recorded")
    @RolesAllowed({Roles.PERSONAL_DATA})
    public RevealedSubmission submitter(@PathParam("id") UUID id) {
        return reads.revealSubmitter(id, actor.require());
    }

    @POST
    @Path("{id}/triage")
    @Operation(summary = "Classify and/or link to an area, problem or task; sets the reply deadline for the category")
    @RolesAllowed(Access.HANDLE_FEEDBACK)
    @APIResponse(responseCode = "200", description = "the feedback as it is now; ETag its new version",
            content = @Content(schema = @Schema(implementation = FeedbackStaffView.class)))
    @APIResponse(responseCode = "409", description = LedgerReadModel.CANCELLED)
    @APIResponse(responseCode = "422", description = LedgerReadModel.NOT_KNOWN_YET)
    public Response triage(@PathParam("id") UUID id,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                   @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                           examples = {
                                               @ExampleObject(name = "classified and linked to its area", value = """
                                                   {
                                                     "category": "COMPLAINT",
                                                     "areaId": "0c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f"
                                                   }"""),
                                               @ExampleObject(name = "linked to a task", value = """
                                                   {
                                                     "problemId": "2a3b4c5d-6e7f-4081-9a2b-3c4d5e6f7a8b",
                                                     "taskId": "7e6d5c4b-3a29-4180-9f8e-7d6c5b4a3928"
                                                   }""")}))
                                   @NotNull @Valid TriageInputs.Triage input) {
        return answer(triage.triage(id, input, actor.require(), ifMatch));
    }

    @POST
    @Path("{id}/answer")
    @Operation(summary = "Publish the answer the submitter sees with the tracking code, or revise the one published",
            description = "A revision replaces the answer shown; the one replaced stays in the history (each ANSWERED and "
                    + "ANSWER_REVISED entry holds the text it published), answeredAt stays the first answer's time and "
                    + "answerRevisedAt is the revision's")
    @RolesAllowed(Access.HANDLE_FEEDBACK)
    @APIResponse(responseCode = "200", description = "the feedback as it is now; ETag its new version",
            content = @Content(schema = @Schema(implementation = FeedbackStaffView.class)))
    @APIResponse(responseCode = "428", description = "A published answer is revised only with If-Match: send the ETag read")
    public Response answer(@PathParam("id") UUID id,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                   @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                           examples = @ExampleObject(name = "an answer to publish", value = """
                                                   {
                                                     "answer": "您反映的问题已转开发区投资促进局核实。该项目已于2026年10月开工建设，后续进展将在整改情况通报中公布。感谢您的监督。"
                                                   }""")))
                                   @NotNull @Valid TriageInputs.Answer input) {
        return answer(triage.answer(id, input, actor.require(), ifMatch));
    }

    @POST
    @Path("{id}/close")
    @RolesAllowed(Access.HANDLE_FEEDBACK)
    @APIResponse(responseCode = "200", description = "the feedback as it is now; ETag its new version",
            content = @Content(schema = @Schema(implementation = FeedbackStaffView.class)))
    public Response close(@PathParam("id") UUID id,
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                  @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                          examples = @ExampleObject(name = "outside the rectification", value = """
                                                  {
                                                    "reason": "所反映事项不属于巡视整改范围，已告知可通过12345热线反映"
                                                  }""")))
                                  @Valid TriageInputs.Close input) {
        return answer(triage.close(id, input, actor.require(), ifMatch));
    }

    @POST
    @Path("{id}/escalate")
    @Operation(summary = "Escalate as a new problem for tasks-service (event FeedbackEscalated)")
    @RolesAllowed(Access.HANDLE_FEEDBACK)
    @APIResponse(responseCode = "200", description = "the feedback as it is now; ETag its new version",
            content = @Content(schema = @Schema(implementation = FeedbackStaffView.class)))
    @APIResponse(responseCode = "409", description = LedgerReadModel.CANCELLED)
    @APIResponse(responseCode = "422", description = LedgerReadModel.NOT_KNOWN_YET)
    public Response escalate(@PathParam("id") UUID id,
                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                     @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                             examples = @ExampleObject(name = "a new problem in an area", value = """
                                                     {
                                                       "title": "部分签约项目长期未开工、未建立退出机制",
                                                       "description": "群众来电反映某签约项目签约两年未开工，经投资促进局核实属实；同类项目尚有3个，纳入整改问题清单。",
                                                       "areaId": "0c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f"
                                                     }""")))
                                     @NotNull @Valid TriageInputs.Escalate input) {
        return answer(triage.escalate(id, input, actor.require(), ifMatch));
    }

    @POST
    @Path("{id}/merge")
    @Operation(summary = "Merge this duplicate into another feedback on the same publication")
    @RolesAllowed(Access.HANDLE_FEEDBACK)
    @APIResponse(responseCode = "200", description = "the feedback as it is now; ETag its new version",
            content = @Content(schema = @Schema(implementation = FeedbackStaffView.class)))
    @APIResponse(responseCode = "409", description = "This feedback's status does not allow a merge, or others were merged "
            + "into it; or (errors naming into) the target was merged itself (mergeInto: where its merges end), was merged "
            + "into this one, or was closed without an answer")
    public Response merge(@PathParam("id") UUID id,
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                  @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                          examples = @ExampleObject(name = "merged into an earlier feedback on the same project", value = """
                                                  {
                                                    "into": "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a"
                                                  }""")))
                                  @NotNull @Valid TriageInputs.Merge input) {
        return answer(triage.merge(id, input, actor.require(), ifMatch));
    }

    @POST
    @Path("merges")
    @Operation(summary = "Merge several duplicates into one feedback at once (批量合并), all or none",
            description = "Up to 100, each by the rules of one merge (POST /feedback/{id}/merge) under the same row locks,"
                    + " in one transaction: one refused, none merged. No If-Match: each is judged on what the last"
                    + " committed step left")
    @RolesAllowed(Access.HANDLE_FEEDBACK)
    @APIResponse(responseCode = "200", description = "each duplicate as it is now, in the order given",
            content = @Content(schema = @Schema(implementation = TriageInputs.Merged.class)))
    @APIResponse(responseCode = "400", description = "feedback[i] does not exist, is named twice, is into itself or is on"
            + " another publication; into does not exist")
    @APIResponse(responseCode = "409", description = "feedback[i]'s status does not allow a merge, or others were merged"
            + " into it; or (naming into) the target was merged itself or closed without an answer")
    public TriageInputs.Merged mergeAll(
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "three calls on one project merged into the first letter", value = """
                            {
                              "into": "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a",
                              "feedback": ["1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e",
                                           "3c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f"]
                            }""")))
            @NotNull @Valid TriageInputs.MergeAll input) {
        return triage.mergeAll(input, actor.require());
    }

    private static Response answer(FeedbackStaffView view) {
        return Response.ok(view).tag(String.valueOf(view.version())).build();
    }
}
