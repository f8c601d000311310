package io.rectification.platform.rest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The customizer on a Hibernate Validator of its own (every service's is built with it by Quarkus). */
@Tag("fast")
class NotBlankTextTest {

    record Answer(@NotBlank String answer) {
    }

    private static Validator validator(boolean customized) {
        HibernateValidatorConfiguration configuration = Validation.byProvider(HibernateValidator.class).configure()
                .messageInterpolator(new ParameterMessageInterpolator());
        if (customized) {
            new NotBlankText().customize(configuration);
        }
        return configuration.buildValidatorFactory().getValidator();
    }

    @Test
    void noBreakFullWidthAndZeroWidthSpacesAreBlankWithTheUsualMessage() {
        Validator validator = validator(true);
        for (String blank : List.of("  ", "\u3000\u3000\u00a0\t\n", "\u200b\u200c\u200d\u2060\ufeff")) {
            Set<ConstraintViolation<Answer>> violations = validator.validate(new Answer(blank));
            assertEquals(1, violations.size(), blank.codePoints().mapToObj(c -> String.format("U+%04X", c)).toList().toString());
            ConstraintViolation<Answer> violation = violations.iterator().next();
            assertEquals("answer", violation.getPropertyPath().toString());
            assertEquals("must not be blank", violation.getMessage());
        }
        assertEquals(1, validator.validate(new Answer(null)).size());
        assertTrue(validator.validate(new Answer("\u3000已整改\u200b")).isEmpty());
    }

    @Test
    void withoutItANoBreakSpaceWasTaken() {
        assertTrue(validator(false).validate(new Answer("\u3000\u00a0")).isEmpty(), "Hibernate Validator's own rule");
    }
}
