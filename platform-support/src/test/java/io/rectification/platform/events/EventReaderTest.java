package io.rectification.platform.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.rectification.platform.contract.EventContract;
import io.rectification.platform.contract.TasksEvent;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.TimeZone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one-pass reader against what reading the whole envelope through the mapper gave; no services needed. */
@Tag("fast")
class EventReaderTest {

    /** Configured as Quarkus configures its mapper (unknown members ignored, dates moved to UTC). */
    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setTimeZone(TimeZone.getTimeZone("UTC"));

    final EventReader reader = new EventReader(MAPPER);

    static final String TASK = """
            {"id":"6f1c1bd4-7a84-4a4c-9d0a-4b5f2a1e9f10", "version": 3,"title":"整改任务 \\"一\\" ✓",
              "deadline":"2028-02-29","verifiedAt":"2026-11-06T09:00:00.123+08:00","percentComplete":40,
              "indicators":[{"name":"空置率","baseline":12.5}],"unknownLater":{"a":[true,false,null]}}""";

    static final String MESSAGE = "{\"specversion\":\"1.0\",\"id\":\"e-1\",\"source\":\"/tasks-service\","
            + "\"type\":\"TaskUpdated\",\"subject\":\"s-1\",\"time\":\"2026-11-06T09:00:00.5+08:00\","
            + "\"datacontenttype\":\"application/json\",\"aggregatetype\":\"Task\",\"aggregateversion\":3,"
            + "\"extension\":{\"nested\":[1,2,{\"x\":\"y\"}]},\"traceparent\":\"00-abc-def-01\","
            + "\"data\":  {\"task\" : " + TASK + " ,\"reason\":\"因为\",\"count\":-1.5e3,\"none\":null,\"flag\":true}\n}";

    @Test
    void readsEveryAttributeAsTheMapperDid() throws Exception {
        byte[] message = bytes(MESSAGE);
        EventEnvelope read = reader.read(message);
        EventEnvelope whole = MAPPER.readValue(message, EventEnvelope.class);
        assertEquals(whole.specversion(), read.specversion());
        assertEquals(whole.id(), read.id());
        assertEquals(whole.source(), read.source());
        assertEquals(whole.type(), read.type());
        assertEquals(whole.subject(), read.subject());
        assertEquals(whole.time(), read.time());
        assertEquals(OffsetDateTime.parse("2026-11-06T01:00:00.5Z"), read.time());
        assertEquals(whole.datacontenttype(), read.datacontenttype());
        assertEquals(whole.aggregatetype(), read.aggregatetype());
        assertEquals(whole.aggregateversion(), read.aggregateversion());
        assertEquals(whole.traceparent(), read.traceparent());
        assertEquals(whole.data(), read.data());
        assertNull(whole.dataText());
    }

    @Test
    void keepsTheDataAndEachMemberAsCarried() {
        EventEnvelope read = reader.read(bytes(MESSAGE));
        DataText data = read.dataText();
        assertEquals("{\"task\" : " + TASK + " ,\"reason\":\"因为\",\"count\":-1.5e3,\"none\":null,\"flag\":true}",
                data.text());
        assertTrue(data.isObject());
        assertEquals(TASK, data.member("task"));
        assertEquals("\"因为\"", data.member("reason"));
        assertEquals("-1.5e3", data.member("count"));
        assertEquals("null", data.member("none"));
        assertEquals("true", data.member("flag"));
        assertNull(data.member("absent"));
    }

    @Test
    void theRecordIsReadFromTheTextWithItsDates() {
        TasksEvent.TaskUpdated updated = assertInstanceOf(TasksEvent.TaskUpdated.class,
                EventContract.decode(reader.read(bytes(MESSAGE))).orElseThrow());
        assertEquals("整改任务 \"一\" ✓", updated.task().title());
        assertEquals(LocalDate.of(2028, 2, 29), updated.task().deadline());
        assertEquals(OffsetDateTime.parse("2026-11-06T09:00:00.123+08:00"), updated.task().verifiedAt());
        assertEquals(OffsetDateTime.parse("2026-11-06T09:00:00.123+08:00").getOffset(),
                updated.task().verifiedAt().getOffset());
    }

    @Test
    void theRecordIsReadOnceAndKeptForTheNextToAsk() {
        // a replay decodes on its reading thread; the handler then gets that same record
        EventEnvelope read = reader.read(bytes(MESSAGE));
        assertSame(EventContract.decode(read).orElseThrow(), EventContract.decode(read).orElseThrow());
        EventEnvelope retired = reader.read(bytes(MESSAGE.replace("TaskUpdated", "TaskVerified")));
        assertInstanceOf(TasksEvent.TaskCompleted.class, EventContract.decode(retired).orElseThrow());
        assertSame(EventContract.decode(retired).orElseThrow(), EventContract.decode(retired).orElseThrow());
    }

