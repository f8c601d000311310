package io.rectification.feedback.personal;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("fast")
class StoredDataKeyCheckTest {

    private static final PersonalDataCipher KEY_A = KeyringTest.BEFORE;
    private static final PersonalDataCipher KEY_B = KeyringTest.cipher("YW5vdGhlci1rZXktb2YtMzItYnl0ZXMtZm9yLXRlc3Q=", null, null);

    /** One stored row per key id, as StoredKeys reads them: name, phone, email, address. */
    private static Map<String, byte[][]> stored(Object... keyIdsAndRows) {
        Map<String, byte[][]> rows = new LinkedHashMap<>();
        for (int i = 0; i < keyIdsAndRows.length; i += 2) {
            rows.put((String) keyIdsAndRows[i], (byte[][]) keyIdsAndRows[i + 1]);
        }
        return rows;
    }

    @Test
    void dataSealedWithTheKeyPasses() {
        assertNull(StoredDataKeyCheck.problem(KEY_A, stored("1", new byte[][]{null, KEY_A.seal("phone", "13812345678"), null,
                KEY_A.seal("address", "沈阳市浑南区")})));
        assertNull(StoredDataKeyCheck.problem(KEY_A, stored()), "an empty table");
    }

    @Test
    void dataSealedWithAnotherKeyIsNamedWithoutItsValue() {
        String problem = StoredDataKeyCheck.problem(KEY_A, stored("1", new byte[][]{null, KEY_B.seal("phone", "13812345678"), null, null}));
        assertTrue(problem != null && problem.contains("feedback.personal-data.key") && problem.contains("the phone")
                && problem.contains("key id '1'"), problem);
        assertTrue(!problem.contains("13812345678"), "never the value");
    }

    @Test
    void aValueSealedForAnotherColumnDoesNotPassEither() {
        // the column is bound into the seal: a phone moved into the name column does not open
        assertTrue(StoredDataKeyCheck.problem(KEY_A, stored("1", new byte[][]{KEY_A.seal("phone", "13812345678"), null, null, null})) != null);
    }

    @Test
    void theStartIsRefusedWhileStoredDataNamesAKeyTheKeyringDoesNotHold() {
        // the old key removed before the rekey run moved everything off it
        String problem = StoredDataKeyCheck.problem(KeyringTest.cipher(KeyringTest.NEW, "2", null), stored(
                "1", new byte[][]{null, KEY_A.seal("phone", "13812345678"), null, null},
                "2", new byte[][]{KeyringTest.AFTER.seal("name", "张三"), null, null, null}));
        assertTrue(problem != null && problem.contains("the key id '1', which is not in the keyring")
                && problem.contains("feedback.personal-data.previous-keys"), problem);
        assertFalse(problem.contains("13812345678") || problem.contains(KeyringTest.OLD), "never a value nor a key");
        // rows with pseudonyms only under that id: the id is still one the keyring must hold
        assertTrue(StoredDataKeyCheck.problem(KeyringTest.cipher(KeyringTest.NEW, "2", null),
                stored("1", new byte[4][])) != null);
        assertNull(StoredDataKeyCheck.problem(KeyringTest.AFTER, stored(
                "1", new byte[][]{null, KEY_A.seal("phone", "13812345678"), null, null},
                "2", new byte[][]{KeyringTest.AFTER.seal("name", "张三"), null, null, null})));
    }

    @Test
    void dataSealedBeforeKeysHadIdsMustOpenWithOneKeyOfTheKeyring() {
        Map<String, byte[][]> legacy = stored(Keyring.LEGACY,
                new byte[][]{null, LegacySeal.seal(KeyringTest.OLD, "phone", "13812345678"), null, null});
        assertNull(StoredDataKeyCheck.problem(KEY_A, legacy));
        assertNull(StoredDataKeyCheck.problem(KeyringTest.AFTER, legacy), "its key is a previous key now");
        String problem = StoredDataKeyCheck.problem(KEY_B, legacy);
        assertTrue(problem != null && problem.contains("before keys had ids") && problem.contains("the phone"), problem);
        assertNull(StoredDataKeyCheck.problem(KEY_B, stored(Keyring.LEGACY, new byte[4][])),
                "anonymous legacy rows hold nothing to open");
    }
}
