package io.rectification.platform.logging;

import io.quarkus.logging.json.runtime.JsonFormatter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The logging every service shares is said once, in this module's
 * META-INF/microprofile-config.properties (read from every jar on the class path, under the
 * services' application.properties): JSON lines in production, text elsewhere, and a JSON line
 * holds the MDC, so its requestId, eventId and traceId reach the log collector.
 */
@Tag("fast")
class LoggingConfigTest {

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void productionLogsJsonAndTheOtherProfilesText() {
        assertEquals(true, config("prod").getValue("quarkus.log.console.json.enabled", Boolean.class));
        assertEquals(false, config("test").getValue("quarkus.log.console.json.enabled", Boolean.class));
        assertEquals(false, config("dev").getValue("quarkus.log.console.json.enabled", Boolean.class));
        assertEquals(Optional.empty(), config("prod").getOptionalValue("quarkus.log.console.json.excluded-keys", String.class),
                "no key (mdc among them) is left out of the JSON lines");
        assertEquals("parentbased_traceidratio", config("prod").getValue("quarkus.otel.traces.sampler", String.class),
                "built in: Quarkus fixes the sampler at build time, so deployments set only its ratio");
        assertEquals(0.0, config("prod").getValue("quarkus.otel.traces.sampler.arg", Double.class),
                "nothing begun here is recorded unless a deployment says so: the local stack has no collector");
        assertTrue(config("test").getValue("quarkus.log.console.format", String.class).contains("%X{requestId}"));
    }

    @Test
    void aJsonLineCarriesTheMdc() {
        MDC.put(RequestIds.MDC_KEY, "gw-1234");
        MDC.put(EventLogContext.EVENT_ID, "e-5678");
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "POST 201 3 ms", LoggingConfigTest.class.getName());
        record.copyMdc();
        String line = new JsonFormatter().format(record);
        assertTrue(line.contains("\"mdc\""), line);
        assertTrue(line.contains("\"requestId\":\"gw-1234\""), line);
        assertTrue(line.contains("\"eventId\":\"e-5678\""), line);
    }

    private static SmallRyeConfig config(String profile) {
        return new SmallRyeConfigBuilder().withProfile(profile).addDefaultSources().build();
    }
}
