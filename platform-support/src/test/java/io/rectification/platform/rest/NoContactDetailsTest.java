package io.rectification.platform.rest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("fast")
class NoContactDetailsTest {

    record Report(@NoContactDetails String text, List<@NoContactDetails String> attendees) {
    }

    private static final Validator VALIDATOR = Validation.byProvider(HibernateValidator.class).configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    @Test
    void aTextWithSomeonesContactDetailsIsRefusedNamingTheKindsNeverTheValues() {
        Set<ConstraintViolation<Report>> violations = VALIDATOR.validate(
                new Report("已联系群众（13812345678，身份证210102198001011234）", List.of("办公室主任")));
        assertEquals(1, violations.size());
        ConstraintViolation<Report> violation = violations.iterator().next();
        assertEquals("text", violation.getPropertyPath().toString());
        assertTrue(violation.getMessage().startsWith("contains contact details (a mobile number, a resident ID number): this"
                + " text is published to other systems and kept for good"), violation.getMessage());
        assertTrue(violation.getMessage().endsWith("give its tracking code (查询码)"), violation.getMessage());
        assertFalse(violation.getMessage().contains("13812345678"));
    }

    @Test
    void eachTextOfAListIsChecked() {
        Set<ConstraintViolation<Report>> violations = VALIDATOR.validate(new Report(null, List.of("张伟", "wxm@example.com")));
        assertEquals(1, violations.size());
        assertEquals("attendees[1].<list element>", violations.iterator().next().getPropertyPath().toString());
    }

    @Test
    void documentNumbersDatesAmountsAndOfficeNumbersPass() {
        assertTrue(VALIDATOR.validate(new Report("依据〔2026〕12号文件，2026-12-05前追回120.5万元；咨询0411-12345678或12345热线；"
                + "群众来信查询码7KQM-2XHD-9WTB-R4NC", List.of())).isEmpty());
        assertNull(NoContactDetails.Check.problem("欧阳锋反映的问题"), "a name is no pattern: the console asks staff not to write it");
    }
}
