package io.rectification.platform.audit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The chain's hash algorithms against their published test vectors. */
@Tag("fast")
class AuditHashTest {

    @Test
    void sha256OfAbcIsTheFips180Vector() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", AuditHash.SHA_256.hex("abc"));
    }

    @Test
    void sm3OfAbcIsTheGbt32905Vector() {
        assertEquals("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0", AuditHash.SM3.hex("abc"));
    }

    @Test
    void algorithmsAreChosenByTheirConfiguredNames() {
        assertEquals(AuditHash.SM3, AuditHash.byLabel("sm3"));
        assertEquals(AuditHash.SHA_256, AuditHash.byLabel("SHA-256"));
        assertThrows(IllegalArgumentException.class, () -> AuditHash.byLabel("MD5"));
    }

    @Test
    void everyFieldIsCovered() {
        AuditEntry entry = new AuditEntry(7, "2026-01-01T00:00:00Z", "王主任", "TaskVerified", "Task", "t-1", null,
                "{\"state\":\"VERIFIED\"}", "SHA-256", AuditHash.GENESIS, null);
        AuditEntry otherActor = new AuditEntry(7, "2026-01-01T00:00:00Z", "李科长", "TaskVerified", "Task", "t-1", null,
                "{\"state\":\"VERIFIED\"}", "SHA-256", AuditHash.GENESIS, null);
        AuditEntry emptyBefore = new AuditEntry(7, "2026-01-01T00:00:00Z", "王主任", "TaskVerified", "Task", "t-1", "",
                "{\"state\":\"VERIFIED\"}", "SHA-256", AuditHash.GENESIS, null);
        assertNotEquals(AuditHash.SHA_256.hex(entry.hashedContent()), AuditHash.SHA_256.hex(otherActor.hashedContent()));
        assertNotEquals(AuditHash.SHA_256.hex(entry.hashedContent()), AuditHash.SHA_256.hex(emptyBefore.hashedContent()));
    }
}
