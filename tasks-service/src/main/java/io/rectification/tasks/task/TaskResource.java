package io.rectification.tasks.task;

import io.rectification.platform.rest.PageOf;
import io.rectification.platform.security.CurrentActor;
import io.rectification.platform.security.Roles;
import io.rectification.tasks.audit.LedgerAudit;
import io.rectification.tasks.support.Enums;
import io.rectification.tasks.support.Ids;
import io.rectification.platform.rest.Versions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks", description = "整改任务: rectification tasks, their work and their lifecycle to close-out (销号)")
public class TaskResource {

    private final TaskService tasks;
    private final TaskWorkService work;
    private final TaskTransitionService transitions;
    private final CurrentActor actor;
    private final LedgerAudit auditTrail;
    private final EvidenceFiles evidenceFiles;

    public TaskResource(TaskService tasks, TaskWorkService work, TaskTransitionService transitions, CurrentActor actor,
                        LedgerAudit auditTrail, EvidenceFiles evidenceFiles) {
        this.evidenceFiles = evidenceFiles;
        this.auditTrail = auditTrail;
        this.tasks = tasks;
        this.work = work;
        this.transitions = transitions;
        this.actor = actor;
    }

    @GET
    @Operation(summary = "Tasks, filtered; sort by number, title, deadline, state, kind, percentComplete, "
            + "responsibleUnit, leadOfficial, createdAt, updatedAt (comma-separated, -x descending)")
    @RolesAllowed({Roles.OFFICER, Roles.COORDINATOR, Roles.SUPERVISOR, Roles.INTEGRATION, Roles.ADMIN})
    public PageOf<TaskSnapshot> list(@QueryParam("inspectionId") String inspectionId,
                                     @QueryParam("areaId") String areaId,
                                     @QueryParam("problemId") String problemId,
                                     @QueryParam("state") String state,
                                     @QueryParam("kind") String kind,
                                     @QueryParam("unit") String unit,
                                     @QueryParam("leadOfficial") String leadOfficial,
                                     @QueryParam("overdue") String overdue,
                                     @QueryParam("lookBackDueBy") String lookBackDueBy,
                                     @QueryParam("sort") String sort,
                                     @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                     @QueryParam("size") @DefaultValue("50") @Min(1) @Max(PageOf.MAX_SIZE) int size) {
        TaskFilter filter = new TaskFilter(Ids.parse(inspectionId, "inspectionId"), Ids.parse(areaId, "areaId"),
                Ids.parse(problemId, "problemId"), Enums.parse(TaskState.class, state, "state"),
                Enums.parse(TaskKind.class, kind, "kind"), blankToNull(unit), blankToNull(leadOfficial),
                parseBoolean(overdue), parseDate(lookBackDueBy, "lookBackDueBy"));
        return tasks.listTasks(filter, sort, page, size);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.OFFICER, Roles.COORDINATOR, Roles.SUPERVISOR, Roles.INTEGRATION, Roles.ADMIN})
    public Response get(@PathParam("id") UUID id) {
        return withEtag(Response.ok(), tasks.findTaskById(id));
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace a task's editable fields; needs If-Match with the task's ETag")
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    public Response replace(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                            @NotNull @Valid TaskUpdate update) {
        return withEtag(Response.ok(), tasks.replaceTask(id, Versions.required(ifMatch), update));
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change some of a task's fields; needs If-Match with the task's ETag")
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    public Response patch(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                          @NotNull @Valid TaskPatch patch) {
        return withEtag(Response.ok(), tasks.patchTask(id, Versions.required(ifMatch), patch));
    }

    // --- lifecycle: If-Match is optional here; when sent, a stale one is refused -----------------

    @POST
    @Path("{id}/start")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "PLANNED → IN_PROGRESS")
    @RolesAllowed({Roles.OFFICER, Roles.COORDINATOR, Roles.ADMIN})
    public Response start(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return withEtag(Response.ok(), transitions.start(id, Versions.optional(ifMatch)));
    }

    @POST
    @Path("{id}/completion-claim")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "IN_PROGRESS or REOPENED → COMPLETION_CLAIMED; the claimant is the token holder")
    @RolesAllowed({Roles.OFFICER, Roles.COORDINATOR, Roles.ADMIN})
    public Response claimCompletion(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        String claimant = actor.require();
        return withEtag(Response.ok(), transitions.claimCompletion(id, Versions.optional(ifMatch), claimant));
    }

    @POST
    @Path("{id}/completion-rejection")
    @Operation(summary = "COMPLETION_CLAIMED → IN_PROGRESS, with a reason")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    public Response rejectCompletion(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                     @NotNull @Valid RejectionInput input) {
        String reviewer = actor.require();
        return withEtag(Response.ok(), transitions.rejectCompletion(id, Versions.optional(ifMatch), input.reason(), reviewer));
    }

    @POST
    @Path("{id}/verification")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Close-out (销号): COMPLETION_CLAIMED → VERIFIED (LONG_TERM: → CONSOLIDATING, then → VERIFIED); "
            + "the verifier (token holder) must differ from the claimant")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    public Response verify(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        String verifier = actor.require();
        return withEtag(Response.ok(), transitions.verify(id, Versions.optional(ifMatch), verifier));
    }

    @POST
    @Path("{id}/look-back-reviews")
    @Operation(summary = "回头看 of a closed-out task: CONFIRMED, or REOPENED (再整改); newProblem registers 再深挖")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    public Response lookBack(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                             @NotNull @Valid LookBackInput input) {
        String reviewer = actor.require();
        return Response.status(201).entity(transitions.lookBack(id, Versions.optional(ifMatch), input, reviewer)).build();
    }

    // --- work on a task ---------------------------------------------------------------------

    @POST
    @Path("{id}/progress-reports")
    @Operation(summary = "Report progress for a period (日报告/周调度/月推进); the reporter is the token holder")
    @RolesAllowed({Roles.OFFICER, Roles.COORDINATOR, Roles.ADMIN})
    public Response reportProgress(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                   @NotNull @Valid ProgressReportInput input) {
        String reporter = actor.require();
        return Response.status(201).entity(work.reportProgress(id, Versions.optional(ifMatch), input, reporter)).build();
    }

    @GET
    @Path("{id}/progress-reports")
    @RolesAllowed({Roles.OFFICER, Roles.COORDINATOR, Roles.SUPERVISOR, Roles.INTEGRATION, Roles.ADMIN})
    public List<Map<String, Object>> progressReports(@PathParam("id") UUID id) {
        return work.listProgressReports(id);
    }

    @POST
    @Path("{id}/evidence")
    @Operation(summary = "Add a piece of evidence (台账, document, minutes)")
    @RolesAllowed({Roles.OFFICER, Roles.COORDINATOR, Roles.ADMIN})
    public Response addEvidence(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                @NotNull @Valid EvidenceInput input) {
        return Response.status(201)
                .entity(work.addEvidence(id, Versions.optional(ifMatch), input, actor.optional().orElse(null))).build();
    }

    @GET
    @Path("{id}/evidence")
    @RolesAllowed({Roles.OFFICER, Roles.COORDINATOR, Roles.SUPERVISOR, Roles.INTEGRATION, Roles.ADMIN})
    public List<Map<String, Object>> evidence(@PathParam("id") UUID id) {
        return work.listEvidence(id);
    }

    @PUT
    @Path("{id}/evidence/{evidenceId}/file")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Attach the file of an evidence entry (PDF, PNG, JPEG, DOCX, XLSX, OFD; size-limited); "
            + "Content-Type is the file's type, filename the name to download it under; officers of the task's "
            + "unit only, If-Match optional, refused (409) once the task is closed out (销号)")
    @RolesAllowed({Roles.OFFICER, Roles.COORDINATOR, Roles.ADMIN})
    public Map<String, Object> attachEvidenceFile(@PathParam("id") UUID id, @PathParam("evidenceId") UUID evidenceId,
                                                  @HeaderParam("If-Match") String ifMatch,
                                                  @HeaderParam("Content-Type") String contentType,
                                                  @QueryParam("filename") String filename, byte[] content) {
        return evidenceFiles.attach(id, evidenceId, Versions.optional(ifMatch), contentType, filename,
                content == null ? new byte[0] : content);
    }

    @GET
    @Path("{id}/evidence/{evidenceId}/file")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.OFFICER, Roles.COORDINATOR, Roles.SUPERVISOR, Roles.INTEGRATION, Roles.ADMIN})
    public Response evidenceFile(@PathParam("id") UUID id, @PathParam("evidenceId") UUID evidenceId) {
        EvidenceFile file = evidenceFiles.requireFile(id, evidenceId);
        String encoded = java.net.URLEncoder.encode(file.filename, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(file.content, file.contentType)
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + encoded)
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    @POST
    @Path("{id}/indicators")
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    public Response addIndicator(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                 @NotNull @Valid IndicatorInput input) {
        return withEtag(Response.status(201),
                work.addIndicator(id, Versions.optional(ifMatch), input, actor.optional().orElse(null)));
    }

    @POST
    @Path("{id}/indicators/{indicatorId}/values")
    @Operation(summary = "Record a measured value of an indicator with its source; the recorder is the token holder")
    @RolesAllowed({Roles.OFFICER, Roles.COORDINATOR, Roles.ADMIN})
    public Response recordIndicatorValue(@PathParam("id") UUID id, @PathParam("indicatorId") UUID indicatorId,
                                         @HeaderParam("If-Match") String ifMatch,
                                         @NotNull @Valid IndicatorValueInput input) {
        String recorder = actor.require();
        return withEtag(Response.status(201),
                work.recordIndicatorValue(id, indicatorId, Versions.optional(ifMatch), input, recorder));
    }

    @GET
    @Path("{id}/indicators/{indicatorId}/values")
    @RolesAllowed({Roles.OFFICER, Roles.COORDINATOR, Roles.SUPERVISOR, Roles.INTEGRATION, Roles.ADMIN})
    public List<Map<String, Object>> indicatorHistory(@PathParam("id") UUID id, @PathParam("indicatorId") UUID indicatorId) {
        return work.indicatorHistory(id, indicatorId);
    }

    @POST
    @Path("{id}/milestones")
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    public Response addMilestone(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                 @NotNull @Valid MilestoneInput input) {
        return withEtag(Response.status(201), work.addMilestone(id, Versions.optional(ifMatch), input));
    }

    @POST
    @Path("{id}/milestones/{milestoneId}/achievement")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Mark a stage goal achieved")
    @RolesAllowed({Roles.OFFICER, Roles.COORDINATOR, Roles.ADMIN})
    public Response achieveMilestone(@PathParam("id") UUID id, @PathParam("milestoneId") UUID milestoneId,
                                     @HeaderParam("If-Match") String ifMatch) {
        return withEtag(Response.ok(), work.achieveMilestone(id, milestoneId, Versions.optional(ifMatch)));
    }

    @GET
    @Path("{id}/audit")
    @Operation(summary = "Audit trail: every change of the task, who made it, when, the state before and after")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    public List<Map<String, Object>> audit(@PathParam("id") UUID id) {
        tasks.requireEntity(id);
        return auditTrail.entriesOf(TaskEvents.AGGREGATE, id);
    }

    private static Response withEtag(Response.ResponseBuilder builder, TaskSnapshot task) {
        return builder.tag(Versions.etag(task.version())).entity(task).build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static java.time.LocalDate parseDate(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw io.rectification.platform.problem.ProblemException.badRequest(parameter, "'" + value + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static Boolean parseBoolean(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw io.rectification.platform.problem.ProblemException.badRequest("overdue",
                    "'" + value + "' is not true or false");
        };
    }
}
