package io.rectification.platform.error;

import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How an Accept header is read before routing: which of its parts are media types (the rest is left out,
 * where the router failed on it with a 500), whether it takes any answer (then nothing is changed), and
 * whether it takes what an operation produces (else a read's success is 406).
 */
@Tag("fast")
class OutcomeFirstTest {

    @Test
    void aBrowsersAddressBarTakesAnyAnswerButHtmlAloneDoesNot() {
        assertTrue(OutcomeFirst.Accept.read("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").admitsAnyType());
        assertTrue(OutcomeFirst.Accept.read("*/*").admitsAnyType(), "curl and most libraries");
        assertFalse(OutcomeFirst.Accept.read("text/html").admitsAnyType());
        assertFalse(OutcomeFirst.Accept.read("text/html, */*;q=0").admitsAnyType(), "a quality of 0 refuses");
    }

    @Test
    void whatIsNoMediaTypeIsLeftOut() {
        OutcomeFirst.Accept read = OutcomeFirst.Accept.read("<script>alert(1)</script>, application/json;q=0.5,,garbage");
        assertEquals(List.of("application/json;q=0.5"), read.parts());
        assertEquals(List.of(), OutcomeFirst.Accept.read("garbage").parts());
    }

    @Test
    void aTypeIsTakenWhenCompatibleWithOneTheClientNames() {
        List<MediaType> json = List.of(MediaType.APPLICATION_JSON_TYPE);
        assertTrue(OutcomeFirst.Accept.read("application/*").takesAnyOf(json));
        assertTrue(OutcomeFirst.Accept.read("text/html, application/json").takesAnyOf(json));
        assertFalse(OutcomeFirst.Accept.read("text/html").takesAnyOf(json));
        assertFalse(OutcomeFirst.Accept.read("application/json;q=0").takesAnyOf(json));
        assertTrue(OutcomeFirst.Accept.read("image/png").takesAnyOf(List.of(MediaType.WILDCARD_TYPE)),
                "a download of any type is sent to whoever asks");
    }
}
