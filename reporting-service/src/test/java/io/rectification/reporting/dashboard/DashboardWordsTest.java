package io.rectification.reporting.dashboard;

import io.rectification.platform.text.StaffWords;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard page names states and sources in the staff's words, platform StaffWords', as the
 * lists, their exports and the console do (review finding 8: 待核实 here, 待核验 on the public page,
 * 巩固中 under a headline 已销号 that counted it). Reads the page's script; no services.
 */
@Tag("fast")
class DashboardWordsTest {

    @Test
    void theStatesAndSourcesAreTheStaffsWords() throws IOException {
        String script = script();
        assertEquals(StaffWords.STATE, words(script, "STATES"));
        assertEquals(StaffWords.SOURCE, words(script, "SOURCES"));
    }

    @Test
    void aClaimWaitsToBeCheckedAndConsolidationIsClosedOutInThePublicsWords() {
        assertEquals("待核验", StaffWords.STATE.get("COMPLETION_CLAIMED"));
        assertTrue(StaffWords.STATE.get("CONSOLIDATING").startsWith(StaffWords.STATE.get("VERIFIED")));
    }

    /** The object literal {@code var name = { KEY: '词', … };} of the script, as a map. */
    private static Map<String, String> words(String script, String name) {
        Matcher literal = Pattern.compile("var " + name + " = \\{([^}]*)\\};").matcher(script);
        assertTrue(literal.find(), "dashboard.js declares " + name);
        Map<String, String> words = new LinkedHashMap<>();
        Matcher pair = Pattern.compile("([A-Z_]+): '([^']*)'").matcher(literal.group(1));
        while (pair.find()) {
            words.put(pair.group(1), pair.group(2));
        }
        return words;
    }

    private static String script() throws IOException {
        try (InputStream in = DashboardWordsTest.class.getResourceAsStream("/META-INF/resources/ui/dashboard.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
