package io.rectification.feedback.feedback;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("fast")
class TrackingCodesTest {

    @Test
    void codesAreLongRandomAndReadable() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String code = TrackingCodes.next();
            assertTrue(code.matches("[2-9A-HJ-NP-Z]{16}"), code);
            seen.add(code);
        }
        assertEquals(1000, seen.size());
        assertEquals(32, TrackingCodes.ALPHABET.chars().distinct().count());
    }

    @Test
    void typedCodesAreNormalised() {
        assertEquals("7KQM2XHD9WTBR4NC", TrackingCodes.normalise(" 7kqm-2xhd 9wtb-r4nc "));
        assertEquals("7KQM-2XHD-9WTB-R4NC", TrackingCodes.display("7KQM2XHD9WTBR4NC"));
        assertNull(TrackingCodes.normalise("7KQM-2XHD-9WTB-R4N0"), "0 is not in the alphabet");
        assertNull(TrackingCodes.normalise("7KQM"));
    }
}
