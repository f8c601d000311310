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
}
