package io.rectification.platform.logging;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("fast")
class RequestIdsNewIdTest {

    @Test
    void aRequestWithoutAnIdGetsARandomVersionFourUuidEachItsOwn() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = RequestIds.accept(null);
            UUID uuid = UUID.fromString(id);
            assertEquals(4, uuid.version(), id);
            assertEquals(2, uuid.variant(), id);
            assertEquals(uuid.toString(), id);
            ids.add(id);
        }
        assertEquals(10_000, ids.size());
    }

    @Test
    void aSafeIdSentWithTheRequestIsKept() {
        assertEquals("9d989b5b-5173-4cef-ac4a-80b0cec18f2a", RequestIds.accept("9d989b5b-5173-4cef-ac4a-80b0cec18f2a"));
        assertTrue(LogIds.safe(RequestIds.accept("line\nbreak")) && !RequestIds.accept("line\nbreak").contains("\n"));
    }
}
