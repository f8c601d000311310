package io.rectification.platform.rest;

import io.rectification.platform.error.ApiException;
import io.rectification.platform.error.ErrorBody;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("fast")
class VersionsTest {

    @Test
    void readsTheVersionFromATag() {
        assertEquals(3, Versions.required("\"3\""));
        assertEquals(0, Versions.required("\"0\""));
        assertEquals(7, Versions.required(" \"7\" "));
        assertEquals(Long.MAX_VALUE, Versions.required("\"" + Long.MAX_VALUE + "\""));
        assertNull(Versions.optional(null));
        assertNull(Versions.optional(" "));
    }

    @Test
    void aWeakTagNamesTheSameVersionAsTheGatewaysGzipPassesItOn() {
        assertEquals(22, Versions.required("W/\"22\""));
        assertEquals(22, Versions.optional(" W/\"22\" "));
        Versions.check(Versions.required("W/\"22\""), 22, "the task");
        assertEquals(412, assertThrows(ApiException.class,
                () -> Versions.check(Versions.required("W/\"21\""), 22, "the task")).status());
    }

    @Test
    void aNegativeVersionIsNoTagOfThisServiceAndNamesTheHeader() {
        for (String negative : new String[]{"\"-1\"", "-1", "W/\"-5\"", "\"" + Long.MIN_VALUE + "\""}) {
            ApiException refused = assertThrows(ApiException.class, () -> Versions.required(negative), negative);
            assertEquals(400, refused.status(), negative);
            assertEquals("If-Match", refused.toErrorBody("/x").errors().get(0).field());
            assertEquals(400, assertThrows(ApiException.class, () -> Versions.optional(negative)).status());
        }
    }

    @Test
    void aReadNamingTheCurrentVersionIsNotModifiedAndCarriesTheTag() {
        Object task = java.util.Map.of("id", "t-1");
        for (String same : new String[]{"\"4\"", "W/\"4\"", "\"3\", \"4\"", "*"}) {
            Response answer = Versions.current(task, 4, same);
            assertEquals(304, answer.getStatus(), same);
            assertNull(answer.getEntity(), same);
            assertEquals("\"4\"", answer.getHeaderString("ETag"), same);
        }
        for (String other : new String[]{null, "\"3\"", "4", "\"4-1\""}) {
            Response answer = Versions.current(task, 4, other);
            assertEquals(200, answer.getStatus(), other);
            assertEquals(task, answer.getEntity());
            assertEquals("\"4\"", answer.getHeaderString("ETag"), other);
        }
    }

    @Test
    void aMissingTagIsPreconditionRequired() {
        assertEquals(428, assertThrows(ApiException.class, () -> Versions.required(null)).status());
        assertEquals(428, assertThrows(ApiException.class, () -> Versions.required("")).status());
    }

    @Test
    void aWildcardIsRefusedNamingTheHeaderBecauseItWouldOverwriteAnyVersion() {
        for (String wildcard : new String[]{"*", " * "}) {
            ApiException refused = assertThrows(ApiException.class, () -> Versions.required(wildcard));
            assertEquals(400, refused.status());
            ErrorBody.FieldError error = refused.toErrorBody("/x").errors().get(0);
            assertEquals("If-Match", error.field());
            assertTrue(error.message().contains("matches any version"), error.message());
            assertEquals(400, assertThrows(ApiException.class, () -> Versions.optional(wildcard)).status());
        }
    }

    @Test
    void anUnreadableTagNamesTheHeader() {
        ApiException refused = assertThrows(ApiException.class, () -> Versions.required("\"abc\""));
        assertEquals(400, refused.status());
        assertEquals("If-Match", refused.toErrorBody("/x").errors().get(0).field());
    }

    @Test
    void onlyATagAsTheServiceWritesItIsRead() {
        // unquoted, a leading zero or sign, spaces inside the quotes, past a long, a weak form misspelt:
        // none was ever an ETag here, and guessing the version meant would base a write on a guess
        for (String never : new String[]{"3", "\"03\"", "\"+3\"", "\" 3\"", "\"3", "3\"", "w/\"3\"", "W/3",
                "\"9223372036854775808\"", "\"\"", "\"3.0\""}) {
            ApiException refused = assertThrows(ApiException.class, () -> Versions.required(never), never);
            assertEquals(400, refused.status(), never);
            assertEquals("If-Match", refused.toErrorBody("/x").errors().get(0).field(), never);
            assertEquals(400, assertThrows(ApiException.class, () -> Versions.optional(never)).status(), never);
        }
        String hint = assertThrows(ApiException.class, () -> Versions.required("3")).toErrorBody("/x").errors().get(0)
                .message();
        assertTrue(hint.contains("quoted") && hint.contains("\"3\""), hint);
    }

    @Test
    void aListIsRefusedNamingTheHeaderForAChangeIsBasedOnOneVersion() {
        for (String list : new String[]{"\"2\", \"3\"", "\"3\",\"3\"", "W/\"2\", \"3\""}) {
            ApiException refused = assertThrows(ApiException.class, () -> Versions.required(list), list);
            assertEquals(400, refused.status(), list);
            ErrorBody.FieldError error = refused.toErrorBody("/x").errors().get(0);
            assertEquals("If-Match", error.field());
            assertTrue(error.message().contains("several ETags"), error.message());
        }
    }

    @Test
    void aVersionAfterTheCurrentWasNeverIssuedAndIsABadRequestNotAChange() {
        ApiException never = assertThrows(ApiException.class, () -> Versions.check(99L, 3, "task 7"));
        assertEquals(400, never.status());
        ErrorBody.FieldError error = never.toErrorBody("/x").errors().get(0);
        assertEquals("If-Match", error.field());
        assertTrue(error.message().contains("never an ETag of task 7 (its version is 3)"), error.message());
        assertEquals(400, assertThrows(ApiException.class, () -> Versions.require("\"4\"", 3, "task 7")).status());
    }

    @Test
    void anotherVersionThanTheCurrentIsPreconditionFailed() {
        Versions.check(4L, 4, "the task");
        Versions.check(null, 4, "the task");
        assertEquals(412, assertThrows(ApiException.class, () -> Versions.check(3L, 4, "the task")).status());
    }

    @Test
    void versionsMovedOnlyByNoticesSinceTheLastEditStillMatch() {
        // edited at 4, notices moved it to 6: 4, 5 and 6 were all read with nothing edited since
        Versions.checkSinceEdit(4L, 4, 6, "the task");
        Versions.checkSinceEdit(5L, 4, 6, "the task");
        Versions.checkSinceEdit(6L, 4, 6, "the task");
        Versions.checkSinceEdit(null, 4, 6, "the task");
        ApiException beforeTheEdit = assertThrows(ApiException.class, () -> Versions.checkSinceEdit(3L, 4, 6, "the task"));
        assertEquals(412, beforeTheEdit.status());
        assertEquals(400, assertThrows(ApiException.class, () -> Versions.checkSinceEdit(7L, 4, 6, "the task")).status());
    }
}
