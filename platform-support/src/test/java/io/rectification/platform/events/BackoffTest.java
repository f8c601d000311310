package io.rectification.platform.events;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Tag("fast")
class BackoffTest {

    @Test
    void doublesFromTheFirstWaitUpToTheMaximumAndStartsOverAfterASuccess() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2));
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            waits.add(backoff.next().toMillis());
        }
        assertEquals(List.of(100L, 200L, 400L, 800L, 1600L, 2000L, 2000L, 2000L), waits);
        backoff.reset();
        assertEquals(100, backoff.next().toMillis());
    }

    @Test
    void theRelayWaitsAtMostTwoSecondsUnlessConfiguredOtherwise() throws Exception {
        var setting = OutboxConfig.class.getMethod("maxBackoff").getAnnotation(io.smallrye.config.WithDefault.class);
        assertEquals("2s", setting.value());
    }
}
