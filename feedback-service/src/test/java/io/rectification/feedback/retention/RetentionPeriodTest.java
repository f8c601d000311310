package io.rectification.feedback.retention;

import io.rectification.feedback.feedback.Feedback;
import io.rectification.feedback.feedback.FeedbackStatus;
import io.rectification.platform.error.ApiException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which feedback is due for the erasure of its contact details at a given instant; no services. */
@Tag("fast")
class RetentionPeriodTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final RetentionPeriod YEAR = new RetentionPeriod(Duration.parse("P365D"));

    static Feedback feedback(FeedbackStatus status, String lastStep, boolean answered) {
        Feedback feedback = new Feedback();
        feedback.status = status;
        feedback.updatedAt = lastStep == null ? null : OffsetDateTime.parse(lastStep);
        feedback.answeredAt = answered ? feedback.updatedAt : null;
        return feedback;
    }

    static Instant at(String time) {
        return OffsetDateTime.parse(time).toInstant();
    }

    @Test
    void dueFromTheInstantThePeriodAfterTheLastStepIsOverThatInstantIncluded() {
        Feedback closed = feedback(FeedbackStatus.CLOSED, "2025-06-10T14:30:00+08:00", false);
        assertFalse(YEAR.due(closed, at("2026-06-10T14:29:59.999999+08:00")));
        assertTrue(YEAR.due(closed, at("2026-06-10T14:30:00+08:00")), "exactly at the period's end");
        assertTrue(YEAR.due(closed, at("2026-06-10T14:30:00.000001+08:00")));
    }

    @Test
    void aroundMidnightInShanghaiTheInstantCountsNotTheDay() {
        // the last step a microsecond before midnight there (15:59:59.999999 UTC), another at midnight
        Feedback beforeMidnight = feedback(FeedbackStatus.ANSWERED, "2025-03-01T23:59:59.999999+08:00", true);
        Feedback atMidnight = feedback(FeedbackStatus.ANSWERED, "2025-03-02T00:00:00+08:00", true);
        Instant lastInstantOfTheDay = at("2026-03-01T23:59:59.999999+08:00");
        assertTrue(YEAR.due(beforeMidnight, lastInstantOfTheDay));
        assertFalse(YEAR.due(atMidnight, lastInstantOfTheDay), "a day later in Shanghai, though the same day in UTC");
        assertTrue(YEAR.due(atMidnight, at("2026-03-01T16:00:00Z")));
    }

    @Test
    void aPeriodOfDaysIsThatManyDaysAcrossALeapDay() {
        // 365 days from the leap day end on 28 February; from 1 March 2023 they end on the leap day
        Feedback onTheLeapDay = feedback(FeedbackStatus.CLOSED, "2024-02-29T10:00:00+08:00", false);
        assertFalse(YEAR.due(onTheLeapDay, at("2025-02-28T09:59:59+08:00")));
        assertTrue(YEAR.due(onTheLeapDay, at("2025-02-28T10:00:00+08:00")));
        Feedback beforeIt = feedback(FeedbackStatus.MERGED, "2023-03-01T10:00:00+08:00", false);
        assertFalse(YEAR.due(beforeIt, at("2024-02-29T09:59:59+08:00")));
        assertTrue(YEAR.due(beforeIt, at("2024-02-29T10:00:00+08:00")));
    }

    @Test
    void onlyAFinishedFeedbackIsDueAndAnEscalatedOneOnlyOnceAnswered() {
        Instant late = at("2030-01-01T00:00:00+08:00");
        String lastStep = "2025-01-01T09:00:00+08:00";
        Set<FeedbackStatus> finished = EnumSet.of(FeedbackStatus.CLOSED, FeedbackStatus.MERGED, FeedbackStatus.ANSWERED);
        for (FeedbackStatus status : FeedbackStatus.values()) {
            assertEquals(finished.contains(status), YEAR.due(feedback(status, lastStep, false), late), status + " unanswered");
        }
        assertTrue(YEAR.due(feedback(FeedbackStatus.ESCALATED, lastStep, true), late), "escalated and answered");
        assertFalse(YEAR.due(feedback(FeedbackStatus.ESCALATION_REFUSED, lastStep, true), late),
                "staff still owe a step (escalate again, or close)");
        assertFalse(YEAR.due(feedback(FeedbackStatus.TRIAGED, lastStep, true), late));
    }

    @Test
    void aFeedbackErasedOrNeverSteppedOnIsNotDue() {
        Instant late = at("2030-01-01T00:00:00+08:00");
        Feedback erased = feedback(FeedbackStatus.CLOSED, "2025-01-01T09:00:00+08:00", false);
        erased.personalDataErasedAt = OffsetDateTime.parse("2026-01-01T10:00:00+08:00");
        assertFalse(YEAR.due(erased, late));
        assertFalse(YEAR.due(feedback(FeedbackStatus.RECEIVED, null, false), late));
    }

    @Test
    void aPeriodOfZeroOrLessIsRefusedNamingTheSetting() {
        for (String length : new String[]{"PT0S", "-P1D"}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> new RetentionPeriod(Duration.parse(length)));
            assertTrue(refused.getMessage().startsWith("feedback.personal-data.retention (FEEDBACK_PERSONAL_DATA_RETENTION)"
                    + " must be a positive ISO 8601 duration"), refused.getMessage());
            assertTrue(refused.getMessage().contains("feedback.personal-data.erasure.every=off"), refused.getMessage());
        }
    }

    /** The job's search and V14's partial index say "finished" in the same words, or the index is not used. */
    @Test
    void theFinishedRowsAreSaidInTheQueryAsTheIndexSaysThem() throws IOException {
        try (InputStream migration = getClass().getResourceAsStream("/db/migration/V14__personal_data_retention.sql")) {
            String sql = new String(migration.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(sql.contains("WHERE personal_data_erased_at IS NULL\n      AND " + RetentionPeriod.FINISHED_SQL + ";"),
                    RetentionPeriod.FINISHED_SQL);
        }
        assertTrue(PersonalDataErasure.DUE.contains("WHERE personal_data_erased_at IS NULL AND "
                + RetentionPeriod.FINISHED_SQL + " AND updated_at <= ?"));
    }

    @Test
    void theDayOfTheErasureIsShanghaisAroundMidnight() {
        assertEquals(LocalDate.parse("2026-03-01"), ErasedDetails.day(OffsetDateTime.parse("2026-03-01T15:59:59Z"), SHANGHAI));
        assertEquals(LocalDate.parse("2026-03-02"), ErasedDetails.day(OffsetDateTime.parse("2026-03-01T16:00:00Z"), SHANGHAI));
        ApiException gone = ErasedDetails.gone(OffsetDateTime.parse("2026-03-01T16:00:00Z"), SHANGHAI);
        assertEquals(410, gone.status());
        assertTrue(gone.getMessage().startsWith("the submitter's contact details were erased on 2026-03-02 under the "
                + "retention period"), gone.getMessage());
    }
}
