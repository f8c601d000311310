package io.rectification.platform.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.util.AbstractList;
import java.util.Collections;
import java.util.List;
import java.util.RandomAccess;

/**
 * An unchanging list that keeps the JSON it was first written as and sends those bytes on every later
 * write. Why: a cached page of 100 tasks is about 170 KB of JSON, and writing it anew for each of
 * hundreds of requests a second became the task list's whole cost once its reading was cached (issue
 * 15). The page around it ({@link PageOf}) is still written as usual, so the answer and its OpenAPI
 * description stay what they were; only the items' writing is done once.
 *
 * <p>Only for lists that do not change after they are given (they are not copied: a page of snapshots
 * is made for it) and are written by one mapper, the service's: the bytes are the first writing's,
 * whatever asks later.
 */
@JsonSerialize(using = WrittenOnceList.Writer.class)
public final class WrittenOnceList<T> extends AbstractList<T> implements RandomAccess {

    private static final JsonFactory PLAIN = new JsonFactory();

    private final List<T> items;
    /** Written at most a few times (two first requests at once both write it), then read only. */
    private volatile Utf8Json json;

    private WrittenOnceList(List<T> items) {
        this.items = Collections.unmodifiableList(items);
    }

    /** The same page, its items written once. */
    public static <T> PageOf<T> pageOf(PageOf<T> page) {
        return new PageOf<>(new WrittenOnceList<>(page.items()), page.page(), page.size(), page.total());
    }

    @Override
    public T get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }

    private Utf8Json json(JsonGenerator into, SerializerProvider serializers) throws IOException {
        Utf8Json written = json;
        if (written == null) {
            ByteArrayBuilder bytes = new ByteArrayBuilder();
            // the generator's factory when it has one, so that its write features apply to the bytes too
            JsonFactory factory = into.getCodec() == null ? PLAIN : into.getCodec().getFactory();
            try (JsonGenerator out = factory.createGenerator(bytes)) {
                serializers.defaultSerializeValue(items, out);
            }
            written = new Utf8Json(bytes.toByteArray());
            json = written;
        }
        return written;
    }

    /** Jackson's writer for the list (public: Jackson makes it from the annotation). */
    public static final class Writer extends StdSerializer<WrittenOnceList<?>> {

        public Writer() {
            super(WrittenOnceList.class, false);
        }

        @Override
        public void serialize(WrittenOnceList<?> list, JsonGenerator out, SerializerProvider serializers) throws IOException {
            out.writeRawValue(list.json(out, serializers));
        }
    }
}
