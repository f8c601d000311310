package io.rectification.tasks.plan;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * When two titles of areas, problems or tasks are the same, and when they only resemble each other.
 * The same ({@link #key}): equal but for the clerk's numbering ({@link PlanTitles}), blanks, full-width
 * letters, digits and signs (１．, ＰＰＰ) and a final 。/；, the ways clerks write one title twice;
 * such rows are one area or problem, in the ledger and within a file. Similar ({@link #similar}):
 * the same after removing blanks and punctuation, one containing the other, or at most two
 * characters apart. A title similar to one of the ledger is ambiguous (a CONFLICT row, it never
 * silently creates a second area); similar titles within one file are imported as they are, with
 * a warning, as the file may well mean two problems.
 */
final class SimilarTitles {

    private static final int MAX_EDITS = 2;
    private static final Pattern BLANKS = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern FINAL_STOP = Pattern.compile("[。；;.]+$");

    private SimilarTitles() {
    }

    /** The title as compared: equal keys are the same title. */
    static String key(String title) {
        if (title == null) {
            return "";
        }
        String plain = Normalizer.normalize(PlanTitles.strip(title).title(), Normalizer.Form.NFKC);
        return FINAL_STOP.matcher(BLANKS.matcher(plain).replaceAll("")).replaceFirst("").toLowerCase(Locale.ROOT);
    }

    /** Whether the titles resemble each other (the same titles do too). */
    static boolean similar(String a, String b) {
        return similarNormals(normal(a), normal(b));
    }

    /**
     * The title as {@link #similar} compares it: its key without punctuation. A caller comparing one
     * title with many computes each title's form once and compares them with {@link #similarNormals}.
     */
    static String normal(String title) {
        return key(title).replaceAll("\\p{P}", "");
    }

    static boolean similarNormals(String x, String y) {
        if (x.isEmpty() || y.isEmpty()) {
            return false;
        }
        return x.contains(y) || y.contains(x) || Math.abs(x.length() - y.length()) <= MAX_EDITS && edits(x, y) <= MAX_EDITS;
    }

    /** Levenshtein distance. */
    static int edits(String x, String y) {
        int[] previous = new int[y.length() + 1];
        int[] current = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int substitution = previous[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length()];
    }
}
