package io.rectification.feedback.feedback;

import io.rectification.feedback.intake.Language;
import io.rectification.feedback.personal.Submitter;
import io.rectification.feedback.staff.ActingStaff;
import io.rectification.platform.rest.PageOf;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** Staff's side of feedback: record what came by phone, post or email; triage; read. Writes need X-Actor. */
@Path("/feedback")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Feedback (staff)", description = "意见建议办理: intake on other channels, triage, answers, escalation")
public class StaffFeedbackResource {

    private final FeedbackIntakeService intake;
    private final FeedbackTriageService triage;
    private final StaffFeedbackService reads;

    public StaffFeedbackResource(FeedbackIntakeService intake, FeedbackTriageService triage, StaffFeedbackService reads) {
        this.intake = intake;
        this.triage = triage;
        this.reads = reads;
    }

    @POST
    @Operation(summary = "Record a feedback received by PHONE, POST or EMAIL")
    public Response record(@HeaderParam(ActingStaff.HEADER) String actor, @NotNull @Valid StaffFeedbackInput input,
                           @Context HttpHeaders headers, @Context UriInfo uri) {
        FeedbackStaffView created = intake.recordFromStaff(input, ActingStaff.require(actor), Language.of(headers));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .tag(String.valueOf(created.version())).entity(created).build();
    }

    @GET
    @Operation(summary = "Feedback, newest first, contact details masked")
    public PageOf<FeedbackStaffView> list(@QueryParam("publicationId") UUID publicationId,
                                          @QueryParam("status") FeedbackStatus status,
                                          @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                          @QueryParam("size") @DefaultValue("50") @Min(1) @Max(PageOf.MAX_SIZE) int size) {
        return reads.listFeedback(publicationId, status, page, size);
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") UUID id) {
        FeedbackStaffView feedback = reads.requireFeedback(id);
        return Response.ok(feedback).tag(String.valueOf(feedback.version())).build();
    }

    @GET
    @Path("{id}/history")
    @Operation(summary = "Every step taken on the feedback: who, when, what")
    public List<HistoryView> history(@PathParam("id") UUID id) {
        return reads.history(id);
    }

    @GET
    @Path("{id}/submitter")
    @Operation(summary = "The submitter's contact details in full (PERSONAL DATA)",
            description = "Each access is recorded in the feedback's history. To be restricted to the roles "
                    + "allowed to see personal data once authentication (JWT) arrives.")
    public Submitter submitter(@PathParam("id") UUID id, @HeaderParam(ActingStaff.HEADER) String actor) {
        return reads.revealSubmitter(id, ActingStaff.require(actor));
    }

    @POST
    @Path("{id}/triage")
    @Operation(summary = "Classify and/or link to an area, problem or task; sets the reply deadline for the category")
    public Response triage(@PathParam("id") UUID id, @HeaderParam(ActingStaff.HEADER) String actor,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid TriageInputs.Triage input) {
        return answer(triage.triage(id, input, ActingStaff.require(actor), ifMatch));
    }

    @POST
    @Path("{id}/answer")
    @Operation(summary = "Publish the answer the submitter sees with the tracking code")
    public Response answer(@PathParam("id") UUID id, @HeaderParam(ActingStaff.HEADER) String actor,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid TriageInputs.Answer input) {
        return answer(triage.answer(id, input, ActingStaff.require(actor), ifMatch));
    }

    @POST
    @Path("{id}/close")
    public Response close(@PathParam("id") UUID id, @HeaderParam(ActingStaff.HEADER) String actor,
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid TriageInputs.Close input) {
        return answer(triage.close(id, input, ActingStaff.require(actor), ifMatch));
    }

    @POST
    @Path("{id}/escalate")
    @Operation(summary = "Escalate as a new problem for tasks-service (event FeedbackEscalated)")
    public Response escalate(@PathParam("id") UUID id, @HeaderParam(ActingStaff.HEADER) String actor,
                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid TriageInputs.Escalate input) {
        return answer(triage.escalate(id, input, ActingStaff.require(actor), ifMatch));
    }

    @POST
    @Path("{id}/merge")
    @Operation(summary = "Merge this duplicate into another feedback on the same publication")
    public Response merge(@PathParam("id") UUID id, @HeaderParam(ActingStaff.HEADER) String actor,
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid TriageInputs.Merge input) {
        return answer(triage.merge(id, input, ActingStaff.require(actor), ifMatch));
    }

    private static Response answer(FeedbackStaffView view) {
        return Response.ok(view).tag(String.valueOf(view.version())).build();
    }
}
