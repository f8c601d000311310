package io.rectification.platform.time;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.function.Function;

/**
 * Writes every {@link Instant}, {@link OffsetDateTime} and {@link ZonedDateTime} as
 * {@link InstantText} says. Only writing: reading stays with JavaTimeModule and accepts any offset.
 * Registered after JavaTimeModule, so these writers are the ones a mapper finds first.
 */
public final class InstantTextModule extends SimpleModule {

    public InstantTextModule(InstantText text) {
        super("InstantText");
        addSerializer(Instant.class, new Writer<>(Instant.class, instant -> instant, text));
        addSerializer(OffsetDateTime.class, new Writer<>(OffsetDateTime.class, OffsetDateTime::toInstant, text));
        addSerializer(ZonedDateTime.class, new Writer<>(ZonedDateTime.class, ZonedDateTime::toInstant, text));
    }

    private static final class Writer<T> extends StdSerializer<T> {
        private final transient Function<T, Instant> instant;
        private final transient InstantText text;

        Writer(Class<T> type, Function<T, Instant> instant, InstantText text) {
            super(type);
            this.instant = instant;
            this.text = text;
        }

        @Override
        public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(text.format(instant.apply(value)));
        }
    }
}
