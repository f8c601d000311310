package io.rectification.feedback.intake;

import io.rectification.feedback.language.Language;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The phone and email patterns the OpenAPI document states accept exactly what {@link TextChecks}
 * accepts (for values without surrounding non-space whitespace, which the patterns leave out), so
 * that a client or tester following the document is neither refused nor misled.
 */
class TextChecksSchemaTest {

    private static final Pattern PHONE = Pattern.compile(TextChecks.PHONE_SCHEMA_PATTERN);
    private static final Pattern EMAIL = Pattern.compile(TextChecks.EMAIL_SCHEMA_PATTERN);

    @Test
    void thePhonePatternAcceptsWhatThePhoneCheckAccepts() {
        Random random = new Random(7);
        String alphabet = "0123456789+-() a";
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(36);
            for (int j = 0; j < length; j++) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            check(value.toString(), disagreements);
        }
        List.of("", " ", "1234", "12345", " 12345 ", "  1  ", "+86 (10) 1234-5678", "1".repeat(30), "1".repeat(31),
                " " + "1".repeat(29), " " + "1".repeat(30)).forEach(value -> check(value, disagreements));
        assertEquals(List.of(), disagreements);
    }

    @Test
    void theEmailPatternAcceptsWhatTheEmailCheckAccepts() {
        List<String> disagreements = new ArrayList<>();
        for (String value : List.of("a@b.cn", "a@b", "@b.cn", "a@@b.cn", "a b@c.cn", "a@b.c.d", "张三@例子.中国", "a@b.")) {
            boolean service = new TextChecks(Language.EN).email("email", value).errors().isEmpty();
            if (service != EMAIL.matcher(value).find()) {
                disagreements.add("'" + value + "': service " + service);
            }
        }
        assertEquals(List.of(), disagreements);
    }

    private static void check(String value, List<String> disagreements) {
        boolean service = new TextChecks(Language.EN).phone("phone", value).errors().isEmpty();
        boolean schema = value.codePointCount(0, value.length()) <= TextChecks.MAX_PHONE && PHONE.matcher(value).find();
        if (service != schema) {
            disagreements.add("'" + value + "': service " + service + ", document " + schema);
        }
    }
}
