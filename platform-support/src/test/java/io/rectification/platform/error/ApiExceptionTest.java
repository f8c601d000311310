package io.rectification.platform.error;

import io.rectification.platform.error.ErrorBody.FieldError;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** How broken input reads in a problem: every field named, in the errors and in the detail. */
@Tag("fast")
class ApiExceptionTest {

    @Test
    void invalidIsOne400NamingEveryField() {
        ApiException problem = ApiException.invalid(List.of(new FieldError("deadline", "too early"),
                new FieldError("milestones", "missing")));
        assertEquals(400, problem.status());
        var body = problem.toErrorBody("/tasks");
        assertEquals(List.of("deadline", "milestones"), body.errors().stream().map(FieldError::field).toList());
        assertEquals("deadline: too early; milestones: missing", body.detail());
    }

    @Test
    void anErrorOfTheWholeBodyHasNoNameInTheDetail() {
        assertEquals("请求内容应为一个 JSON 对象", ApiException.invalid(List.of(new FieldError("", "请求内容应为一个 JSON 对象"))).getMessage());
        assertEquals("title: must not be blank", ApiException.badRequest("title", "must not be blank").getMessage());
    }

    @Test
    void anExtensionCannotRepeatAMemberOfTheProblemItself() {
        for (String member : List.of("type", "title", "status", "detail", "instance", "errors")) {
            assertThrows(IllegalArgumentException.class, () -> ApiException.conflict("x").with(member, "MERGED"), member);
        }
        assertEquals("MERGED", ApiException.conflict("x").with("feedbackStatus", "MERGED").toErrorBody("/f")
                .extensions().get("feedbackStatus"));
    }

    @Test
    void aClauseAddedKeepsTheRefusalItsMembersAndItsRetry() {
        ApiException refused = ApiException.conflict("a task in state IN_PROGRESS cannot VERIFY").with("state", "IN_PROGRESS")
                .retryAfter(5);
        ApiException explained = refused.adding("it became IN_PROGRESS by zhao.du").with("lastStateChange", "x");
        var body = explained.toErrorBody("/tasks/t/verification");
        assertEquals(409, body.status());
        assertEquals("Conflict", body.title());
        assertEquals("a task in state IN_PROGRESS cannot VERIFY; it became IN_PROGRESS by zhao.du", body.detail());
        assertEquals("IN_PROGRESS", body.extensions().get("state"));
        assertEquals("x", body.extensions().get("lastStateChange"));
        assertEquals(5L, explained.retryAfter().getAsLong());
        // the refusal caught is left as it was
        assertNull(refused.toErrorBody("/t").extensions().get("lastStateChange"));
    }
}
