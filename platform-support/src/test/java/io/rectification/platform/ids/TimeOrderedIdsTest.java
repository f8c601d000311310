package io.rectification.platform.ids;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("fast")
class TimeOrderedIdsTest {

    private static final Instant MIDNIGHT_IN_BEIJING = Instant.parse("2028-02-28T16:00:00Z");

    @Test
    void aVersion7IdOfTheIetfVariantCarryingItsMillisecond() {
        UUID id = TimeOrderedIds.at(MIDNIGHT_IN_BEIJING);
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(MIDNIGHT_IN_BEIJING.toEpochMilli(), TimeOrderedIds.millisOf(id));
        // RFC 9562's example: 2022-02-22T19:22:22Z is 017F22E279B0, the id's first twelve hex digits
        assertTrue(TimeOrderedIds.at(Instant.parse("2022-02-22T19:22:22Z").toEpochMilli(), new Random(1))
                .toString().startsWith("017f22e2-79b0-7"));
    }

    @Test
    void laterIdsSortAfterEarlierOnesAsTextToo() {
        Random random = new Random(42);
        long start = MIDNIGHT_IN_BEIJING.toEpochMilli() - 1;
        String previous = TimeOrderedIds.at(start, random).toString();
        for (long millis = start + 1; millis < start + 2_000; millis++) {
            String next = TimeOrderedIds.at(millis, random).toString();
            assertTrue(next.compareTo(previous) > 0, next + " after " + previous);
            previous = next;
        }
    }

    @Test
    void idsOfOneMillisecondDifferInTheirRandomBits() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(TimeOrderedIds.at(MIDNIGHT_IN_BEIJING));
        }
        assertEquals(10_000, ids.size());
    }
}
