package io.rectification.feedback.intake;

import io.rectification.feedback.language.Language;
import io.rectification.feedback.language.Messages;
import io.rectification.platform.error.ErrorBody;
import io.rectification.platform.text.BlankText;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks on what the public (or staff on their behalf) types. Nothing is rewritten: a value is
 * accepted exactly as sent or refused naming the field.
 */
public final class TextChecks {

    /** The longest name, phone number, email address and postal address taken, in characters (code points). */
    public static final int MAX_NAME = 50;
    public static final int MAX_PHONE = 30;
    public static final int MAX_EMAIL = 200;
    public static final int MAX_ADDRESS = 300;

    private static final Pattern PHONE = Pattern.compile("[0-9+()\\- ]{5,30}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /**
     * {@link #phone}'s rule as the OpenAPI document states it (ECMA 262, unanchored unless anchored):
     * blank, or 5 to 30 of digits, +, -, (, ) and spaces once surrounding spaces are stripped.
     */
    public static final String PHONE_SCHEMA_PATTERN = "^ *([0-9+()\\-][0-9+()\\- ]{3,28}[0-9+()\\-])? *$";
    /** {@link #email}'s rule as the OpenAPI document states it: something@domain.tld, no spaces. */
    public static final String EMAIL_SCHEMA_PATTERN = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";

    /** The contact fields' rules in words, for the OpenAPI documents of every input that takes them. */
    public static final String PHONE_DESCRIPTION = "A phone number, if given: 5 to " + MAX_PHONE
            + " of digits, +, -, (, ) and spaces (surrounding spaces are stripped); blank is taken as none";
    public static final String EMAIL_DESCRIPTION = "An email address, if given: name@domain.tld without spaces, at most "
            + MAX_EMAIL + " characters";
    public static final String ADDRESS_DESCRIPTION = "A postal address, if given: at most " + MAX_ADDRESS
            + " characters; line breaks allowed";

    private final Language language;
    private final List<ErrorBody.FieldError> errors = new java.util.ArrayList<>();

    public TextChecks(Language language) {
        this.language = language;
    }

    /**
     * A text that must say something: blank ({@link BlankText}: spaces of every kind, full-width and
     * no-break ones included, and zero-width characters) is refused as missing.
     */
    public TextChecks required(String field, String value, int max, boolean multiLine) {
        if (BlankText.isBlank(value)) {
            errors.add(new ErrorBody.FieldError(field, Messages.get(language, "field.required")));
            return this;
        }
        return optional(field, value, max, multiLine);
    }

    public TextChecks optional(String field, String value, int max, boolean multiLine) {
        if (value == null) {
            return this;
        }
        if (value.codePointCount(0, value.length()) > max) {
            errors.add(new ErrorBody.FieldError(field, Messages.get(language, "field.tooLong", max)));
        } else if (hasControlCharacters(value, multiLine)) {
            errors.add(new ErrorBody.FieldError(field, Messages.get(language, "field.control")));
        }
        return this;
    }

    public TextChecks phone(String field, String value) {
        optional(field, value, MAX_PHONE, false);
        if (!BlankText.isBlank(value) && !hasErrorOn(field) && !PHONE.matcher(BlankText.strip(value)).matches()) {
            errors.add(new ErrorBody.FieldError(field, Messages.get(language, "field.phone")));
        }
        return this;
    }

    public TextChecks email(String field, String value) {
        optional(field, value, MAX_EMAIL, false);
        if (!BlankText.isBlank(value) && !hasErrorOn(field) && !EMAIL.matcher(BlankText.strip(value)).matches()) {
            errors.add(new ErrorBody.FieldError(field, Messages.get(language, "field.email")));
        }
        return this;
    }

    /** A submitter's name and contact details, the same wherever they are taken in. */
    public TextChecks contactDetails(String name, String phone, String email, String address) {
        return optional("name", name, MAX_NAME, false)
                .phone("phone", phone)
                .email("email", email)
                .optional("address", address, MAX_ADDRESS, true);
    }

    /** A value a client draws rather than types (the form's submission key): when present, it must match exactly. */
    public TextChecks matches(String field, String value, java.util.function.Predicate<String> valid, String messageKey) {
        if (value != null && !valid.test(value)) {
            errors.add(new ErrorBody.FieldError(field, Messages.get(language, messageKey)));
        }
        return this;
    }

    public TextChecks mustBeEmpty(String field, String value) {
        if (value != null && !value.isEmpty()) {
            errors.add(new ErrorBody.FieldError(field, Messages.get(language, "honeypot")));
        }
        return this;
    }

    public List<ErrorBody.FieldError> errors() {
        return List.copyOf(errors);
    }

    private boolean hasErrorOn(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    /** C0 and C1 controls and DEL; line breaks and tabs are allowed where a value may span lines. */
    static boolean hasControlCharacters(String value, boolean multiLine) {
        return value.codePoints().anyMatch(c -> Character.isISOControl(c)
                && !(multiLine && (c == '\n' || c == '\r' || c == '\t')));
    }
}
