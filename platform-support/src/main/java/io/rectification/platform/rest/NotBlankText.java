package io.rectification.platform.rest;

import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;
import io.rectification.platform.text.BlankText;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.BaseHibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;

/**
 * {@code @NotBlank} means {@link BlankText}'s blank in every service: Hibernate Validator's own
 * validator is replaced by {@link Check}, so a title, an answer or a reason of full-width or no-break
 * spaces or of zero-width characters is refused as one of ASCII spaces is, with the same 400 naming
 * the field ("must not be blank"). Replacing the validator rather than writing a constraint of our
 * own keeps every {@code @NotBlank} as it is (and the OpenAPI documents' pattern, which
 * {@code openapi.InputRules} states in these terms), and no new one can miss the rule.
 */
@Singleton
public class NotBlankText implements ValidatorFactoryCustomizer {

    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        ConstraintMapping mapping = configuration.createConstraintMapping();
        mapping.constraintDefinition(NotBlank.class).includeExistingValidators(false).validatedBy(Check.class);
        configuration.addMapping(mapping);
    }

    /** Null is blank too, as {@code @NotBlank} says. */
    public static class Check implements ConstraintValidator<NotBlank, CharSequence> {

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return !BlankText.isBlank(value);
        }
    }
}
