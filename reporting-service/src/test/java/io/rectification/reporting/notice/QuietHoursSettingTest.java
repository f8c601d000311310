package io.rectification.reporting.notice;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code notices.quiet-hours} as the service reads it (NoticeConfig): the range of application.properties,
 * turned off by the environment with {@code off} or an empty value, and a value that is no range
 * stopping the service at startup with the setting named.
 */
@Tag("fast")
class QuietHoursSettingTest {

    static final Map<String, String> PROPERTIES = Map.of("notices.quiet-hours", "21:00-08:00");

    @Test
    void theRangeOfThePropertiesHoldsTheNight() {
        QuietHours hours = read(Map.of()).quietHours().orElseThrow();
        assertEquals("21:00-08:00", hours.toString());
        assertTrue(hours.holds(LocalTime.of(23, 0)));
    }

    @Test
    void theEnvironmentTurnsThemOffWithOffOrAnEmptyValue() {
        assertEquals("off", read(Map.of("NOTICES_QUIET_HOURS", "off")).quietHours().orElseThrow().toString());
        assertFalse(read(Map.of("NOTICES_QUIET_HOURS", "")).quietHours().orElse(QuietHours.OFF).holds(LocalTime.of(23, 0)),
                "empty: none");
        assertEquals("22:00-07:00", read(Map.of("NOTICES_QUIET_HOURS", "22:00-07:00")).quietHours().orElseThrow().toString());
    }

    @Test
    void aValueThatIsNoRangeStopsTheServiceNamingTheSetting() {
        RuntimeException refused = assertThrows(RuntimeException.class, () -> read(Map.of("NOTICES_QUIET_HOURS", "21-8")));
        assertTrue(refused.getMessage().contains("notices.quiet-hours"), refused.getMessage());
    }

    private static NoticeConfig read(Map<String, String> environment) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(PROPERTIES, "application.properties", 250),
                        new EnvConfigSource(environment, 300))
                .withConverter(Duration.class, 200, new DurationConverter()) // Quarkus's 5s, 1m
                .withMapping(NoticeConfig.class)
                .build();
        return config.getConfigMapping(NoticeConfig.class);
    }
}
