package io.rectification.tasks.task;

import io.rectification.platform.error.ErrorBody.FieldError;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ReworkDeadline}: a reopening names the rework's deadline, after today; a confirmation names none. */
@Tag("fast")
class ReworkDeadlineRuleTest {

    private static final LocalDate TODAY = LocalDate.parse("2028-02-29");

    private static List<String> fields(ReviewOutcome outcome, String reason, String deadline) {
        return ReworkDeadline.refusals(new LookBackInput(outcome, reason, deadline == null ? null : LocalDate.parse(deadline),
                null), TODAY).stream().map(FieldError::field).toList();
    }

    @Test
    void aReopeningNeedsAReasonAndADeadlineAfterToday() {
        assertTrue(fields(ReviewOutcome.REOPENED, "台账未更新", "2028-03-01").isEmpty());
        assertEquals(List.of("deadline"), fields(ReviewOutcome.REOPENED, "台账未更新", null));
        assertEquals(List.of("deadline"), fields(ReviewOutcome.REOPENED, "台账未更新", "2028-02-29"));
        assertEquals(List.of("deadline"), fields(ReviewOutcome.REOPENED, "台账未更新", "2027-11-30"));
        assertEquals(List.of("reason", "deadline"), fields(ReviewOutcome.REOPENED, "  ", null));
    }

    @Test
    void aConfirmationSetsNoDeadline() {
        assertTrue(fields(ReviewOutcome.CONFIRMED, null, null).isEmpty());
        assertEquals(List.of("deadline"), fields(ReviewOutcome.CONFIRMED, "成效巩固", "2028-06-30"));
    }
}
