package io.rectification.reporting.support;

/** Conditional GETs: whether an {@code If-None-Match} header names the answer's current ETag. */
public final class EntityTags {

    private EntityTags() {
    }

    /** {@code value} is the ETag's opaque part (without quotes); its weak form or {@code *} match too. */
    public static boolean matches(String ifNoneMatch, String value) {
        if (ifNoneMatch == null) {
            return false;
        }
        String tag = '"' + value + '"';
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || c.equals(tag) || c.equals("W/" + tag)) {
                return true;
            }
        }
        return false;
    }
}
