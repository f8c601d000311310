package io.rectification.platform.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.function.Function;

/**
 * Applies {@link InputLimits} while JSON is read, in every service and for every body (and every
 * event envelope read with the same mapper): a text with a NUL or another control character or a
 * lone surrogate, a decimal beyond what the columns hold, a date outside the sane range is a 400
 * naming the field, before any code or database sees it.
 */
@Singleton
public class JsonInputRules implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("input-limits");
        module.addDeserializer(String.class, new CheckedText());
        module.addDeserializer(BigDecimal.class, new BoundedDecimal());
        module.setDeserializerModifier(new DateRange());
        mapper.registerModule(module);
    }

    static final class CheckedText extends StdScalarDeserializer<String> {
        CheckedText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            String problem = text == null ? null : InputLimits.textProblem(text);
            if (problem != null) {
                throw new RejectedValue(parser, RejectedValue.Limit.TEXT, problem, String.class);
            }
            return text;
        }
    }

    static final class BoundedDecimal extends StdScalarDeserializer<BigDecimal> {
        BoundedDecimal() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            BigDecimal number = NumberDeserializers.BigDecimalDeserializer.instance.deserialize(parser, context);
            String problem = number == null ? null : InputLimits.numberProblem(number);
            if (problem != null) {
                throw new RejectedValue(parser, RejectedValue.Limit.NUMBER, problem, BigDecimal.class);
            }
            return number;
        }
    }

    /** Wraps the java.time deserializers (JavaTimeModule's) with the date range. */
    static final class DateRange extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                      JsonDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            Function<Object, LocalDate> day = type == LocalDate.class ? value -> (LocalDate) value
                    : type == LocalDateTime.class ? value -> ((LocalDateTime) value).toLocalDate()
                    : type == OffsetDateTime.class ? value -> ((OffsetDateTime) value).toLocalDate()
                    : type == ZonedDateTime.class ? value -> ((ZonedDateTime) value).toLocalDate()
                    : type == Instant.class ? value -> ((Instant) value).atOffset(ZoneOffset.UTC).toLocalDate()
                    : null;
            return day == null ? deserializer : new InRange(deserializer, type, day);
        }
    }

    static final class InRange extends DelegatingDeserializer {
        private final Class<?> type;
        private final Function<Object, LocalDate> day;

        InRange(JsonDeserializer<?> delegate, Class<?> type, Function<Object, LocalDate> day) {
            super(delegate);
            this.type = type;
            this.day = day;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new InRange(delegate, type, day);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value;
            try {
                value = super.deserialize(parser, context);
            } catch (DateTimeException impossible) {
                // JavaTimeModule reads a date from numbers in an array too ([1] is the year 1, month
                // -1) and lets java.time refuse it unwrapped: a value of the wrong type, said so.
                throw MismatchedInputException.from(parser, type, "not a " + type.getSimpleName());
            }
            String problem = value == null ? null : InputLimits.dateProblem(day.apply(value));
            if (problem != null) {
                throw new RejectedValue(parser, RejectedValue.Limit.DATE, problem, type);
            }
            return value;
        }
    }
}
