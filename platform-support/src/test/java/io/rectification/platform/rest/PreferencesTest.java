package io.rectification.platform.rest;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Tag("fast")
class PreferencesTest {

    @Test
    void readsTheWaitInSecondsAmongOtherPreferences() {
        assertEquals(Optional.of(Duration.ofSeconds(10)), Preferences.waitOf("wait=10"));
        assertEquals(Optional.of(Duration.ofSeconds(5)), Preferences.waitOf("respond-async, wait=5"));
        assertEquals(Optional.of(Duration.ofSeconds(5)), Preferences.waitOf("return=minimal; x=1,WAIT = \"5\""));
        assertEquals(Optional.of(Duration.ZERO), Preferences.waitOf("wait=0"));
    }

    @Test
    void theFirstWaitCounts() {
        assertEquals(Optional.of(Duration.ofSeconds(3)), Preferences.waitOf("wait=3, wait=20"));
    }

    @Test
    void noWaitOrOneThatCannotBeReadIsIgnored() {
        assertEquals(Optional.empty(), Preferences.waitOf(null));
        assertEquals(Optional.empty(), Preferences.waitOf(""));
        assertEquals(Optional.empty(), Preferences.waitOf("respond-async"));
        assertEquals(Optional.empty(), Preferences.waitOf("waiting=3"));
        assertEquals(Optional.empty(), Preferences.waitOf("wait"));
        assertEquals(Optional.empty(), Preferences.waitOf("wait=-1"));
        assertEquals(Optional.empty(), Preferences.waitOf("wait=1.5"));
        assertEquals(Optional.empty(), Preferences.waitOf("wait=soon"));
        assertEquals(Optional.empty(), Preferences.waitOf("wait=99999999999999999999"));
    }
}
