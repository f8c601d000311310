package io.rectification.reporting.progress;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The progress page's state badges are small text (14 px) in white on a colour: each colour gives at least
 * WCAG 2's 4.5:1 (AA for normal text), as read from the stylesheet the page uses.
 */
@Tag("fast")
class ProgressBadgeContrastTest {

    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^}]*)}");
    private static final Pattern BACKGROUND = Pattern.compile("background:\\s*#([0-9a-fA-F]{6})");
    private static final Pattern COLOR = Pattern.compile("(?<![-\\w])color:\\s*#([0-9a-fA-F]{3,6})");

    @Test
    void everyBadgeColourGivesWhiteTextAtLeastFourAndAHalfToOne() throws IOException {
        String css = stylesheet().replaceAll("(?s)/\\*.*?\\*/", "");
        String text = null;
        List<String> badges = new ArrayList<>();
        Matcher rule = RULE.matcher(css);
        while (rule.find()) {
            String selector = rule.group(1).strip();
            if (!selector.contains(".badge")) {
                continue;
            }
            Matcher color = COLOR.matcher(rule.group(2));
            if (selector.equals(".badge") && color.find()) {
                text = color.group(1);
            }
            Matcher background = BACKGROUND.matcher(rule.group(2));
            if (background.find()) {
                badges.add(selector + " #" + background.group(1));
            }
        }
        assertEquals("fff", text, "the badges' text is white");
        assertTrue(badges.size() >= 6, badges.toString());
        for (String badge : badges) {
            String hex = badge.substring(badge.lastIndexOf('#') + 1);
            double contrast = (1.0 + 0.05) / (luminance(hex) + 0.05);
            assertTrue(contrast >= 4.5, badge + ": " + String.format("%.2f", contrast) + ":1");
        }
    }

    /** WCAG 2's relative luminance of an sRGB colour. */
    static double luminance(String hex) {
        double[] channels = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16) / 255.0;
            channels[i] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
    }

    private static String stylesheet() throws IOException {
        try (InputStream in = ProgressBadgeContrastTest.class.getClassLoader()
                .getResourceAsStream("META-INF/resources/reports/progress.css")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
