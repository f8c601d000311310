package io.rectification.platform.time;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The services' clock: the organisation's zone, and times as fine as the databases keep them. */
@Tag("fast")
class ClocksTest {

    final Clock clock = new Clocks(ZoneId.of("Asia/Shanghai")).systemClock();

    @Test
    void itIsInTheOrganisationsZone() {
        assertEquals(ZoneId.of("Asia/Shanghai"), clock.getZone());
    }

    /**
     * A command answered 05:01:51.171638173 and the same report read back said 05:01:51.171638
     * (time review, finding 3): every instant read is a whole microsecond, and real time still.
     */
    @Test
    void itTicksInWholeMicrosecondsAsTheDatabasesKeepThem() {
        for (int i = 0; i < 1_000; i++) {
            Instant now = clock.instant();
            assertEquals(0, now.getNano() % 1_000, now.toString());
            assertTrue(Duration.between(now, Instant.now()).abs().toMillis() < 1_000, now.toString());
        }
    }

    /**
     * Read as milliseconds too (event ids, the dashboards' kept figures, webhook signatures): on JDK 17,
     * where the tests run, a clock made by {@code Clock.tick} at a microsecond divided by zero here.
     */
    @Test
    void itsMillisecondsAreThoseOfItsInstants() {
        for (int i = 0; i < 1_000; i++) {
            long before = clock.instant().toEpochMilli();
            long millis = clock.millis();
            long after = clock.instant().toEpochMilli();
            assertTrue(before <= millis && millis <= after, before + " " + millis + " " + after);
        }
        assertEquals(clock, clock.withZone(ZoneId.of("Asia/Shanghai")));
        assertEquals(ZoneId.of("UTC"), clock.withZone(ZoneId.of("UTC")).getZone());
    }
}
