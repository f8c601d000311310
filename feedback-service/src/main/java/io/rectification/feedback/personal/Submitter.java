package io.rectification.feedback.personal;

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

    public Submitter masked() {
        return new Submitter(Masks.name(name), Masks.phone(phone), Masks.email(email), Masks.address(address));
    }

    @Override
    public String toString() {
        return "Submitter[masked]";
    }
}
