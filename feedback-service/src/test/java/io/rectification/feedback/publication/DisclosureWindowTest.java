package io.rectification.feedback.publication;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("fast")
class DisclosureWindowTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    final DisclosureWindow notice = DisclosureWindow.of(LocalDateTime.parse("2025-11-06T00:00:00"),
            LocalDateTime.parse("2025-11-13T23:59:59"), SHANGHAI);

    @Test
    void bothEndsAreInsideToTheSecond() {
        assertTrue(notice.contains(Instant.parse("2025-11-05T16:00:00Z")), "first second");
        assertTrue(notice.contains(Instant.parse("2025-11-13T15:59:59Z")), "last second");
        assertTrue(notice.contains(Instant.parse("2025-11-13T15:59:59.999Z")), "within the last second");
    }

    @Test
    void oneSecondOutsideIsOutside() {
        assertFalse(notice.contains(Instant.parse("2025-11-05T15:59:59Z")));
        assertFalse(notice.contains(Instant.parse("2025-11-05T15:59:59.999Z")));
        assertFalse(notice.contains(Instant.parse("2025-11-13T16:00:00Z")));
        assertTrue(notice.notYetOpen(Instant.parse("2025-11-05T15:59:59Z")));
    }

    @Test
    void midnightInShanghaiIsTheDayBeforeInUtcAndInBerlin() {
        // 2025-11-06 00:00 in Shanghai is 2025-11-05 17:00 in Berlin: a Berlin evening is inside.
        assertEquals(Instant.parse("2025-11-05T16:00:00Z"), notice.start());
        assertTrue(notice.contains(LocalDateTime.parse("2025-11-05T17:00:00").atZone(ZoneId.of("Europe/Berlin")).toInstant()));
        assertFalse(notice.contains(LocalDateTime.parse("2025-11-05T16:59:59").atZone(ZoneId.of("Europe/Berlin")).toInstant()));
        assertEquals("2025-11-06 00:00:00 – 2025-11-13 23:59:59 (Asia/Shanghai)", notice.describe());
    }

    @Test
    void aWindowInAZoneWithSummerTimeUsesThatDaysOffset() {
        DisclosureWindow berlin = DisclosureWindow.of(LocalDateTime.parse("2025-03-30T00:00:00"),
                LocalDateTime.parse("2025-03-30T23:59:59"), ZoneId.of("Europe/Berlin"));
        assertEquals(Instant.parse("2025-03-29T23:00:00Z"), berlin.start());
        assertEquals(Instant.parse("2025-03-30T21:59:59Z"), berlin.end());
        assertEquals("+02:00", berlin.endInZone().getOffset().getId());
        assertEquals("2025年3月30日 00:00至2025年3月30日 23:59（Europe/Berlin）", berlin.describeInChinese());
    }

    /** In Chinese the window is written as the public pages write a moment: 2025年11月13日 23:59（北京时间）. */
    @Test
    void inChineseTheWindowIsWrittenAsThePublicPagesWriteIt() {
        assertEquals("2025年11月6日 00:00至2025年11月13日 23:59（北京时间）", notice.describeInChinese());
    }
}
