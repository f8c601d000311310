package io.rectification.platform.rest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Conditional GETs: strong ETags from an answer's bytes, and whether an {@code If-None-Match} names one. */
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

    /**
     * The opaque part of a strong ETag for {@code bytes}: the first 128 bits of their SHA-256, in hex.
     * Equal bytes, equal tag; any change, another.
     */
    public static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