    @Test
    void anImpossibleDateInTheDataFailsTheDecodingNamingIt() {
        EventEnvelope read = reader.read(bytes(MESSAGE.replace("2028-02-29", "2027-02-29")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EventContract.decode(read));
        assertTrue(e.getMessage().contains("2027-02-29"), e.getMessage());
    }

    @Test
    void dataThatIsNoObjectIsKeptAndNullDataIsNone() {
        EventEnvelope array = reader.read(bytes("{\"id\":\"e\",\"type\":\"T\",\"data\":[1, \"二\"]}"));
        assertEquals("[1, \"二\"]", array.dataText().text());
        assertFalse(array.dataText().isObject());
        assertTrue(array.data().isArray());
        assertEquals("\"text\"", reader.read(bytes("{\"id\":\"e\",\"type\":\"T\",\"data\":\"text\"}")).dataText().text());
        assertEquals("42", reader.read(bytes("{\"id\":\"e\",\"type\":\"T\",\"data\":42}")).dataText().text());
        EventEnvelope none = reader.read(bytes("{\"id\":\"e\",\"type\":\"T\",\"data\":null}"));
        assertNull(none.dataText());
        assertNull(none.data());
        assertThrows(IllegalArgumentException.class,
                () -> EventContract.decode(reader.read(bytes("{\"id\":\"e\",\"type\":\"TaskUpdated\",\"data\":[1]}"))));
    }

    @Test
    void valuesOfUnusualShapesReadAsTheMapperReadThem() throws Exception {
        String odd = "{\"id\":12,\"type\":\"T\",\"aggregateversion\":\"7\",\"time\":\"2026-11-06T09:00+08:00\","
                + "\"subject\":true}";
        EventEnvelope read = reader.read(bytes(odd));
        EventEnvelope whole = MAPPER.readValue(bytes(odd), EventEnvelope.class);
        assertEquals("12", read.id());
        assertEquals(whole.aggregateversion(), read.aggregateversion());
        assertEquals(7L, read.aggregateversion());
        assertEquals(whole.time(), read.time());
        assertEquals(whole.subject(), read.subject());
    }

    @Test
    void aReadEnvelopeWritesItsDataOut() throws Exception {
        JsonNode written = MAPPER.readTree(MAPPER.writeValueAsBytes(reader.read(bytes(MESSAGE))));
        assertEquals(MAPPER.readTree(bytes(MESSAGE)).get("data"), written.get("data"));
        assertFalse(written.has("dataText"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null", "[]", "\"text\"", "{", "{\"id\":\"e\",\"type\":\"T\"", "not json",
            "{\"id\":\"e\",\"type\":\"T\",\"data\":{\"a\":}}", "{\"id\":\"e\",\"type\":\"T\",\"data\":{\"a\":1]}",
            "{\"id\":\"e\",\"type\":\"T\",\"data\":{\"a\":\"unterminated}}", "{\"type\":\"T\"}", "{\"id\":\"e\"}",
            "{\"id\":\" \",\"type\":\"T\"}", "{\"id\":\"e\",\"type\":\"T\\u0000\"}", "{\"id\":\"e\\ud800\",\"type\":\"T\"}",
            "{\"id\":\"e\",\"type\":\"T\\u007f\"}", "{\"id\":\"e\",\"type\":{\"a\":1}}",
            "{\"id\":\"e\",\"type\":\"T\",\"time\":\"yesterday\"}", "{\"id\":\"e\",\"type\":\"T\",\"time\":\"2027-02-29T00:00:00Z\"}",
            "{\"id\":\"e\",\"type\":\"T\",\"aggregateversion\":\"seven\"}"})
    void whatIsNoEnvelopeIsUnreadable(String text) {
        assertThrows(EventReader.UnreadableMessage.class, () -> reader.read(bytes(text)));
    }

    @Test
    void anIdOrTypeLongerThanAnyOfOursIsUnreadable() {
        String longest = "T".repeat(EventReader.MAX_NAME);
        assertEquals(longest, reader.read(bytes("{\"id\":\"e\",\"type\":\"" + longest + "\"}")).type());
        assertThrows(EventReader.UnreadableMessage.class,
                () -> reader.read(bytes("{\"id\":\"e" + longest + "\",\"type\":\"T\"}")));
    }

    @Test
    void invalidUtf8AnywhereIsUnreadable() {
        for (String place : new String[]{"{\"id\":\"e\",\"type\":\"T\",\"data\":{\"a\":\"#\"}}",
                "{\"id\":\"e\",\"type\":\"T\",\"data\":{\"a\":[\"#\"]}}", "{\"id\":\"e#\",\"type\":\"T\"}",
                "{\"id\":\"e\",\"type\":\"T\",\"x\":\"#\"}"}) {
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            int at = place.indexOf('#');
            message.writeBytes(bytes(place.substring(0, at)));
            message.writeBytes(new byte[]{(byte) 0xE6, (byte) 0x95}); // a three-byte character cut short
            message.writeBytes(bytes(place.substring(at + 1)));
            assertThrows(EventReader.UnreadableMessage.class, () -> reader.read(message.toByteArray()), place);
        }
        assertThrows(EventReader.UnreadableMessage.class, () -> reader.read(null));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
