package io.rectification.feedback.personal;

import io.rectification.platform.text.ContactDetails;

/** How personal data looks in lists: enough to tell entries apart, not enough to contact anyone. */
public final class Masks {

    private Masks() {
    }

    /** 张三 → 张*, 欧阳娜娜 → 欧***, Li Lei → L*****. */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }

    /** 13812345678 → 138****5678; shorter numbers keep only their last two digits. */
    public static String phone(String phone) {
        if (phone == null || phone.isEmpty()) {
            return phone;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.length() >= 11) {
            return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
        }
        if (digits.length() <= 2) {
            return "*".repeat(Math.max(1, digits.length()));
        }
        return "*".repeat(digits.length() - 2) + digits.substring(digits.length() - 2);
    }

    /** zhang@example.com → z***@example.com. */
    public static String email(String email) {
        if (email == null || email.isEmpty()) {
            return email;
        }
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }

    /** 沈阳市浑南区世纪路1号 → 沈阳市浑南***: the town, not the door. */
    public static String address(String address) {
        if (address == null || address.isEmpty()) {
            return address;
        }
        int keep = Math.min(5, address.codePointCount(0, address.length()) / 2);
        return address.substring(0, address.offsetByCodePoints(0, keep)) + "***";
    }

    /**
     * The text with the contact data written into it ({@link ContactDetails}: identity, mobile and
     * landline numbers, e-mail addresses) masked as the contact fields are (210***********12
     * for an identity number): what staff read in lists and on a feedback's page. The text as sent is
     * shown only with the contact details, to holders of the personal-data permission, and recorded.
     */
    public static String contactsIn(String text) {
        return contactsIn(text, Submitter.ANONYMOUS);
    }

    /**
     * {@link #contactsIn(String)}, and the submitter's own details wherever the text repeats them
     * (联系人欧阳锋 → 联系人欧**): a name matches no pattern, but the service knows the one to hide.
     */
    public static String contactsIn(String text, Submitter submitter) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        for (Submitter.Detail detail : submitter.detailsIn(text)) {
            text = text.replace(detail.value(), detail.masked());
        }
        StringBuilder masked = new StringBuilder(text.length());
        int at = 0;
        for (ContactDetails.Found found : ContactDetails.in(text)) {
            masked.append(text, at, found.start()).append(masked(found));
            at = found.end();
        }
        return masked.append(text, at, text.length()).toString();
    }

    /** An identity number as 210***********12, an e-mail address and a number as their fields are masked. */
    private static String masked(ContactDetails.Found found) {
        return switch (found.kind()) {
            case ID_NUMBER -> {
                String id = found.value().replaceAll("[- ]", "");
                yield id.substring(0, 3) + "*".repeat(id.length() - 5) + id.substring(id.length() - 2);
            }
            case EMAIL -> email(found.value());
            case MOBILE, LANDLINE -> phone(found.value());
        };
    }
}
