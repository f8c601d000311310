package io.rectification.feedback.handling;

import io.rectification.feedback.feedback.TrackingCodes;
import io.rectification.platform.error.ApiException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the inbox's {@code q} asks for: a tracking code (with or without its dashes and spaces, any case), or
 * words every one of which the text holds. The text is kept as sent, contact details included, so {@code q} must
 * not become a way to ask "who wrote 13912345678" or "who is li@example.com": a q holding a run of five or more
 * digits (spaces and dashes between them ignored, so 139 1234 5678 counts as one run) that is not a tracking code,
 * or an '@', is refused (400 naming q). A house number, a year or a receipt's short number stay searchable.
 */
record InboxSearch(String trackingCode, List<String> words) {

    static final int MAX_LENGTH = 100;
    private static final Pattern DIGIT_RUN = Pattern.compile("\\p{Nd}{5,}");

    /** Null when there is nothing to search for. */
    static InboxSearch of(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        if (q.length() > MAX_LENGTH) {
            throw ApiException.badRequest("q", "at most " + MAX_LENGTH + " characters");
        }
        String code = TrackingCodes.normalise(q);
        if (code != null) {
            return new InboxSearch(code, List.of());
        }
        if (q.indexOf('@') >= 0 || q.indexOf('＠') >= 0) {
            throw ApiException.badRequest("q", "searches tracking codes and words of the text, not e-mail"
                    + " addresses (contact details are personal data)");
        }
        if (DIGIT_RUN.matcher(q.replaceAll("[\\s\\-－]", "")).find()) {
            throw ApiException.badRequest("q", "a run of 5 or more digits that is not a tracking code is refused:"
                    + " q does not look up phone or id numbers (contact details are personal data)");
        }
        List<String> words = Arrays.stream(q.strip().toLowerCase(Locale.ROOT).split("\\s+"))
                .filter(w -> !w.isEmpty()).distinct().limit(10).toList();
        return new InboxSearch(null, words);
    }

    /** A word as a LIKE pattern that matches it anywhere, its own % and _ taken literally (escape '!'). */
    static String contains(String word) {
        return "%" + word.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
