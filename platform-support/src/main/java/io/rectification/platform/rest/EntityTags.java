package io.rectification.platform.rest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Conditional GETs: strong ETags from an answer's bytes, and whether an {@code If-None-Match} names one. */
public final class EntityTags {

    /**
     * One SHA-256 per thread, reused (digest() resets it): looking the algorithm up among the providers for every
     * answer took 1.3 % of a dashboard read's CPU (docs/benchmarks.md, "Where a dashboard summary's CPU goes").
     */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    });

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
        return HexFormat.of().formatHex(SHA_256.get().digest(bytes), 0, 16);
    }
}
