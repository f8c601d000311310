package io.rectification.platform.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What contact details written into a text look like, the one definition for every service:
 * feedback-service masks them in a citizen's text and refuses them in what its staff publish, and
 * every staff text tasks-service publishes in its events is refused with them (the platform's
 * {@code rest.NoContactDetails}). Found:
 * <ul>
 * <li>a resident identity number: 18 characters, the birth date in place and the last a digit or X
 * (the check character is not verified: a mistyped number is still someone's), optionally grouped
 * 6-8-4 by spaces or dashes; or the 15 digits of a first-generation card;</li>
 * <li>a mainland mobile number: 1, then 3 to 9, then nine digits, optionally after +86 / 0086 / 86,
 * written solid, grouped 3-4-4, or with a space or dash between every digit;</li>
 * <li>a landline with its area code and a dash (0411-12345678): how the public reaches an office, so
 * found (lists mask it) but not {@link Kind#personal() personal};</li>
 * <li>an e-mail address.</li>
 * </ul>
 * Full-width characters (１３８…, ＠, －) and every kind of space are read as their ASCII forms first,
 * so a number typed on a Chinese keyboard is found as one typed on another. Digits around a number
 * are not part of it, so amounts, dates, counts and document numbers (〔2026〕12号, 2026-12-05,
 * 120.5万元, 合同编号20240930001) stay as written; an 11-digit number starting 10, 11 or 12 is no mobile.
 * Names and addresses in prose match no pattern and are not found: nothing here claims to.
 */
public final class ContactDetails {

    /** The kinds found, each as a refusal names it, in this order. */
    public enum Kind {
        MOBILE("a mobile number", true),
        ID_NUMBER("a resident ID number", true),
        LANDLINE("a landline number", false),
        EMAIL("an e-mail address", true);

        private final String words;
        private final boolean personal;

        Kind(String words, boolean personal) {
            this.words = words;
            this.personal = personal;
        }

        public String words() {
            return words;
        }

        /**
         * Whether it reaches a person rather than an office: what a published text may not hold. An
         * office's landline with its area code, and the hotlines (12345, 12388, never found), may.
         */
        public boolean personal() {
            return personal;
        }

        private String group() {
            return name().replace("_", "").toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One contact detail in a text: where it is (in the text as given) and its characters in ASCII. */
    public record Found(Kind kind, int start, int end, String value) {
    }

    private static final String SEPARATOR = "[- ]";

    private static final Pattern CONTACTS = Pattern.compile(String.join("|",
            "(?<![0-9A-Za-z])(?<idnumber>[1-9][0-9]{5}" + SEPARATOR + "?(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])"
                    + SEPARATOR + "?[0-9]{3}[0-9Xx]"
                    + "|[1-9][0-9]{5}[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3})(?![0-9A-Za-z])",
            // solid or 3-4-4: no digit next to it
            "(?<![0-9])(?<mobile>(?:(?:\\+|00)?86" + SEPARATOR + "?)?1[3-9][0-9](?:" + SEPARATOR + "?[0-9]{4}){2})(?![0-9])",
            // a separator between every digit: nor a separated digit next to it, so a list of numbers
            // (1 3 5 7 9 11 13 15 17号楼) is not taken for one
            "(?<![0-9]" + SEPARATOR + "?)(?<spacedmobile>1" + SEPARATOR + "[3-9](?:" + SEPARATOR + "[0-9]){9})(?!" + SEPARATOR + "?[0-9])",
            "(?<![0-9])(?<landline>0[0-9]{2,3}-[0-9]{7,8})(?![0-9])",
            "(?<email>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})"));

    private ContactDetails() {
    }

    /** The contact details in {@code text}, in order; none for null. */
    public static List<Found> in(String text) {
        List<Found> found = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return found;
        }
        Matcher matcher = CONTACTS.matcher(ascii(text));
        while (matcher.find()) {
            found.add(new Found(kindOf(matcher), matcher.start(), matcher.end(), matcher.group()));
        }
        return found;
    }

    /** The kinds of contact details in {@code text}, in {@link Kind}'s order; never the details themselves. */
    public static Set<Kind> kindsIn(String text) {
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        in(text).forEach(found -> kinds.add(found.kind()));
        return kinds;
    }

    /** The {@link Kind#personal() personal} kinds in {@code text}: what a text that is published may not hold. */
    public static Set<Kind> personalIn(String text) {
        Set<Kind> kinds = kindsIn(text);
        kinds.removeIf(kind -> !kind.personal());
        return kinds;
    }

    /** "a mobile number, an e-mail address": how a refusal names the kinds. */
    public static String words(Collection<Kind> kinds) {
        return kinds.stream().sorted().map(Kind::words).collect(Collectors.joining(", "));
    }

    private static Kind kindOf(Matcher matcher) {
        if (matcher.group("spacedmobile") != null) {
            return Kind.MOBILE;
        }
        for (Kind kind : Kind.values()) {
            if (matcher.group(kind.group()) != null) {
                return kind;
            }
        }
        throw new IllegalStateException("a match of no group");
    }

    /**
     * The text with full-width forms as ASCII (U+FF01…U+FF5E), every space as a space and every dash
     * as a hyphen; one character for one, so what is found is where it is in the text as given.
     */
    static String ascii(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= '\uFF01' && c <= '\uFF5E') {
                chars[i] = (char) (c - 0xFEE0);
            } else if (c > 0x7F && Character.isSpaceChar(c)) {
                chars[i] = ' ';
            } else if (c >= '\u2010' && c <= '\u2015' || c == '\u2212' || c == '\uFE63') {
                chars[i] = '-';
            }
        }
        return new String(chars);
    }
}
