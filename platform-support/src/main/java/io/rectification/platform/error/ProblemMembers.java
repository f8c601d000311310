package io.rectification.platform.error;

import java.util.Map;

import static java.util.Map.entry;

/**
 * Every extension member a problem body may carry ({@link ApiException#with}), with what it holds,
 * said once: the OpenAPI documents list them as optional members of {@code Problem}
 * (openapi.ErrorAnswers), so a client generated from them keeps what the docs tell it to act on
 * (reload to {@code currentVersion}, retry after {@code retryAfterSeconds}). A member thrown anywhere
 * in the services is one of these (ProblemMembersTest reads their sources).
 */
public final class ProblemMembers {

    /** What a member's value is, in JSON Schema's words: its type, and for a list the type of its items. */
    public enum Kind { STRING, INTEGER, DATE_TIME, UUID, STRINGS, OBJECT, OBJECTS }

    public record Member(Kind kind, String description) {
    }

    public static final Map<String, Member> ALL = Map.ofEntries(
            // 412, and a 409 of a step the resource's state no longer allows (someone else's step came first)
            entry("currentVersion", new Member(Kind.INTEGER, "409, 412: the version the resource is at now; read it again")),
            // 409 of a task's lifecycle and work
            entry("state", new Member(Kind.STRING, "409: the task's state, which does not allow the step")),
            entry("kind", new Member(Kind.STRING, "409: the task's kind (IMMEDIATE, TIME_BOUND, LONG_TERM)")),
            entry("field", new Member(Kind.STRING, "409: the member of the request the conflict is about")),
            entry("allowedTransitions", new Member(Kind.STRINGS, "409: the steps the task's state allows")),
            entry("missing", new Member(Kind.STRINGS,
                    "409: what the step needs first (evidence; evidenceWithFileOrReference: an entry with its file"
                            + " attached or a reference, not a title only; evidenceSinceReopen: evidence with a file or"
                            + " reference added after the reopening)")),
            entry("bareEvidence", new Member(Kind.OBJECTS, "409 with missing evidenceWithFileOrReference or"
                    + " evidenceSinceReopen: the evidence entries (recorded since the reopening, for the latter) that"
                    + " have a title only, each {id, title}: attach a file to one, or add an entry with a reference")),
            entry("reopenedAt", new Member(Kind.DATE_TIME, "409: when the task was reopened")),
            entry("unmetIndicators", new Member(Kind.STRINGS, "409: the indicators that do not meet their targets yet")),
            entry("openMilestones", new Member(Kind.STRINGS, "409: the stage goals not achieved yet")),
            entry("claimedBy", new Member(Kind.STRING, "403: who claimed completion, and so may not verify it")),
            entry("lastStateChange", new Member(Kind.OBJECT, "409: who put the task in the state that refused the step,"
                    + " by which change, when: {state, action (the event's type), by, at}")),
            entry("withdrawnAt", new Member(Kind.DATE_TIME, "409: when the accountability record was withdrawn (撤销登记)")),
            // 409 of what the office cancelled (撤销) as entered by mistake, and of a cancellation refused (tasks-service)
            entry("cancelledAt", new Member(Kind.DATE_TIME, "409: when the task, problem or area (or the one it is"
                    + " under) was cancelled (撤销): it changes no more")),
            entry("closedTasks", new Member(Kind.OBJECTS, "409: the problem's tasks closed out (销号), which keep it"
                    + " from being cancelled: [{id, number, title, state}]")),
            entry("source", new Member(Kind.STRING, "409: the problem's source (FEEDBACK: escalated public feedback,"
                    + " which is not cancelled)")),
            entry("extendedBy", new Member(Kind.STRINGS, "409: the 举一反三 problems (ids) that stand and extend the"
                    + " problem, which keep it from being cancelled")),
            entry("accountabilityRecords", new Member(Kind.STRINGS, "409: the accountability records and recovered-funds"
                    + " entries (ids) not withdrawn that name the problem, which keep it from being cancelled")),
            entry("problems", new Member(Kind.OBJECTS, "409: the area's problems that keep it from being cancelled, each"
                    + " {problemId, number, title} with its reasons: closedTasks, source, extendedBy, accountabilityRecords")),
            // 409 of an evidence entry removed that holds a file (only an entry without one is removed)
            entry("evidenceId", new Member(Kind.UUID,
                    "409: the evidence entry that holds a file and so is not removed (replace its file instead)")),
            // 409 of a deadline extension request (延期申请)
            entry("pendingRequestId", new Member(Kind.UUID,
                    "409: the task's deadline extension request still waiting for the office's decision")),
            entry("requestStatus", new Member(Kind.STRING,
                    "409: the deadline extension request's status (APPROVED, REFUSED): it was decided already")),
            // 409 of a plan or an inspection registered twice
            entry("existingInspectionId", new Member(Kind.UUID, "409: the inspection registered already")),
            // 409 of feedback's handling and intake
            entry("feedbackStatus", new Member(Kind.STRING, "409: the feedback's status, which does not allow the step")),
            entry("allowedSteps", new Member(Kind.STRINGS, "409: the steps the feedback's status allows")),
            entry("mergeInto", new Member(Kind.UUID, "409: the feedback to merge into instead (where the merges of the target, itself merged, end)")),
            entry("earlierTrackingCode", new Member(Kind.STRING, "409: the tracking code of the same text sent before")),
            entry("windowStart", new Member(Kind.DATE_TIME, "409: when the publication's window for feedback opens")),
            entry("windowEnd", new Member(Kind.DATE_TIME, "409: when the publication's window for feedback closes")),
            entry("timeZone", new Member(Kind.STRING, "409: the publication's time zone, in which the window is written")),
            // 410 of a submitter's contact details erased by the retention period (feedback's retention)
            entry("personalDataErasedAt", new Member(Kind.DATE_TIME, "410: when the retention period erased the submitter's contact details")),
            // 409 of reporting
            entry("rebuild", new Member(Kind.UUID, "409: the rebuild still replaying (GET /admin/rebuild follows it)")),
            entry("rekey", new Member(Kind.UUID, "409: the personal-data rekey run still going (GET /admin/personal-data/rekey follows it)")),
            entry("rowsDone", new Member(Kind.INTEGER, "409: the rows the rekey run still going has done so far")),
            entry("rowsToRekey", new Member(Kind.INTEGER, "409: the rows the rekey run still going was started to do")),
            entry("sameAsVersion", new Member(Kind.INTEGER, "409: the published version the report would repeat")),
            // 409, 422 of a request sent again with its Idempotency-Key (idempotency.IdempotencyFilter)
            entry("idempotency", new Member(Kind.STRING, "409, 422: what became of the request first sent with this"
                    + " Idempotency-Key: IN_PROGRESS (retry after Retry-After), OUTCOME_UNKNOWN (look the record up,"
                    + " then send a new key), OTHER_REQUEST (the key was sent with another request)")),
            // 404, 413, 415, 422, 429, 503
            entry("allowed", new Member(Kind.STRINGS, "404: the names this path takes")),
            entry("maxBytes", new Member(Kind.INTEGER, "413: the largest body taken, in bytes")),
            entry("allowedContentTypes", new Member(Kind.STRINGS, "415: the media types taken")),
            entry("retryAfterSeconds", new Member(Kind.INTEGER,
                    "409, 422, 429, 503: try again after this many seconds (as Retry-After)")),
            entry("font", new Member(Kind.STRING, "503: the font file the PDF needs, which is missing")));

    private ProblemMembers() {
    }
}
