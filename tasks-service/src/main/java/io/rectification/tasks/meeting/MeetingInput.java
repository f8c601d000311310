package io.rectification.tasks.meeting;

import io.rectification.platform.rest.NoContactDetails;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A meeting as its minutes record it: kind, date, chair, topic, who attended (staff names or positions,
 * each once) and the decisions (议定事项). The minutes' file itself is attached afterwards.
 */
@Schema(description = "A meeting. Each attendee is named once; each decision's dueDate must not be before heldOn,"
        + " and its taskId, when given, must be a task of the same inspection.")
public record MeetingInput(@NotNull MeetingKind kind, @NotNull LocalDate heldOn, @NotBlank @Size(max = 200) @NoContactDetails String chair,
                           @Size(max = 500) @NoContactDetails String topic,
                           @Size(max = 200) List<@NotBlank @Size(max = 200) @NoContactDetails String> attendees,
                           @Size(max = 100) List<@NotNull @Valid Decision> decisions) {

    public record Decision(@NotBlank @Size(max = 2000) @NoContactDetails String text,
                           @NotBlank @Size(max = 200) @NoContactDetails String responsibleUnit,
                           @NotNull LocalDate dueDate, UUID taskId) {
    }

    List<String> attendeesOrEmpty() {
        return attendees == null ? List.of() : attendees;
    }

    List<Decision> decisionsOrEmpty() {
        return decisions == null ? List.of() : decisions;
    }
}
