package io.rectification.reporting.todo;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Two complaints to answer read apart in 待办 and the digest, by what the events carry. */
@Tag("fast")
class FeedbackTitleTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void aFeedbackIsNamedByCategoryChannelAndWhenItCameInTheOfficesZone() {
        String call = FeedbackTitle.of("MISCONDUCT_REPORT", "PHONE", OffsetDateTime.parse("2026-12-03T06:05:00Z"), true, SHANGHAI);
        String web = FeedbackTitle.of("MISCONDUCT_REPORT", "WEB", OffsetDateTime.parse("2026-12-03T01:30:00Z"), true, SHANGHAI);
        assertEquals("群众反映（举报） · 电话 · 2026年12月3日 14:05收到", call);
        assertEquals("群众反映（举报） · 网上 · 2026年12月3日 09:30收到", web);
        assertNotEquals(call, web);
    }

    @Test
    void theEventSaysWhetherTheTimeWasGivenNotTheHour() {
        OffsetDateTime midnight = OffsetDateTime.parse("2026-12-02T16:00:00Z"); // 00:00 on 3 December in Shanghai
        assertEquals("群众反映（投诉） · 来信 · 2026年12月3日收到", FeedbackTitle.of("COMPLAINT", "POST", midnight, false, SHANGHAI));
        // a call registered at 00:00 came at midnight
        assertEquals("群众反映（举报） · 电话 · 2026年12月3日 00:00收到",
                FeedbackTitle.of("MISCONDUCT_REPORT", "PHONE", midnight, true, SHANGHAI));
        // and a letter without a time is its day alone whatever its instant says
        assertEquals("群众反映（投诉） · 来信 · 2026年12月3日收到",
                FeedbackTitle.of("COMPLAINT", "POST", OffsetDateTime.parse("2026-12-03T01:30:00Z"), false, SHANGHAI));
    }

    @Test
    void eventsWrittenBeforeTheFlagKeepTheGuessAStaffChannelAtMidnightIsADayAlone() {
        OffsetDateTime midnight = OffsetDateTime.parse("2026-12-02T16:00:00Z");
        assertEquals("群众反映（投诉） · 来信 · 2026年12月3日收到", FeedbackTitle.of("COMPLAINT", "POST", midnight, null, SHANGHAI));
        assertEquals("群众反映（投诉） · 来信 · 2026年12月3日 09:30收到",
                FeedbackTitle.of("COMPLAINT", "POST", OffsetDateTime.parse("2026-12-03T01:30:00Z"), null, SHANGHAI));
        // a web submission at midnight came at midnight
        assertEquals("群众反映（未分类） · 网上 · 2026年12月3日 00:00收到", FeedbackTitle.of(null, "WEB", midnight, null, SHANGHAI));
    }
}
