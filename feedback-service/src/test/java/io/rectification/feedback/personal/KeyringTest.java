package io.rectification.feedback.personal;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The keyring a rotation configures: which key seals, which keys open, what a bad configuration is told. */
@Tag("fast")
class KeyringTest {

    static final String OLD = "ZGV2LW9ubHkta2V5LWRvLW5vdC11c2UtaW4tcHJvZCE=";
    static final String NEW = "YW5vdGhlci1rZXktb2YtMzItYnl0ZXMtZm9yLXRlc3Q=";
    static final String OTHER = "b3RoZXIta2V5LW90aGVyLWtleS1vdGhlci1rZXkhISE=";

    /** A service that never rotated: the key alone, its id the default. */
    static final PersonalDataCipher BEFORE = cipher(OLD, null, null);
    /** The same service after the rotation: the new key current as "2", the old one previous as "1". */
    static final PersonalDataCipher AFTER = cipher(NEW, "2", "1:" + OLD);

    static PersonalDataCipher cipher(String key, String keyId, String previousKeys) {
        return new PersonalDataCipher(Optional.ofNullable(key), Optional.ofNullable(keyId), Optional.ofNullable(previousKeys));
    }

    @Test
    void aValueSealedBeforeKeysHadIdsOpensWithTheKeyringThatHoldsItsKey() {
        byte[] legacy = LegacySeal.seal(OLD, "phone", "13812345678");
        assertEquals("13812345678", BEFORE.open("phone", legacy));
        assertEquals("13812345678", AFTER.open("phone", legacy), "the old key is a previous key now");
        assertThrows(IllegalStateException.class, () -> cipher(NEW, "2", null).open("phone", legacy));
        assertThrows(IllegalStateException.class, () -> AFTER.open("name", legacy), "still bound to its column");
    }

    @Test
    void aNewValueCarriesTheCurrentKeysId() {
        byte[] sealed = AFTER.seal("name", "张三");
        assertEquals("2", SealedValue.parse(sealed).keyId());
        assertArrayEquals(new byte[]{(byte) 0xA5, 0x01, 1, '2'}, java.util.Arrays.copyOf(sealed, 4));
        assertEquals("1", SealedValue.parse(BEFORE.seal("name", "张三")).keyId(), "the default id");
        assertEquals("2026a", SealedValue.parse(cipher(NEW, "2026a", null).seal("name", "张三")).keyId());
        assertEquals("2", AFTER.currentKeyId());
        assertEquals(java.util.List.of("1"), AFTER.previousKeyIds());
    }

    @Test
    void aValueUnderAPreviousKeyOpensAndOneUnderAKeyNotHeldIsNamedWithoutItsValue() {
        byte[] sealedBefore = BEFORE.seal("email", "zhangsan@example.com");
        assertEquals("zhangsan@example.com", AFTER.open("email", sealedBefore));
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> cipher(NEW, "2", null).open("email", sealedBefore));
        assertTrue(missing.getMessage().contains("key id '1'") && missing.getMessage().contains("previous-keys"),
                missing.getMessage());
        assertFalse(missing.getMessage().contains("zhangsan"));
        // The id is bound into the seal: another key under the value's id does not open it.
        IllegalStateException wrong = assertThrows(IllegalStateException.class,
                () -> cipher(NEW, "2", "1:" + OTHER).open("email", sealedBefore));
        assertTrue(wrong.getMessage().contains("key configured under that id"), wrong.getMessage());
    }

    @Test
    void theHeaderCannotBeChangedWithoutTheValueFailingToOpen() {
        PersonalDataCipher both = cipher(NEW, "2", "3:" + NEW.replace('Y', 'Z'));
        byte[] sealed = both.seal("name", "张三");
        byte[] relabelled = sealed.clone();
        relabelled[3] = '3';
        assertThrows(IllegalStateException.class, () -> both.open("name", relabelled));
    }

    @Test
    void aLegacyValueWhoseNonceLooksLikeAHeaderStillOpens() {
        // A nonce that parses as the header of key "1", which the keyring holds: the headed reading fails
        // its tag, and the legacy reading opens it.
        byte[] nonce = {(byte) 0xA5, 0x01, 1, '1', 9, 9, 9, 9, 9, 9, 9, 9};
        byte[] legacy = LegacySeal.seal(OLD, "address", "沈阳市浑南区世纪路1号", nonce);
        assertEquals("1", SealedValue.parse(legacy).keyId());
        assertEquals("沈阳市浑南区世纪路1号", BEFORE.open("address", legacy));
        assertEquals("沈阳市浑南区世纪路1号", AFTER.open("address", legacy));
    }

    @Test
    void pseudonymsAreComputedWithTheCurrentKeyAndMatchedUnderThePreviousOnes() {
        Pseudonym client = AFTER.pseudonyms("client", "10.0.0.1");
        assertEquals(AFTER.pseudonym("client", "10.0.0.1"), client.current());
        assertEquals(java.util.List.of(BEFORE.pseudonym("client", "10.0.0.1")), client.previous(),
                "what the rows stored before the rotation carry");
        assertNotEquals(client.current(), client.previous().get(0));
        assertTrue(BEFORE.pseudonyms("client", "10.0.0.1").previous().isEmpty());
    }

    @Test
    void aKeyringThatCannotBeIsRefusedNamingThePropertyAndNeverAKey() {
        assertProblem(cipher(NEW, "2", "2:" + OLD), "the key id '2' is given twice");
        assertProblem(cipher(NEW, null, "1:" + OLD), "the key id '1' is given twice", "default 1");
        assertProblem(cipher(NEW, "2", "1:" + OLD + ",1:" + OTHER), "the key id '1' is given twice");
        assertProblem(cipher(NEW, "2", "1:" + NEW), "the same key", "a rotation needs a new key");
        assertProblem(cipher(NEW, "2", "1:not*base64"), "entry 1 of feedback.personal-data.previous-keys", "key id '1'",
                "not valid base64");
        assertProblem(cipher(NEW, "2", "1:" + OLD + ", 3:c2hvcnQ="), "entry 2 of feedback.personal-data.previous-keys",
                "32 bytes", "decodes to 5 bytes");
        assertProblem(cipher(NEW, "2", OLD), "entry 1 of feedback.personal-data.previous-keys", "is not id:key");
        assertProblem(cipher(NEW, "two words", null), "feedback.personal-data.key-id", "1 to 16 letters");
        assertProblem(cipher(NEW, "legacy", null), "feedback.personal-data.key-id", "reserved");
        assertProblem(cipher("c2hvcnQ=", null, null), "feedback.personal-data.key", "32 bytes");
        assertProblem(cipher(null, "2", "1:" + OLD), "FEEDBACK_PERSONAL_DATA_KEY", "is not set");
        // blank settings are unset: the key alone, under the default id
        assertEquals("1", cipher(OLD, " ", " ").currentKeyId());
        assertEquals(java.util.List.of("1", "b-2"), cipher(NEW, "c", " 1:" + OLD + " , b-2:" + OTHER + " ").previousKeyIds());
    }

    private static void assertProblem(PersonalDataCipher cipher, String... told) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> cipher.checkKeyAtStartup(null));
        for (String part : told) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' in: " + e.getMessage());
        }
        for (String key : new String[]{OLD, NEW, OTHER, "not*base64", "c2hvcnQ="}) {
            assertFalse(e.getMessage().contains(key), "never a key: " + e.getMessage());
        }
    }
}
