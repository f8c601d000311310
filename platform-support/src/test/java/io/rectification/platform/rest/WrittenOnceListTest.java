package io.rectification.platform.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Tag("fast")
class WrittenOnceListTest {

    static final AtomicInteger WRITES = new AtomicInteger();

    /** An item that counts how often it is written. */
    @JsonSerialize(using = Counted.Writer.class)
    record Counted(String title) {
        static final class Writer extends StdSerializer<Counted> {
            Writer() {
                super(Counted.class);
            }

            @Override
            public void serialize(Counted item, JsonGenerator out, SerializerProvider serializers) throws IOException {
                WRITES.incrementAndGet();
                out.writeStartObject();
                out.writeStringField("title", item.title());
                out.writeEndObject();
            }
        }
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final List<Counted> items = List.of(new Counted("整改“三重一大”决策"), new Counted("line\nbreak \\ \"quoted\""));

    @Test
    void isWrittenAsThePlainPageWouldBe() throws Exception {
        PageOf<Counted> plain = new PageOf<>(items, 2, 50, 102);

        String expected = mapper.writeValueAsString(plain);

        assertEquals(expected, mapper.writeValueAsString(WrittenOnceList.pageOf(plain)));
        assertEquals(expected, new String(mapper.writeValueAsBytes(WrittenOnceList.pageOf(plain)), StandardCharsets.UTF_8));
        StringWriter chars = new StringWriter();
        mapper.writeValue(chars, WrittenOnceList.pageOf(plain));
        assertEquals(expected, chars.toString(), "through a character writer too");
    }

    @Test
    void writesItsItemsOnceHoweverOftenItIsSent() throws Exception {
        PageOf<Counted> page = WrittenOnceList.pageOf(new PageOf<>(items, 0, 50, 2));
        WRITES.set(0);

        String first = mapper.writeValueAsString(page);
        String again = new String(mapper.writeValueAsBytes(page), StandardCharsets.UTF_8);
        mapper.writeValueAsBytes(page);

        assertEquals(first, again);
        assertEquals(items.size(), WRITES.get(), "each item written once, on the first write");
    }

    @Test
    void writesAnEmptyListAndOneLargerThanAGeneratorsBuffer() throws Exception {
        assertEquals("{\"items\":[],\"page\":0,\"size\":50,\"total\":0}",
                mapper.writeValueAsString(WrittenOnceList.pageOf(new PageOf<>(List.of(), 0, 50, 0))));

        List<Counted> many = java.util.stream.IntStream.range(0, 2_000).mapToObj(i -> new Counted("任务 " + i)).toList();
        PageOf<Counted> page = new PageOf<>(many, 0, 2_000, 2_000);
        String expected = mapper.writeValueAsString(page);

        assertEquals(expected, new String(mapper.writeValueAsBytes(WrittenOnceList.pageOf(page)), StandardCharsets.UTF_8));
    }

    @Test
    void isTheListItWasMadeFrom() {
        PageOf<Counted> page = WrittenOnceList.pageOf(new PageOf<>(items, 1, 50, 52));

        assertEquals(items, page.items());
        assertEquals(List.of(1, 50, 52L), List.of(page.page(), page.size(), page.total()));
    }
}
