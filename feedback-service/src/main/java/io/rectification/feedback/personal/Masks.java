package io.rectification.feedback.personal;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How personal data looks in lists: enough to tell entries apart, not enough to contact anyone. */
public final class Masks {

    /**
     * Contact data a citizen wrote into the text itself (请联系我13812345678): a resident identity
     * number (18 characters, the last a digit or X, or the 15 digits of the first generation), a mobile
     * number, a landline with its area code, an e-mail address. Digits around are not part of it, so an
     * amount or a date stays as written. The one definition of what contact data in a text looks like:
     * lists mask it ({@link #contactsIn}), what staff publish may not hold it ({@link #contactKindsIn}).
     */
    private static final Pattern CONTACTS_IN_TEXT = Pattern.compile(
            "(?<![0-9A-Za-z])(?<id>[1-9][0-9]{5}(?:(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx]"
                    + "|[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}))(?![0-9A-Za-z])"
                    + "|(?<![0-9])(?<mobile>(?:\\+?86[- ]?)?1[3-9][0-9](?:[- ]?[0-9]{4}){2})(?![0-9])"
                    + "|(?<![0-9])(?<landline>0[0-9]{2,3}-[0-9]{7,8})(?![0-9])"
                    + "|(?<email>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})");

    /** The kinds of contact data {@link #CONTACTS_IN_TEXT} finds, each by its group. */
    public enum Contact {
        ID_NUMBER("id"), MOBILE("mobile"), LANDLINE("landline"), EMAIL("email");

        private final String group;

        Contact(String group) {
            this.group = group;
        }
    }

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
     * The text with the contact data written into it masked as the contact fields are (210***********12
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
        Matcher found = CONTACTS_IN_TEXT.matcher(text);
        StringBuilder masked = new StringBuilder(text.length());
        while (found.find()) {
            String id = found.group(Contact.ID_NUMBER.group);
            String email = found.group(Contact.EMAIL.group);
            String replacement = id != null ? id.substring(0, 3) + "*".repeat(id.length() - 5) + id.substring(id.length() - 2)
                    : email != null ? email(email) : phone(found.group());
            found.appendReplacement(masked, Matcher.quoteReplacement(replacement));
        }
        return found.appendTail(masked).toString();
    }

    /** The kinds of contact data written in {@code text}, in {@link Contact}'s order; never the data itself. */
    public static Set<Contact> contactKindsIn(String text) {
        Set<Contact> kinds = EnumSet.noneOf(Contact.class);
        if (text == null || text.isEmpty()) {
            return kinds;
        }
        Matcher found = CONTACTS_IN_TEXT.matcher(text);
        while (found.find()) {
            for (Contact kind : Contact.values()) {
                if (found.group(kind.group) != null) {
                    kinds.add(kind);
                }
            }
        }
        return kinds;
    }
}
