package io.rectification.feedback.feedback;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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

    /** All 80 bits are used: over 2,000 codes every letter turns up at every place (missing one by chance: ~1e-26). */
    @Test
    void everyLetterTurnsUpAtEveryPlace() {
        List<Set<Character>> atPlace = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            atPlace.add(new HashSet<>());
        }
        for (int n = 0; n < 2000; n++) {
            String code = TrackingCodes.next();
            for (int i = 0; i < code.length(); i++) {
                atPlace.get(i).add(code.charAt(i));
            }
        }
        for (int i = 0; i < 16; i++) {
            assertEquals(32, atPlace.get(i).size(), "letters at place " + (i + 1));
        }
    }

    @Test
    void typedCodesAreNormalised() {
        assertEquals("7KQM2XHD9WTBR4NC", TrackingCodes.normalise(" 7kqm-2xhd 9wtb-r4nc "));
        assertEquals("7KQM-2XHD-9WTB-R4NC", TrackingCodes.display("7KQM2XHD9WTBR4NC"));
        assertNull(TrackingCodes.normalise("7KQM-2XHD-9WTB-R4N0"), "0 is not in the alphabet");
        assertNull(TrackingCodes.normalise("7KQM"));
    }
}
