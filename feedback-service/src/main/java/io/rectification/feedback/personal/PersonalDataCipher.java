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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Seals the public's personal data (name, phone, email, address) with AES-256-GCM before it is
 * stored, and opens it for the one endpoint allowed to show it. Each value has a fresh 96-bit
 * nonce stored in front of it; the column name is bound in as associated data, so a sealed phone
 * cannot be passed off as a name. The keys are a {@link Keyring}: new values are sealed with the
 * current key and carry its id ({@link SealedValue}); a value opens with whichever key of the ring
 * sealed it, so keys can be rotated ({@link PersonalDataRekey}).
 */
@ApplicationScoped
public class PersonalDataCipher {

    public static final String KEY_PROPERTY = Keyring.KEY_PROPERTY;
    private static final int TAG_BITS = SealedValue.TAG_BYTES * 8;

    private final SecureRandom random = new SecureRandom();
    private final Keyring keyring;
    /** The current key's header, the same in front of every value sealed here. */
    private final byte[] header;
    /**
     * Per thread, as neither is thread-safe: looking a Cipher or Mac up by name (the provider
     * search) cost more than the sealing itself on every submission. The Macs (one per key, the
     * current key's first) are keyed once; a Cipher is initialised anew for every value (its fresh
     * nonce).
     */
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(PersonalDataCipher::aesGcm);
    private final ThreadLocal<Mac[]> macs = ThreadLocal.withInitial(this::keyedMacs);

    public PersonalDataCipher(@ConfigProperty(name = Keyring.KEY_PROPERTY) Optional<String> base64Key,
                              @ConfigProperty(name = Keyring.KEY_ID_PROPERTY) Optional<String> keyId,
                              @ConfigProperty(name = Keyring.PREVIOUS_KEYS_PROPERTY) Optional<String> previousKeys) {
        this.keyring = Keyring.of(base64Key, keyId, previousKeys);
        this.header = keyring.problem() == null ? SealedValue.header(keyring.current().id()) : null;
    }

    /** Fails the start-up, not the first submission, when a key is missing or malformed. */
    void checkKeyAtStartup(@Observes StartupEvent event) {
        requireKey();
    }

    /** The id of the key that seals new values and computes new pseudonyms. */
    public String currentKeyId() {
        requireKey();
        return keyring.current().id();
    }

    /** The ids of the keys that only open (and are matched in look-ups), in the order configured. */
    public List<String> previousKeyIds() {
        requireKey();
        return keyring.previous().stream().map(Keyring.Key::id).toList();
    }

    /** Whether the keyring holds a key of this id. */
    public boolean holds(String keyId) {
        requireKey();
        return keyring.byId(keyId) != null;
    }

    public byte[] seal(String column, String value) {
        if (value == null) {
            return null;
        }
        requireKey();
        try {
            byte[] nonce = new byte[SealedValue.NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, keyring.current().secret(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(header);
            cipher.updateAAD(column.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(header.length + nonce.length + sealed.length).put(header).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal " + column, e);
        }
    }

    /**
     * The value {@code sealed} holds: opened with the key its header names or, without a header that
     * names a key of the ring, as a legacy value with each key in turn (the one the service had before
     * keys had ids is among them). Why no value can be read the wrong way: {@link SealedValue}.
     */
    public String open(String column, byte[] sealed) {
        if (sealed == null) {
            return null;
        }
        requireKey();
        byte[] columnBytes = column.getBytes(StandardCharsets.UTF_8);
        SealedValue.Header parsed = SealedValue.parse(sealed);
        Keyring.Key named = parsed == null ? null : keyring.byId(parsed.keyId());
        if (named != null) {
            byte[] plain = open(named.secret(), sealed, parsed.length(), columnBytes);
            if (plain != null) {
                return new String(plain, StandardCharsets.UTF_8);
            }
        }
        for (Keyring.Key key : keyring.keys()) {
            byte[] plain = open(key.secret(), sealed, 0, columnBytes);
            if (plain != null) {
                return new String(plain, StandardCharsets.UTF_8);
            }
        }
        // Wrong key or tampered value; never include the value in the message.
        throw new IllegalStateException("cannot open " + column + (parsed == null
                ? " (sealed before keys had ids, and no key of the keyring opens it: wrong " + KEY_PROPERTY + "?)"
                : named == null ? " (sealed under key id '" + parsed.keyId() + "', which the keyring does not hold: see "
                        + Keyring.PREVIOUS_KEYS_PROPERTY + ")"
                : " (sealed under key id '" + parsed.keyId() + "', and the key configured under that id does not open it)"));
    }

    /**
     * The plain bytes, or null when {@code key} does not open the value read with a header of
     * {@code headerLength} bytes (0: a legacy value, its column alone as associated data).
     */
    private byte[] open(SecretKeySpec key, byte[] sealed, int headerLength, byte[] column) {
        if (sealed.length < headerLength + SealedValue.NONCE_BYTES + SealedValue.TAG_BYTES) {
            return null;
        }
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, headerLength, SealedValue.NONCE_BYTES));
            cipher.updateAAD(sealed, 0, headerLength);
            cipher.updateAAD(column);
            int start = headerLength + SealedValue.NONCE_BYTES;
            return cipher.doFinal(sealed, start, sealed.length - start);
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    /**
     * A keyed hash (HMAC-SHA256) standing in for a value that must be compared but not kept, such
     * as a client's IP address: equal inputs give equal pseudonyms, and without the key an
     * address cannot be recovered by trying them all. Under the current key: what is stored.
     */
    public String pseudonym(String purpose, String value) {
        requireKey();
        return pseudonym(macs.get()[0], purpose, value);
    }

    /**
     * The value's pseudonym under every key of the ring: what a look-up of rows stored within a
     * window matches, since those stored before the current key took over carry a previous key's.
     */
    public Pseudonym pseudonyms(String purpose, String value) {
        requireKey();
        Mac[] keyed = macs.get();
        List<String> previous = new ArrayList<>(keyed.length - 1);
        for (int i = 1; i < keyed.length; i++) {
            previous.add(pseudonym(keyed[i], purpose, value));
        }
        return new Pseudonym(pseudonym(keyed[0], purpose, value), previous);
    }

    private static String pseudonym(Mac mac, String purpose, String value) {
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

    private Mac[] keyedMacs() {
        try {
            List<Keyring.Key> keys = keyring.keys();
            Mac[] keyed = new Mac[keys.size()];
            for (int i = 0; i < keyed.length; i++) {
                keyed[i] = Mac.getInstance("HmacSHA256");
                keyed[i].init(new SecretKeySpec(keys.get(i).secret().getEncoded(), "HmacSHA256"));
            }
            return keyed;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive a pseudonym", e);
        }
    }

    private void requireKey() {
        if (keyring.problem() != null) {
            throw new IllegalStateException(keyring.problem());
        }
    }
}
