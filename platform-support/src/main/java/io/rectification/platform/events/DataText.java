package io.rectification.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rectification.platform.jdbc.CopyText;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An envelope's {@code data} exactly as the message carried it (UTF-8 bytes, a slice of the
 * message), with where each of its top-level members lies when it is an object.
 *
 * <p>Why not a tree: a consumer reads the data once, straight into its record
 * ({@link #readAs}), and a read model that keeps a snapshot whole stores the member's text
 * ({@link #member}) instead of writing the record out again. A tree ({@link #tree}) is built
 * only when someone asks for one.
 */
public final class DataText {

    /** A member's value: from {@code start} (inclusive) to {@code end} (exclusive), offsets into the message. */
    record Span(int start, int end) {
    }

    private final byte[] message;
    private final int start;
    private final int end;
    private final Map<String, Span> members;
    private final ObjectMapper treeReader;
    private JsonNode tree;
    /** The record read last ({@link #readAs}); records are immutable, so whoever asks next may share it. */
    private Object record;

    DataText(byte[] message, int start, int end, Map<String, Span> members, ObjectMapper treeReader) {
        this.message = message;
        this.start = start;
        this.end = end;
        this.members = members;
        this.treeReader = treeReader;
    }

    /** The data's JSON text as carried. */
    public String text() {
        return new String(message, start, end - start, StandardCharsets.UTF_8);
    }

    /** Whether the data is a JSON object (records are read only from objects). */
    public boolean isObject() {
        return message[start] == '{';
    }

    /** The text of a top-level member's value as carried; null when absent (or the data is no object). */
    public String member(String name) {
        Span span = members.get(name);
        return span == null ? null : new String(message, span.start(), span.end() - span.start(), StandardCharsets.UTF_8);
    }

    /**
     * The UTF-8 bytes of a top-level member's value as carried, shared with the message (not to be
     * changed); null when absent. For a writer that sends them on as they are (a rebuild's COPY):
     * no String between.
     */
    public CopyText.Json memberBytes(String name) {
        Span span = members.get(name);
        return span == null ? null : new CopyText.Json(message, span.start(), span.end() - span.start());
    }

    /** The data's bytes as carried, as {@link #memberBytes}. */
    public CopyText.Json bytes() {
        return new CopyText.Json(message, start, end - start);
    }

    /**
     * The data read by {@code mapper} straight from its bytes as {@code type}, once: a replay reads
     * it on its reading thread ({@link EventReplay}) and the handler, on the applying thread, gets
     * the same record (handed over through the replay's queue, which publishes it safely).
     * One mapper reads event records ({@code EventContract}), so the type alone tells a kept record.
     */
    public <T> T readAs(ObjectMapper mapper, Class<T> type) throws IOException {
        if (type.isInstance(record)) {
            return type.cast(record);
        }
        T read = mapper.readValue(message, start, end - start, type);
        record = read;
        return read;
    }

    /** The data as a tree, read on first use (one envelope is read by one thread at a time). */
    public JsonNode tree() {
        if (tree == null) {
            try {
                tree = treeReader.readTree(message, start, end - start);
            } catch (IOException e) {
                // The reader has already walked these bytes as JSON: failing here is a bug, not bad input.
                throw new UncheckedIOException("the data read once cannot be read again", e);
            }
        }
        return tree;
    }

    @Override
    public String toString() {
        return text();
    }
}
