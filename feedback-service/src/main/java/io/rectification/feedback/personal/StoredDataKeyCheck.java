package io.rectification.feedback.personal;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Map;

/**
 * Refuses to start when the keyring does not open the personal data already stored: with a key
 * missing (a backup restored under the wrong environment's keys, an old key removed before the
 * rekey run had moved everything off it) or wrong, every staff list would fail on the first sealed
 * contact of that key, and what cannot be opened cannot be re-sealed either. Each key id the rows
 * name must be in the keyring, and one stored contact of each is opened with it (one query, a probe
 * of an index per key id: {@link StoredKeys}); the rows sealed before keys had ids ({@value Keyring#LEGACY})
 * must open with one of the keyring's keys. An empty table has nothing to check.
 */
@ApplicationScoped
public class StoredDataKeyCheck {

    private final PersonalDataCipher cipher;
    private final StoredKeys storedKeys;

    public StoredDataKeyCheck(PersonalDataCipher cipher, StoredKeys storedKeys) {
        this.cipher = cipher;
        this.storedKeys = storedKeys;
    }

    /** After PersonalDataCipher's own check (the default priority), which names a missing or malformed key. */
    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 600) StartupEvent event) {
        String problem = problem(cipher, storedKeys.oneSealedRowPerKey());
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
    }

    /**
     * Why the keyring cannot open the stored data, or null when it can: {@code sealedByKey} holds, per
     * key id the rows name, one row's sealed columns in {@link StoredKeys#COLUMNS}' order. Names key
     * ids and columns, never a value.
     */
    static String problem(PersonalDataCipher cipher, Map<String, byte[][]> sealedByKey) {
        for (Map.Entry<String, byte[][]> stored : sealedByKey.entrySet()) {
            String keyId = stored.getKey();
            boolean legacy = keyId.equals(Keyring.LEGACY);
            if (!legacy && !cipher.holds(keyId)) {
                return "personal data stored in this database is under the key id '" + keyId + "', which is not in the "
                        + "keyring (current: '" + cipher.currentKeyId() + "', " + Keyring.KEY_ID_PROPERTY + "; previous: "
                        + cipher.previousKeyIds() + ", " + Keyring.PREVIOUS_KEYS_PROPERTY + "). Add that key to "
                        + Keyring.PREVIOUS_KEYS_PROPERTY + " (env FEEDBACK_PERSONAL_DATA_PREVIOUS_KEYS) as " + keyId
                        + ":<its key in base64>; a key may be removed only once GET /admin/personal-data/keys counts no "
                        + "row under it (docs/security.md, \"Rotating the personal-data key\").";
            }
            byte[][] sealed = stored.getValue();
            for (int i = 0; i < StoredKeys.COLUMNS.size(); i++) {
                if (sealed[i] == null) {
                    continue;
                }
                try {
                    cipher.open(StoredKeys.COLUMNS.get(i), sealed[i]);
                } catch (IllegalStateException e) {
                    String which = "the " + StoredKeys.COLUMNS.get(i) + " of a stored feedback";
                    return legacy
                            ? "no key of the keyring opens the personal data stored before keys had ids (" + which + "): "
                            + "it was sealed with the key " + PersonalDataCipher.KEY_PROPERTY + " held before the first "
                            + "rotation. Configure that key, as " + PersonalDataCipher.KEY_PROPERTY + " or in "
                            + Keyring.PREVIOUS_KEYS_PROPERTY + "; feedback-service will not seal new data beside data it cannot open."
                            : "the key configured as key id '" + keyId + "' does not open the personal data stored under "
                            + "that id (" + which + "): it is not the key that data was sealed with. Configure that id's "
                            + "own key (" + PersonalDataCipher.KEY_PROPERTY + " or " + Keyring.PREVIOUS_KEYS_PROPERTY
                            + "); feedback-service will not seal new data beside data it cannot open.";
                }
            }
        }
        return null;
    }
}
