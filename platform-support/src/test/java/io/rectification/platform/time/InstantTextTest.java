package io.rectification.platform.time;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** InstantText writes by hand what ISO_OFFSET_DATE_TIME writes, so the two must agree everywhere. */
@Tag("fast")
class InstantTextTest {

    private static final InstantText SHANGHAI = new InstantText(ZoneId.of("Asia/Shanghai"));

    @Test
    void writesTheOrganisationsOffsetWithTheFractionAsLongAsNeeded() {
        assertEquals("2026-12-01T11:00:00+08:00", SHANGHAI.format(Instant.parse("2026-12-01T03:00:00Z")));
        assertEquals("2026-12-01T00:00:00.5+08:00", SHANGHAI.format(Instant.parse("2026-11-30T16:00:00.500Z")),
                "midnight in Shanghai is the day before in UTC");
        assertEquals("2024-02-29T23:59:59.999999999+08:00", SHANGHAI.format(Instant.parse("2024-02-29T15:59:59.999999999Z")));
        assertEquals("2026-03-01T00:00:00.00012+08:00", SHANGHAI.format(Instant.parse("2026-02-28T16:00:00.000120Z")));
    }

    @Test
    void agreesWithTheFormatterAcrossYearsZonesAndFractions() {
        List<ZoneId> zones = List.of(ZoneId.of("Asia/Shanghai"), ZoneOffset.UTC, ZoneId.of("America/St_Johns"),
                ZoneId.of("Asia/Kathmandu"), ZoneId.of("Pacific/Chatham"), ZoneId.of("America/Los_Angeles"),
                ZoneOffset.ofHoursMinutesSeconds(-3, -30, -15));
        SplittableRandom random = new SplittableRandom(20261203);
        long first = Instant.parse("-0100-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("+10001-12-31T23:59:59Z").getEpochSecond();
        for (ZoneId zone : zones) {
            InstantText text = new InstantText(zone);
            for (int i = 0; i < 20_000; i++) {
                int nano = switch (i % 4) {
                    case 0 -> 0;
                    case 1 -> random.nextInt(1000) * 1_000_000;
                    case 2 -> random.nextInt(1_000_000) * 1_000;
                    default -> random.nextInt(1_000_000_000);
                };
                Instant instant = Instant.ofEpochSecond(random.nextLong(first, last), nano);
                assertEquals(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(text.at(instant)), text.format(instant),
                        instant + " at " + zone);
            }
        }
    }

    @Test
    void theEdgesOfTheHandWrittenYears() {
        for (String utc : List.of("0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "1900-12-31T15:54:17Z",
                "1970-01-01T00:00:00Z", "-0001-12-31T23:59:59Z", "+10000-01-01T00:00:00Z")) {
            Instant instant = Instant.parse(utc);
            for (InstantText text : List.of(SHANGHAI, new InstantText(ZoneOffset.UTC))) {
                assertEquals(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(text.at(instant)), text.format(instant), utc);
            }
        }
    }
}
