package io.rectification.tasks.plan;

/**
 * Whether a title that matches no area (or problem) of the ledger is nonetheless meant to be one:
 * the same after removing blanks and punctuation, one containing the other, or at most two
 * characters apart. Such a row is ambiguous; it never silently creates a second area.
 */
final class SimilarTitles {

    private static final int MAX_EDITS = 2;

    private SimilarTitles() {
    }

    static boolean similar(String a, String b) {
        String x = normal(a);
        String y = normal(b);
        if (x.isEmpty() || y.isEmpty()) {
            return false;
        }
        return x.contains(y) || y.contains(x) || Math.abs(x.length() - y.length()) <= MAX_EDITS && edits(x, y) <= MAX_EDITS;
    }

    private static String normal(String title) {
        return title == null ? "" : title.replaceAll("[\\s\\p{P}]", "");
    }

    /** Levenshtein distance. */
    private static int edits(String x, String y) {
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
