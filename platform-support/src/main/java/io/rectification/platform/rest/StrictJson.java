package io.rectification.platform.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.time.LocalDate;

/**
 * A number or boolean where text is expected is a wrong type, not text: Jackson would quietly turn
 * {@code "title": 42} into "42"; this makes it a 400 naming the field. Likewise a number where a
 * date is expected: leniently, {@code "date": 20240930} would be read as an epoch day (the year 57,000).
 * And a fraction where a whole number is expected is refused rather than cut, and anything but
 * true or false where a boolean is expected, and a number where one of an enum's names is expected.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // A fraction where a whole number is expected: Jackson would quietly cut {@code "percentComplete": 1.5} to 1.
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        // A text or number where true or false is expected: Jackson would read "true" and 1 as true, and
        // "false" as false, so a client's wrong type would pass unseen (and "no" alone would be refused).
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        // A number where a name is expected: Jackson would read {@code "kind": 1} as the enum's second constant,
        // so a client's wrong type would pick a value by the order the constants happen to be declared in.
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.configOverride(LocalDate.class).setFormat(JsonFormat.Value.forLeniency(false));
    }
}
