package io.rectification.feedback.personal;

import javax.crypto.spec.SecretKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The keys the public's personal data is protected with: the current key, which seals new values and
 * computes new pseudonyms, and the previous keys, which only open what they sealed and are matched in
 * look-ups, until {@link PersonalDataRekey} has moved everything off them. Each key has a short id,
 * which every sealed value carries in its header ({@link SealedValue}). Read from configuration once;
 * a configuration that cannot be a keyring is {@link #problem()}, a message naming the property and
 * never a key.
 */
final class Keyring {

    static final String KEY_PROPERTY = "feedback.personal-data.key";
    static final String KEY_ID_PROPERTY = "feedback.personal-data.key-id";
    static final String PREVIOUS_KEYS_PROPERTY = "feedback.personal-data.previous-keys";
    static final String DEFAULT_KEY_ID = "1";
    /**
     * What the stored rows record for values sealed before keys had ids (a bare nonce and
     * ciphertext): reserved, so no configured key can be taken for them.
     */
    static final String LEGACY = "legacy";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,16}");
    private static final int KEY_BYTES = 32;

    record Key(String id, SecretKeySpec secret) {
    }

    /** Current first, then the previous keys in the order configured; empty when {@link #problem} is set. */
    private final List<Key> keys;
    private final Map<String, Key> byId;
    private final String problem;

    private Keyring(List<Key> keys, String problem) {
        this.keys = List.copyOf(keys);
        this.problem = problem;
        Map<String, Key> ids = new LinkedHashMap<>();
        keys.forEach(key -> ids.put(key.id(), key));
        this.byId = Map.copyOf(ids);
    }

    /**
     * The keyring the three properties describe: {@code key} alone is the keyring of a service that
     * never rotated (its id {@value #DEFAULT_KEY_ID}); {@code previousKeys} is a comma-separated list of
     * {@code id:base64}.
     */
    static Keyring of(Optional<String> key, Optional<String> keyId, Optional<String> previousKeys) {
        List<Key> keys = new ArrayList<>();
        try {
            String currentId = keyId.map(String::strip).filter(id -> !id.isEmpty()).orElse(DEFAULT_KEY_ID);
            requireId(currentId, KEY_ID_PROPERTY + " (env FEEDBACK_PERSONAL_DATA_KEY_ID)");
            keys.add(new Key(currentId, current(key)));
            String[] entries = previousKeys.map(String::strip).filter(list -> !list.isEmpty())
                    .map(list -> list.split(",")).orElse(new String[0]);
            for (int i = 0; i < entries.length; i++) {
                keys.add(previous(entries[i].strip(), i + 1));
            }
            requireDistinct(keys);
            return new Keyring(keys, null);
        } catch (IllegalArgumentException e) {
            return new Keyring(List.of(), e.getMessage());
        }
    }

    private static SecretKeySpec current(Optional<String> key) {
        if (key.isEmpty() || key.get().isBlank()) {
            throw new IllegalArgumentException(KEY_PROPERTY + " (env FEEDBACK_PERSONAL_DATA_KEY) is not set: feedback-service "
                    + "keeps the public's contact details encrypted and will not start without a 256-bit AES key in base64 "
                    + "(e.g. `openssl rand -base64 32`)");
        }
        return secret(key.get().strip(), KEY_PROPERTY);
    }

    private static Key previous(String entry, int number) {
        String where = "entry " + number + " of " + PREVIOUS_KEYS_PROPERTY + " (env FEEDBACK_PERSONAL_DATA_PREVIOUS_KEYS)";
        int colon = entry.indexOf(':');
        if (colon < 0) {
            // Never quoted: the entry may be a key pasted without its id.
            throw new IllegalArgumentException(where + " is not id:key (a key id, a colon, the key in base64)");
        }
        String id = entry.substring(0, colon).strip();
        requireId(id, where);
        return new Key(id, secret(entry.substring(colon + 1).strip(), where + ", key id '" + id + "',"));
    }

    private static void requireId(String id, String where) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(where + " must be a key id of 1 to 16 letters, digits, '-' or '_'");
        }
        if (id.equals(LEGACY)) {
            throw new IllegalArgumentException(where + ": the key id '" + LEGACY + "' is reserved for the values sealed "
                    + "before keys had ids; choose another");
        }
    }

    private static SecretKeySpec secret(String base64, String where) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " is not valid base64");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException(where + " must be 32 bytes (256 bits) in base64; it decodes to "
                    + bytes.length + " bytes");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private static void requireDistinct(List<Key> keys) {
        for (int i = 0; i < keys.size(); i++) {
            for (int j = 0; j < i; j++) {
                Key earlier = keys.get(j);
                Key key = keys.get(i);
                if (earlier.id().equals(key.id())) {
                    throw new IllegalArgumentException("the key id '" + key.id() + "' is given twice (" + KEY_ID_PROPERTY
                            + ", default " + DEFAULT_KEY_ID + ", and " + PREVIOUS_KEYS_PROPERTY + "): each key needs an "
                            + "id of its own; a new current key takes a new " + KEY_ID_PROPERTY);
                }
                if (Arrays.equals(earlier.secret().getEncoded(), key.secret().getEncoded())) {
                    throw new IllegalArgumentException("the key ids '" + earlier.id() + "' and '" + key.id()
                            + "' are given the same key (" + KEY_PROPERTY + ", " + PREVIOUS_KEYS_PROPERTY
                            + "): a rotation needs a new key, e.g. `openssl rand -base64 32`");
                }
            }
        }
    }

    /** Why the configuration is no keyring, or null. */
    String problem() {
        return problem;
    }

    Key current() {
        return keys.get(0);
    }

    /** The key of this id, or null when the keyring has none. */
    Key byId(String id) {
        return byId.get(id);
    }

    /** Current first, then the previous keys. */
    List<Key> keys() {
        return keys;
    }

    List<Key> previous() {
        return keys.subList(1, keys.size());
    }
}
