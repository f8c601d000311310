package io.rectification.feedback.personal;

import java.util.ArrayList;
import java.util.List;

/**
 * Who sent a feedback and how to reach them: personal data. Lives only in feedback-service,
 * sealed at rest; never in events, logs or exports. {@link #toString()} is masked so a stray log
 * line cannot leak it.
 */
public record Submitter(String name, String phone, String email, String address) {

    public static final Submitter ANONYMOUS = new Submitter(null, null, null, null);

    public boolean anonymous() {
        return name == null && phone == null && email == null && address == null;
    }

    /** One of the details as written, its field's name and how lists show it. */
    public record Detail(String field, String value, String masked) {
    }

    /**
     * The details that {@code text} repeats word for word. A name of one character is left out (it
     * would match half the text); so is an address of fewer than four.
     */
    public List<Detail> detailsIn(String text) {
        List<Detail> found = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return found;
        }
        addIfIn(found, text, "name", name, 2, Masks.name(name));
        addIfIn(found, text, "phone", phone, 5, Masks.phone(phone));
        addIfIn(found, text, "email", email, 3, Masks.email(email));
        addIfIn(found, text, "address", address, 4, Masks.address(address));
        return found;
    }

    private static void addIfIn(List<Detail> found, String text, String field, String value, int shortest, String masked) {
        String written = value == null ? "" : value.strip();
        if (written.codePointCount(0, written.length()) >= shortest && text.contains(written)) {
            found.add(new Detail(field, written, masked));
        }
    }

    public Submitter masked() {
        return new Submitter(Masks.name(name), Masks.phone(phone), Masks.email(email), Masks.address(address));
    }

    @Override
    public String toString() {
        return "Submitter[masked]";
    }
}
