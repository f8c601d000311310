package io.rectification.platform.audit;

import org.bouncycastle.crypto.digests.SM3Digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The hash algorithms an audit chain may use: SHA-256 by default, SM3 (GB/T 32905) where required. */
public enum AuditHash {
    SHA_256("SHA-256"), SM3("SM3");

    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private final String label;

    AuditHash(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static AuditHash byLabel(String label) {
        for (AuditHash hash : values()) {
            if (hash.label.equalsIgnoreCase(label) || hash.name().equalsIgnoreCase(label)) {
                return hash;
            }
        }
        throw new IllegalArgumentException("unknown audit hash algorithm " + label + "; use SHA-256 or SM3");
    }

    public String hex(String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(switch (this) {
            case SHA_256 -> sha256(bytes);
            case SM3 -> sm3(bytes);
        });
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static byte[] sm3(byte[] bytes) {
        SM3Digest digest = new SM3Digest();
        digest.update(bytes, 0, bytes.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }
}
