package io.rectification.platform.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Every event tasks-service publishes on {@code rectification.tasks.v1}, one record per event type
 * (the record's simple name is the type), as docs/events/tasks-events.yaml defines them.
 *
 * <p>To add an event type: add its message to the catalogue, then a record here implementing this
 * interface (or {@link TaskChange} when it carries the task's snapshot); the catalogue test fails
 * until the two agree. Members are boxed and enum values are strings on purpose: a consumer reads
 * events that older producers wrote (a member missing is null, not 0) and a value newer than
 * itself (a new state is kept as text, not refused).
 */
public sealed interface TasksEvent extends EventData {

    // ---- inspections, areas, problems -------------------------------------------------------

    /** InspectionRegistered and InspectionUpdated: the data is the inspection itself, not wrapped. */
    sealed interface InspectionChange extends TasksEvent {
        InspectionSnapshot inspection();
    }

    /** An inspection was registered (巡视). */
    record InspectionRegistered(@JsonValue InspectionSnapshot inspection) implements InspectionChange {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public InspectionRegistered {
        }
    }

    record InspectionUpdated(@JsonValue InspectionSnapshot inspection) implements InspectionChange {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public InspectionUpdated {
        }
    }

    sealed interface AreaChange extends TasksEvent {
        AreaSnapshot area();
    }

    record AreaRegistered(AreaSnapshot area) implements AreaChange {
    }

    record AreaUpdated(AreaSnapshot area) implements AreaChange {
    }

    /**
     * The office cancelled the area (撤销), entered by mistake: its problems and their tasks were cancelled
     * with it, each by its own event before this one. The snapshot carries {@code cancelledAt}; the area
     * changes no more and counts in no figure. The reason stays in tasks-service (its audit trail).
     */
    record AreaCancelled(AreaSnapshot area) implements AreaChange {
    }

    sealed interface ProblemChange extends TasksEvent {
        ProblemSnapshot problem();
    }

    record ProblemRegistered(ProblemSnapshot problem) implements ProblemChange {
    }

    record ProblemUpdated(ProblemSnapshot problem) implements ProblemChange {
    }

    /**
     * The office cancelled the problem (撤销), entered by mistake (a row imported twice, a finding of
     * another inspection): its tasks were cancelled with it, each by its own {@link TaskCancelled} before
     * this one. The snapshot carries {@code cancelledAt}; the problem changes no more and counts in no
     * figure. The reason stays in tasks-service (its audit trail).
     */
    record ProblemCancelled(ProblemSnapshot problem) implements ProblemChange {
    }

    // ---- tasks: every task event carries the task's snapshot after the change -------------------

    sealed interface TaskChange extends TasksEvent {
        TaskSnapshot task();
    }

    record TaskCreated(TaskSnapshot task) implements TaskChange {
    }

    /** Fields changed, started, or evidence, an indicator or a stage goal added. */
    record TaskUpdated(TaskSnapshot task) implements TaskChange {
    }

    record TaskProgressReported(TaskSnapshot task, ProgressReport report) implements TaskChange {
    }

    record TaskCompletionClaimed(TaskSnapshot task) implements TaskChange {
    }

    record TaskCompletionRejected(TaskSnapshot task, String reason) implements TaskChange {
    }

    /**
     * The owners withdrew their claim before it was decided (撤回销号申请): the snapshot is back in the
     * state it was claimed from. {@code reason} is null when they gave none; no rejection is recorded.
     */
    record TaskCompletionClaimWithdrawn(TaskSnapshot task, String reason) implements TaskChange {
    }

    /**
     * The verified close-out (销号), the completion that counts. Published as {@code TaskVerified}
     * until 2026-11-30; {@link EventContract#decode} reads that name as this record, so topics
     * replayed from the beginning still rebuild the same read models.
     */
    record TaskCompleted(TaskSnapshot task) implements TaskChange {
    }

    record TaskConsolidating(TaskSnapshot task) implements TaskChange {
    }

    /**
     * The office cancelled the task (撤销), entered by mistake, alone or with its problem or area. The
     * snapshot keeps the state it had (the state is a closed enum: cancelled is not a state but
     * {@code cancelledAt}, set) with no {@code allowedTransitions}; the task changes no more, is due nothing
     * and counts in no figure. The reason stays in tasks-service (its audit trail).
     */
    record TaskCancelled(TaskSnapshot task) implements TaskChange {
    }

    /**
     * A look-back review (回头看) reopened the closed-out task (再整改). The rework has a deadline of its own,
     * after the review's day: the snapshot's {@code deadline}; {@code previousDeadline} is the one it
     * replaced, null when the review kept the deadline (a date still ahead given again) and in events
     * published before 2026-12-06, when a reopening kept the old deadline, overdue at once.
     */
    record TaskReopened(TaskSnapshot task, String reason, UUID reviewId, LocalDate previousDeadline) implements TaskChange {
    }

    /**
     * The office (整改办) moved the task's completion deadline (完成时限): {@code previousDeadline} is the
     * one it replaced, the snapshot's {@code deadline} the new one; {@code reason} is the office's (always
     * given for a later deadline, 延期; null when an earlier one came without). Other fields changed by
     * the same edit travel in the snapshot, as for TaskUpdated.
     */
    record TaskDeadlineChanged(TaskSnapshot task, LocalDate previousDeadline, String reason) implements TaskChange {
    }

    /**
     * The task's unit (or the office for it) asked for a later deadline (申请延期): {@code requestedDeadline}
     * and why; the snapshot's {@code pendingDeadlineExtension} says the same with who and when until the
     * office decides. Approved, the move is a TaskDeadlineChanged (its reason begins （经申请）).
     */
    record TaskDeadlineExtensionRequested(TaskSnapshot task, UUID requestId, LocalDate requestedDeadline, String reason)
            implements TaskChange {
    }

    /**
     * The office refused the deadline extension request {@code requestId}: the deadline stays; {@code reason}
     * is the office's, {@code refusedBy} the coordinator (a staff username; the snapshot keeps no refusal).
     */
    record TaskDeadlineExtensionRefused(TaskSnapshot task, UUID requestId, LocalDate requestedDeadline, String reason,
                                        String refusedBy) implements TaskChange {
    }

    /**
     * {@code what}: DEADLINE or MILESTONE (then {@code milestoneId}). {@code resumedAt}: null the first
     * time the date is overdue; else when the task came back from a claim (rejected or withdrawn), or was
     * reopened by a look-back (再整改), after the date had passed: the overdue episode this notice is for
     * (a claim stops the overdue clock, a reopening starts the work anew).
     */
    record TaskOverdue(TaskSnapshot task, LocalDate dueDate, String what, UUID milestoneId,
                       OffsetDateTime resumedAt) implements TaskChange {
    }

    record TaskProgressReportMissing(TaskSnapshot task, String cadence, OffsetDateTime periodStart,
                                     OffsetDateTime expectedBy, Long missedPeriods) implements TaskChange {
    }

    record TaskLookBackDue(TaskSnapshot task, LocalDate dueDate, Integer review, Integer monthsAfterCloseOut,
                           OffsetDateTime verifiedAt) implements TaskChange {
    }

    record IndicatorRecorded(TaskSnapshot task, UUID indicatorId, BigDecimal value, String source,
                             OffsetDateTime recordedAt) implements TaskChange {
    }

    record MilestoneAchieved(TaskSnapshot task, UUID milestoneId) implements TaskChange {
    }

    /**
     * tasks-service could not register an escalated feedback as a problem (its inspection unknown
     * here, its title or description unusable): aggregate FeedbackEscalation, subject and version the
     * feedback's. {@code field} names the member it could not use; the reason is tasks-service's own text.
     */
    record FeedbackEscalationRefused(UUID feedbackId, Long feedbackVersion, UUID inspectionId, String field,
                                     String reason) implements TasksEvent {
    }

    /**
     * The inspection's leading group (整改工作领导小组) and first responsible person (第一责任人) were set
     * or changed: positions only (党工委书记…), as a notice names them; subject is the inspection id.
     */
    record LeadingGroupSet(LeadingGroupSnapshot leadingGroup) implements TasksEvent {
    }

    /** An accountability outcome as it now reads: recorded, or corrected (its version moved). */
    sealed interface AccountabilityOutcomeChange extends TasksEvent {
        AccountabilityOutcomeSnapshot outcome();
    }

    /** People handled (问责) for the inspection's problems: a count by kind, never names. */
    record AccountabilityOutcomeRecorded(AccountabilityOutcomeSnapshot outcome) implements AccountabilityOutcomeChange {
    }

    /**
     * A recorded outcome was corrected (a count, kind, date, problem or document entered wrongly): the
     * record as it now reads replaces the earlier version; the reason stays in tasks-service.
     */
    record AccountabilityOutcomeCorrected(AccountabilityOutcomeSnapshot outcome) implements AccountabilityOutcomeChange {
    }

    /**
     * A recorded outcome was withdrawn (撤销登记: entered twice, or for another inspection): the record as it read,
     * with its next version; it stays in tasks-service but counts in no total from now on. Not an
     * {@link AccountabilityOutcomeChange}: a consumer that keeps the newest version must drop this one from its
     * figures. The reason stays in tasks-service.
     */
    record AccountabilityOutcomeWithdrawn(AccountabilityOutcomeSnapshot outcome) implements TasksEvent {
    }

    /** A recovered-funds entry as it now reads: recorded, or corrected (its version moved). */
    sealed interface RecoveredFundsChange extends TasksEvent {
        RecoveredFundsSnapshot funds();
    }

    /** Funds recovered (追回资金) or losses retrieved (挽回损失), in 万元. */
    record FundsRecovered(RecoveredFundsSnapshot funds) implements RecoveredFundsChange {
    }

    /**
     * A recorded amount was corrected (an amount, kind, date, problem or document entered wrongly): the
     * entry as it now reads replaces the earlier version in every total; the reason stays in tasks-service.
     */
    record RecoveredFundsCorrected(RecoveredFundsSnapshot funds) implements RecoveredFundsChange {
    }

    /** A recorded amount was withdrawn (撤销登记), as {@link AccountabilityOutcomeWithdrawn}: in no total from now on. */
    record RecoveredFundsWithdrawn(RecoveredFundsSnapshot funds) implements TasksEvent {
    }

    /** A meeting (周调度会, 月推进会, 专题会议) was held, with its decisions. */
    record MeetingHeld(MeetingSnapshot meeting) implements TasksEvent {
    }

    /** The minutes' file of the meeting (会议纪要) was attached or replaced: the meeting's next version. */
    record MeetingMinutesAttached(MeetingSnapshot meeting) implements TasksEvent {
    }

    /** One decision of the meeting ({@code decisionId}) was carried out. */
    record MeetingDecisionCompleted(MeetingSnapshot meeting, UUID decisionId) implements TasksEvent {
    }

    // ---- the parts (components/schemas of the catalogue) ---------------------------------------

    /**
     * {@code kind}: WEEKLY_DISPATCH (周调度会), MONTHLY_PUSH (月推进会) or SPECIAL (专题会议); {@code attendees}: staff
     * names or positions; {@code minutes}: the minutes' file described, null until attached (and in events
     * older than either, as is an absent {@code attendees}).
     */
    record MeetingSnapshot(UUID id, Long version, UUID inspectionId, String kind, LocalDate heldOn, String chair,
                           String topic, List<String> attendees, MeetingMinutes minutes, List<MeetingDecision> decisions) {
    }

    /** The minutes' file of a meeting: its name, type, size and SHA-256 (its content stays in tasks-service). */
    record MeetingMinutes(String filename, String contentType, Long size, String sha256, OffsetDateTime uploadedAt) {
    }

    /** 会议议定事项: what, which unit, by when, about which task (may be null), done or not. */
    record MeetingDecision(UUID id, String text, String responsibleUnit, LocalDate dueDate, UUID taskId, Boolean done,
                           OffsetDateTime doneAt) {
    }

    /**
     * {@code id}: the group's own, the subject of its events; null in events published before catalogue 1.1.0 (2026-12-06),
     * whose subject was the inspection id.
     */
    record LeadingGroupSnapshot(UUID id, UUID inspectionId, Long version, String firstResponsiblePosition,
                                List<LeadingGroupMember> members) {
    }

    /** {@code role}: LEADER (组长), DEPUTY_LEADER (副组长) or MEMBER (成员). */
    record LeadingGroupMember(String role, String position) {
    }

    /**
     * {@code kind}: ADMONISHMENT_TALK (诫勉谈话), CRITICISM_EDUCATION (批评教育), PARTY_DISCIPLINE (党纪处分),
     * GOVERNMENT_SANCTION (政务处分), ORGANISATIONAL_HANDLING (组织处理); {@code problemId} null when the
     * record concerns the inspection as a whole; {@code source} the document it is recorded from;
     * {@code version} 1 when recorded, one more with each correction (null in events written before).
     */
    record AccountabilityOutcomeSnapshot(UUID id, Long version, UUID inspectionId, UUID problemId, String kind,
                                         Integer people, LocalDate decidedOn, String source) {
    }

    /**
     * {@code kind}: RECOVERED_FUNDS (追回资金) or RETRIEVED_LOSSES (挽回损失); {@code version} 1 when
     * recorded, one more with each correction (null in events written before).
     */
    record RecoveredFundsSnapshot(UUID id, Long version, UUID inspectionId, UUID problemId, String kind, BigDecimal amountWanYuan,
                                  LocalDate recordedOn, String source) {
    }

    record InspectionSnapshot(UUID id, Long version, String title, String team, String inspectedOrganisation,
                              String kind, LocalDate onSiteFrom, LocalDate onSiteTo, LocalDate feedbackDate,
                              Integer declaredAreas, Integer declaredProblems, Integer declaredTasks,
                              OffsetDateTime createdAt) {
    }

    /** {@code cancelledAt}: when the office cancelled the area (撤销), null while it stands (absent before 1.2.0). */
    record AreaSnapshot(UUID id, Long version, UUID inspectionId, Integer number, String title,
                        Integer percentComplete, OffsetDateTime cancelledAt) {
    }

    /**
     * {@code source}: PLAN ({@link #INSPECTION_FINDING}), LOOK_BACK, FEEDBACK, SELF_FOUND or ANALOGY (举一反三,
     * extending the finding {@code extendsProblemId}). {@code cancelledAt}: when the office cancelled it
     * (撤销), null while it stands (absent before 1.2.0).
     */
    record ProblemSnapshot(UUID id, Long version, UUID inspectionId, UUID areaId, Integer number, String title,
                           String description, String source, UUID sourceFeedbackId, UUID extendsProblemId,
                           Integer percentComplete, OffsetDateTime cancelledAt) {

        /**
         * The source of the inspection's own findings (巡视反馈: the problems of the rectification plan),
         * the only ones the report's section 二 counts as the inspection's; the others (群众反映, 举一反三,
         * 自查, 回头看) are counted beside them. Said here once for every consumer: feedback-service's
         * form offers the findings, reporting-service's report, progress page and dashboards count them.
         * tasks-service's {@code ProblemSource.PLAN} is the same name (its test holds them equal).
         */
        public static final String INSPECTION_FINDING = "PLAN";
    }

    record TaskSnapshot(@Schema(required = true) UUID id, Long version, @Schema(required = true) UUID inspectionId,
                        @Schema(required = true) UUID areaId, @Schema(required = true) UUID problemId,
                        @Schema(required = true) Integer number, @Schema(required = true) String title,
                        @Schema(required = true) String measures, String progressNarrative,
                        @Schema(required = true) String leadOfficial, @Schema(required = true) String responsiblePerson,
                        @Schema(required = true) String responsibleUnit, @Schema(required = true) LocalDate deadline,
                        @Schema(required = true) String kind, @Schema(required = true) String state,
                        @Schema(required = true) Integer percentComplete, String reportingCadence,
                        Boolean requireIndicatorsMet, OffsetDateTime lastProgressReportAt,
                        @Schema(required = true) List<Indicator> indicators,
                        @Schema(required = true) List<Milestone> milestones, Long evidenceCount, String claimedBy,
                        OffsetDateTime verifiedAt, @Schema(required = true) Integer reopenCount, Boolean overdue,
                        Boolean progressReportMissing, LocalDate nextLookBackDue, Decision lastRejection,
                        Decision lastReopen, Withdrawal lastWithdrawal, LookBack lastLookBack, Note verificationNote,
                        List<String> allowedTransitions, DeadlineChange lastDeadlineChange,
                        DeadlineExtension pendingDeadlineExtension, OffsetDateTime cancelledAt) {

        /** Whether the office cancelled the task (撤销): it then counts in no figure and is due nothing. */
        public boolean cancelled() {
            return cancelledAt != null;
        }

        /**
         * The same task at another version: one change published as several events, each moving the
         * version by one (a task created with its first indicator values), carries it at each.
         */
        public TaskSnapshot atVersion(long newVersion) {
            return new TaskSnapshot(id, newVersion, inspectionId, areaId, problemId, number, title, measures,
                    progressNarrative, leadOfficial, responsiblePerson, responsibleUnit, deadline, kind, state,
                    percentComplete, reportingCadence, requireIndicatorsMet, lastProgressReportAt, indicators, milestones,
                    evidenceCount, claimedBy, verifiedAt, reopenCount, overdue, progressReportMissing, nextLookBackDue,
                    lastRejection, lastReopen, lastWithdrawal, lastLookBack, verificationNote, allowedTransitions,
                    lastDeadlineChange, pendingDeadlineExtension, cancelledAt);
        }
    }

    record Indicator(@Schema(required = true) UUID id, @Schema(required = true) String name,
                     @Schema(required = true) String unit, BigDecimal baseline,
                     @Schema(required = true) String targetKind, @Schema(required = true) BigDecimal targetValue,
                     @Schema(required = true) String direction, BigDecimal latestActual, String latestSource,
                     @Schema(required = true) Boolean met) {
    }

    record Milestone(@Schema(required = true) UUID id, @Schema(required = true) String title,
                     @Schema(required = true) LocalDate dueDate, OffsetDateTime achievedAt) {
    }

    /** A rejection or reopening: why, by which staff member, when. */
    record Decision(@Schema(required = true) String reason, @Schema(required = true) String by,
                    @Schema(required = true) OffsetDateTime at) {
    }

    /** A completion claim its owners withdrew: why (null when they did not say), by which staff member, when. */
    record Withdrawal(String reason, String by, OffsetDateTime at) {
    }

    /** The latest look-back review (回头看): CONFIRMED or REOPENED, the reviewers' findings (may be null), who, when. */
    record LookBack(@Schema(required = true) String outcome, String findings, @Schema(required = true) String by,
                    @Schema(required = true) OffsetDateTime at) {
    }

    /** A change of the task's deadline: from which date to which, why (null when none was needed), by which staff member, when. */
    record DeadlineChange(@Schema(required = true) LocalDate from, @Schema(required = true) LocalDate to, String reason,
                          @Schema(required = true) String by, @Schema(required = true) OffsetDateTime at) {
    }

    /** A deadline extension request (延期申请) waiting for the office: which date, why, asked by which staff member, when. */
    record DeadlineExtension(@Schema(required = true) UUID id, @Schema(required = true) LocalDate requestedDeadline,
                             @Schema(required = true) String reason, @Schema(required = true) String by,
                             @Schema(required = true) OffsetDateTime at) {
    }

    /** A staff member's note on a step (the verifier's on a close-out or consolidation): what, who, when. */
    record Note(@Schema(required = true) String text, @Schema(required = true) String by,
                @Schema(required = true) OffsetDateTime at) {
    }

    record ProgressReport(UUID id, String cadence, LocalDate periodStart, LocalDate periodEnd,
                          Integer percentComplete, String text, String reporter, OffsetDateTime reportedAt) {
    }
}
