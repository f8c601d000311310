package io.rectification.platform.events;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The event consumer's group settings: what decides how long a restart or a dead member stalls a group. */
@Tag("fast")
class KafkaSettingsTest {

    @Test
    void anInstanceIdMakesAStaticMemberWithTheSessionTimeoutAndAThirdOfItAsHeartbeat() {
        Map<String, Object> config = KafkaSettings.eventConsumer("broker:9092", "reporting-tasks",
                Optional.of("reporting-service-1"), Duration.ofSeconds(9));
        assertEquals("reporting-service-1", config.get(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG));
        assertEquals(9_000, config.get(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG));
        assertEquals(3_000, config.get(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG));
        assertEquals(ByteArrayDeserializer.class.getName(), config.get(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG));
    }

    @Test
    void noOrABlankInstanceIdIsADynamicMemberAndTheHeartbeatStaysAtMostThreeSeconds() {
        for (Optional<String> none : new Optional[]{Optional.empty(), Optional.of(" ")}) {
            Map<String, Object> config = KafkaSettings.eventConsumer("broker:9092", "g", none, Duration.ofSeconds(45));
            assertFalse(config.containsKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG));
            assertEquals(45_000, config.get(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG));
            assertEquals(3_000, config.get(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG));
        }
        assertEquals(2_000, KafkaSettings.eventConsumer("b", "g", Optional.empty(), Duration.ofSeconds(6))
                .get(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG));
    }
}
