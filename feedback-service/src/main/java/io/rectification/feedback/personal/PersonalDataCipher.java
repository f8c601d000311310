package io.rectification.feedback.personal;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Seals the public's personal data (name, phone, email, address) with AES-256-GCM before it is
 * stored, and opens it for the one endpoint allowed to show it. Each value has a fresh 96-bit
 * nonce stored in front of it; the column name is bound in as associated data, so a sealed phone
 * cannot be passed off as a name.
 */
@ApplicationScoped
public class PersonalDataCipher {

    public static final String KEY_PROPERTY = "feedback.personal-data.key";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;
    private final String problem;
    /**
     * Per thread, as neither is thread-safe: looking a Cipher or Mac up by name (the provider
     * search) cost more than the sealing itself on every submission. A Mac is keyed once; a
     * Cipher is initialised anew for every value (its fresh nonce).
     */
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(PersonalDataCipher::aesGcm);
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::keyedMac);

    public PersonalDataCipher(@ConfigProperty(name = KEY_PROPERTY) Optional<String> base64Key) {
        SecretKeySpec parsed = null;
        String error = null;
        if (base64Key.isEmpty() || base64Key.get().isBlank()) {
            error = KEY_PROPERTY + " (env FEEDBACK_PERSONAL_DATA_KEY) is not set: feedback-service keeps the public's "
                    + "contact details encrypted and will not start without a 256-bit AES key in base64 "
                    + "(e.g. `openssl rand -base64 32`)";
        } else {
            try {
                byte[] bytes = Base64.getDecoder().decode(base64Key.get().strip());
                if (bytes.length != 32) {
                    error = KEY_PROPERTY + " must be 32 bytes (256 bits) in base64; it decodes to " + bytes.length + " bytes";
                } else {
                    parsed = new SecretKeySpec(bytes, "AES");
                }
            } catch (IllegalArgumentException e) {
                error = KEY_PROPERTY + " is not valid base64";
            }
        }
        this.key = parsed;
        this.problem = error;
    }

    /** Fails the start-up, not the first submission, when the key is missing or wrong. */
    void checkKeyAtStartup(@Observes StartupEvent event) {
        requireKey();
    }

    public byte[] seal(String column, String value) {
        if (value == null) {
            return null;
        }
        requireKey();
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(column.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal " + column, e);
        }
    }

    public String open(String column, byte[] sealed) {
        if (sealed == null) {
            return null;
        }
        requireKey();
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(column.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // Wrong key or tampered value; never include the value in the message.
            throw new IllegalStateException("cannot open " + column + " (wrong " + KEY_PROPERTY + "?)", e);
        }
    }

    /**
     * A keyed hash (HMAC-SHA256) standing in for a value that must be compared but not kept, such
     * as a client's IP address: equal inputs give equal pseudonyms, and without the key an
     * address cannot be recovered by trying them all.
     */
    public String pseudonym(String purpose, String value) {
        requireKey();
        Mac mac = macs.get();
        mac.update(purpose.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }

    private static Cipher aesGcm() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is not available", e);
        }
    }

    private Mac keyedMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive a pseudonym", e);
        }
    }

    private void requireKey() {
        if (key == null) {
            throw new IllegalStateException(problem);
        }
    }
}
