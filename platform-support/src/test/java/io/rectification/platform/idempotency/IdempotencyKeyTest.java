package io.rectification.platform.idempotency;

import io.rectification.platform.error.ApiException;
import io.rectification.platform.error.ErrorBody;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Idempotency-Key header's syntax, and the fingerprint that tells a retry from another request under its key. */
@Tag("fast")
class IdempotencyKeyTest {

    @Test
    void aKeyIsReadBareOrAsTheDraftsQuotedString() {
        assertEquals("8e03978e-40d5-43e8-bc93-6894a57f9324", IdempotencyKey.read(List.of("8e03978e-40d5-43e8-bc93-6894a57f9324")));
        assertEquals("8e03978e-40d5-43e8-bc93-6894a57f9324", IdempotencyKey.read(List.of("\"8e03978e-40d5-43e8-bc93-6894a57f9324\"")));
        assertEquals("k-1", IdempotencyKey.read(List.of(" k-1 ")));
        assertEquals("x".repeat(255), IdempotencyKey.read(List.of("x".repeat(255))));
        assertEquals("!~#[]", IdempotencyKey.read(List.of("!~#[]")));
    }

    @Test
    void aMalformedKeyIs400NamingTheHeader() {
        for (String value : List.of("", "\"\"", "x".repeat(256), "two words", "../../etc/passwd  X-Injected: yes",
                "tab\there", "键", "a\"b", "back\\slash", "\"unclosed")) {
            ApiException refused = assertThrows(ApiException.class, () -> IdempotencyKey.read(List.of(value)), value);
            assertEquals(400, refused.status());
            ErrorBody body = refused.toErrorBody("/tasks");
            assertEquals(List.of(new ErrorBody.FieldError("Idempotency-Key", IdempotencyKey.SYNTAX)), body.errors(), value);
        }
    }

    @Test
    void aKeySentTwiceIsRefused() {
        ApiException refused = assertThrows(ApiException.class, () -> IdempotencyKey.read(List.of("a", "b")));
        assertEquals(400, refused.status());
        assertEquals("Idempotency-Key", refused.toErrorBody("/tasks").errors().get(0).field());
    }

    /** The OpenAPI documents' pattern accepts what read() accepts and refuses what it refuses. */
    @Test
    void theDocumentedPatternIsTheSyntaxRead() {
        Pattern documented = Pattern.compile(IdempotencyKey.PATTERN);
        for (String accepted : List.of("k-1", "\"k-1\"", "x".repeat(255), "!~#[]")) {
            assertTrue(documented.matcher(accepted).matches(), accepted);
        }
        for (String refused : List.of("", "\"\"", "x".repeat(256), "two words", "a\"b", "back\\slash", "键")) {
            assertFalse(documented.matcher(refused).matches(), refused);
        }
    }

    @Test
    void theFingerprintIsTheQueryAndBodysSha256() {
        byte[] body = "{\"title\":\"重复任务\"}".getBytes(StandardCharsets.UTF_8);
        String fingerprint = IdempotencyKey.fingerprint(null, body);
        assertEquals(fingerprint, IdempotencyKey.fingerprint("", body.clone()));
        assertNotEquals(fingerprint, IdempotencyKey.fingerprint(null, "{\"title\":\"另一任务\"}".getBytes(StandardCharsets.UTF_8)));
        assertNotEquals(fingerprint, IdempotencyKey.fingerprint("dryRun=true", body));
        // the query and the body do not run into each other
        assertNotEquals(IdempotencyKey.fingerprint("a", "b".getBytes(StandardCharsets.UTF_8)),
                IdempotencyKey.fingerprint("", "ab".getBytes(StandardCharsets.UTF_8)));
        // sha256sum of the query, a line break and the body
        assertEquals("adcd89ac689156376818f83fccaf3fe61d39ccb7ba0928774e29db509c969810",
                IdempotencyKey.fingerprint("dryRun=true", "{}".getBytes(StandardCharsets.UTF_8)));
    }
}
