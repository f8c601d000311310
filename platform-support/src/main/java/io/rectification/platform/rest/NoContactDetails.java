package io.rectification.platform.rest;

import io.rectification.platform.text.ContactDetails;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Set;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;

/**
 * A text staff write that is published to other systems (in an event, whose topic keeps it for good
 * and is replayed on every rebuild) may hold no one's contact details: a mobile number, a resident ID
 * number or an e-mail address ({@link ContactDetails#personalIn}) is a 400 naming the field and the
 * kinds found, never the values ({@link Check#problem}). Null is valid (absence is another constraint's).
 * Names and addresses in prose cannot be told from other words, so they are not checked: the console
 * asks staff not to write them.
 */
@Documented
@Constraint(validatedBy = NoContactDetails.Check.class)
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface NoContactDetails {

    String message() default "contains contact details";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<NoContactDetails, CharSequence> {

        /**
         * The refusal of {@code text}, or null when it holds no contact details: what the 400 says of a
         * field, and of a spreadsheet cell, which is no bean property.
         */
        public static String problem(String text) {
            Set<ContactDetails.Kind> kinds = ContactDetails.personalIn(text);
            return kinds.isEmpty() ? null : "contains contact details (" + ContactDetails.words(kinds) + "): this text is"
                    + " published to other systems and kept for good, so it may hold no member of the public's contact"
                    + " details; to refer to a feedback, give its tracking code (查询码)";
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            String problem = value == null ? null : problem(value.toString());
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
            return false;
        }
    }
}
