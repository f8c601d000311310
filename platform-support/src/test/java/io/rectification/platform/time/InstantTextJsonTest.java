package io.rectification.platform.time;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.TimeZone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Instants written one way at the organisation's zone, whatever offset they came with; no services needed. */
@Tag("fast")
class InstantTextJsonTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** A bean with every kind of instant the services write, as a view or an event record has them. */
    record Times(OffsetDateTime fromDatabase, OffsetDateTime fromClock, Instant instant, ZonedDateTime zoned,
                 List<OffsetDateTime> many, OffsetDateTime none) {
    }

    /** Configured as Quarkus's mapper is (JavaTimeModule, UTC context zone), then customised as every service's is. */
    static ObjectMapper serviceMapper() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .setTimeZone(TimeZone.getTimeZone("UTC"));
        new InstantTextJson(new InstantText(SHANGHAI)).customize(mapper);
        return mapper;
    }

    @Test
    void aUtcValueIsWrittenAtTheZonesOffsetAsTheSameInstant() throws Exception {
        OffsetDateTime utc = OffsetDateTime.parse("2026-12-01T03:00:00Z");
        String json = serviceMapper().writeValueAsString(new Times(utc, utc.atZoneSameInstant(SHANGHAI).toOffsetDateTime(),
                utc.toInstant(), utc.atZoneSameInstant(ZoneId.of("Europe/Berlin")), List.of(utc), null));

        assertEquals("""
                {"fromDatabase":"2026-12-01T11:00:00+08:00","fromClock":"2026-12-01T11:00:00+08:00",\
                "instant":"2026-12-01T11:00:00+08:00","zoned":"2026-12-01T11:00:00+08:00",\
                "many":["2026-12-01T11:00:00+08:00"],"none":null}""", json);
    }

    @Test
    void fractionsAndTheDateAcrossMidnightAreKept() throws Exception {
        ObjectMapper mapper = serviceMapper();
        // 16:30 UTC on 31 December is 00:30 on 1 January in Shanghai: the written day is the zone's
        assertEquals("\"2025-01-01T00:30:00.123456+08:00\"",
                mapper.writeValueAsString(OffsetDateTime.parse("2024-12-31T16:30:00.123456Z")));
        assertEquals("\"2025-01-01T00:30:00.5+08:00\"",
                mapper.writeValueAsString(Instant.parse("2024-12-31T16:30:00.500Z")));
    }

    @Test
    void readingStillTakesAnyOffsetAndTheWrittenTextReadsAsTheSameInstant() throws Exception {
        ObjectMapper mapper = serviceMapper().disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
        for (String sent : List.of("\"2026-12-01T03:00:00Z\"", "\"2026-12-01T04:00:00+01:00\"", "\"2026-12-01T11:00:00+08:00\"")) {
            OffsetDateTime read = mapper.readValue(sent, OffsetDateTime.class);
            assertEquals(Instant.parse("2026-12-01T03:00:00Z"), read.toInstant(), sent);
            assertEquals("\"2026-12-01T11:00:00+08:00\"", mapper.writeValueAsString(read), sent);
        }
    }

    @Test
    void theZoneIsTheOneGivenNotTheJvmsOrTheMappers() throws Exception {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .setTimeZone(TimeZone.getTimeZone("America/New_York"));
        new InstantTextJson(new InstantText(ZoneOffset.ofHours(6))).customize(mapper);
        assertEquals("\"2026-12-01T09:00:00+06:00\"", mapper.writeValueAsString(Instant.parse("2026-12-01T03:00:00Z")));
    }

    @Test
    void runsAfterTheCustomizerThatRegistersJavaTimeModule() {
        // Quarkus registers JavaTimeModule in a customizer of QUARKUS_CUSTOMIZER_PRIORITY, and customizers run from the
        // highest priority down; registered before it, JavaTimeModule's writers would be asked first.
        assertTrue(new InstantTextJson(new InstantText(SHANGHAI)).priority() < ObjectMapperCustomizer.QUARKUS_CUSTOMIZER_PRIORITY);
    }
}
