package io.rectification.feedback.handling;

import io.rectification.feedback.feedback.FeedbackCategory;
import io.rectification.feedback.feedback.FeedbackStaffView;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** The bodies of the triage steps. */
public final class TriageInputs {

    private TriageInputs() {
    }

    /** Classify and/or link; a null member leaves that part as it is. */
    @Schema(description = "Classify and/or link: give a category or a link (areaId, problemId or taskId), or both;"
            + " a member left out or null leaves that part as it is. A link is one place in the ledger of the"
            + " feedback's inspection: a task brings its problem and area, a problem its area (the ones given must"
            + " agree: 400); a part feedback-service has not heard of is 422 with retryAfterSeconds; one the office"
            + " cancelled (撤销) is 409 unless the feedback is linked to it already. A link to a cancelled part"
            + " (linkCancelledAt) is moved by naming one that stands")
    public record Triage(FeedbackCategory category, UUID areaId, UUID problemId, UUID taskId) {
    }

    /** The answer published to the submitter (shown on the tracking page). */
    public record Answer(@NotBlank @Size(max = 4000) String answer) {
    }

    public record Close(@Size(max = 500) String reason) {
    }

    /** Staff's own title and description for the new problem: never the submitter's text copied blindly. */
    public record Escalate(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 4000) String description,
                           UUID areaId) {
    }

    public record Merge(@NotNull UUID into) {
    }

    /** Several duplicates merged into one feedback at once, all or none. */
    @Schema(description = "Merge each of feedback (1 to " + MergeAll.MAX + ", each once, not into itself) into into, all or"
            + " none: each judged by the rules of one merge, a refusal naming feedback[i] (or into, for the target's own state)")
    public record MergeAll(@NotNull UUID into, @NotNull @Size(min = 1, max = MergeAll.MAX) List<@NotNull UUID> feedback) {
        public static final int MAX = 100;
    }

    /** What a batch merge did: each duplicate as it is now, in the order given. */
    public record Merged(List<FeedbackStaffView> merged) {
    }
}
