package io.rectification.platform.contract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import io.rectification.platform.time.IsoDates;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * Event dates read by {@link IsoDates} (a rebuild reads millions of them); a value it does not take
 * (another shape, a number, a blank) goes to JavaTimeModule's reader, so nothing reads differently.
 * Offsets are kept, as the contract's mapper keeps them.
 */
final class IsoDatesModule extends SimpleModule {

    IsoDatesModule() {
        super("IsoDates");
        addDeserializer(LocalDate.class, new Fast<>(IsoDates::localDate, LocalDateDeserializer.INSTANCE));
        addDeserializer(OffsetDateTime.class, new Fast<>(IsoDates::offsetDateTime, InstantDeserializer.OFFSET_DATE_TIME));
    }

    private static final class Fast<T> extends JsonDeserializer<T> {
        private final Function<String, T> parse;
        private final JsonDeserializer<? extends T> fallback;

        Fast(Function<String, T> parse, JsonDeserializer<? extends T> fallback) {
            this.parse = parse;
            this.fallback = fallback;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                try {
                    return parse.apply(parser.getText());
                } catch (DateTimeParseException e) {
                    // The fallback reads the same token again and decides.
                }
            }
            return fallback.deserialize(parser, context);
        }
    }
}
