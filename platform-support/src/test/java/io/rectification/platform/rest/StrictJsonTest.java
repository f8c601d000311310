package io.rectification.platform.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@Tag("fast")
class StrictJsonTest {

    enum Kind { IMMEDIATE, TIME_BOUND }

    record Input(String title, Integer percent, Boolean digest, Map<String, Boolean> notices, Kind kind) {
    }

    private final ObjectMapper mapper = strict();

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new StrictJson().customize(mapper);
        return mapper;
    }

    @Test
    void valuesOfTheirOwnTypeAreRead() throws Exception {
        assertEquals(new Input("标题", 40, false, Map.of("TASK_OVERDUE", true), Kind.TIME_BOUND), mapper.readValue(
                "{\"title\":\"标题\",\"percent\":40,\"digest\":false,\"notices\":{\"TASK_OVERDUE\":true},"
                        + "\"kind\":\"TIME_BOUND\"}", Input.class));
    }

    @Test
    void aWrongTypeIsRefusedNotConverted() {
        for (String body : new String[]{"{\"title\":42}", "{\"title\":true}", "{\"percent\":1.5}",
                "{\"digest\":\"true\"}", "{\"digest\":\"false\"}", "{\"digest\":1}", "{\"digest\":0.0}",
                "{\"notices\":{\"TASK_OVERDUE\":\"no\"}}", "{\"notices\":{\"TASK_OVERDUE\":1}}", "{\"kind\":1}",
                "{\"kind\":0}"}) {
            assertThrows(MismatchedInputException.class, () -> mapper.readValue(body, Input.class), body);
        }
    }
}
