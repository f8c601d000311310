package io.rectification.feedback.handling;

import io.rectification.feedback.personal.Submitter;
import io.rectification.platform.error.ApiException;
import io.rectification.platform.error.ErrorBody;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("fast")
class PublishedTextTest {

    static final Submitter SUBMITTER = new Submitter("欧阳娜娜", "13912345678", null, null);

    private static List<ErrorBody.FieldError> refused(PublishedText.Use use, String field, String text) {
        ApiException refusal = assertThrows(ApiException.class,
                () -> new PublishedText(SUBMITTER, use).check(field, text).requireNone());
        assertEquals(400, refusal.status());
        List<ErrorBody.FieldError> errors = refusal.toErrorBody(null).errors();
        errors.forEach(e -> assertEquals(field, e.field()));
        return errors;
    }

    @Test
    void anotherPersonsMobileOrEmailInAnAnswerIsRefusedNamingTheKindsNotTheValues() {
        String answer = "该问题与王小明（13812345678，wxm@example.com）反映的路灯问题相同，已合并办理。";
        List<ErrorBody.FieldError> errors = refused(PublishedText.Use.ANSWER, "answer", answer);
        assertEquals(1, errors.size());
        String message = errors.get(0).message();
        // the console (src/api/problem.ts) puts these words into Chinese: a change here is one there
        assertEquals("contains personal contact data (a mobile number, an e-mail address); an answer is published and may"
                + " hold no one's: for a number to call, give an office's landline with its area code (0411-12345678)"
                + " or a hotline (12345, 12388)", message, "it says what was found and what may be given instead");
        assertFalse(message.contains("13812345678") || message.contains("wxm") || message.contains("王小明"), message);
    }

    @Test
    void anIdNumberOrAStaffMembersMobileIsRefusedToo() {
        assertTrue(refused(PublishedText.Use.ANSWER, "answer", "经核实，当事人身份证号210102198001011234。")
                .get(0).message().contains("(a resident ID number)"));
        assertTrue(refused(PublishedText.Use.ANSWER, "answer", "已转街道办理，联系人张伟，手机13900001111。")
                .get(0).message().contains("(a mobile number)"));
        assertTrue(refused(PublishedText.Use.ESCALATION, "description", "旧证号210102800101123的群众反映")
                .get(0).message().contains("an escalation goes to the ledger and the public report"));
        // the platform's one definition (ContactDetails): typed full-width or spaced out, a number is still found
        assertTrue(refused(PublishedText.Use.ESCALATION, "description", "群众（手机１３９ ００００ １１１１）反映路灯不亮")
                .get(0).message().contains("(a mobile number)"));
    }

    @Test
    void anOfficesLandlineAndTheHotlinesAreAllowed() {
        new PublishedText(SUBMITTER, PublishedText.Use.ANSWER)
                .check("answer", "如有疑问，请拨打开发区管委会办公室电话0411-12345678，或12345、12388热线。").requireNone();
    }

    @Test
    void theSubmittersOwnPhoneIsNamedOnceAsTheirsAndAnyoneElsesBesideIt() {
        List<ErrorBody.FieldError> errors = refused(PublishedText.Use.ANSWER, "answer",
                "欧阳娜娜同志：请回电13912345678，或联系wxm@example.com。");
        assertEquals(List.of("repeats the submitter's name, phone as given with the feedback; an answer is published,"
                + " so write it without them"), errors.subList(0, 1).stream().map(ErrorBody.FieldError::message).toList());
        assertEquals(2, errors.size());
        assertTrue(errors.get(1).message().startsWith("contains personal contact data (an e-mail address);"),
                "the submitter's mobile is not counted again as anyone's: " + errors.get(1).message());
    }
}
