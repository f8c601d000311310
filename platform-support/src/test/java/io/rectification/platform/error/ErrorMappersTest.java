package io.rectification.platform.error;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.rectification.platform.rest.JsonInputRules;
import io.rectification.platform.rest.StrictJson;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How an unreadable body and a violated constraint read in a problem: the field, and what is wrong in a client's words. */
@Tag("fast")
class ErrorMappersTest {

    enum Kind { IMMEDIATE, TIME_BOUND, LONG_TERM }

    /** A value type that refuses a value with a reason of its own, as feedback's WindowTime does. */
    record Moment(String text) {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Moment parse(String text) {
            if (text.equals("defect")) {
                throw new NullPointerException("Cannot invoke \"String.strip()\" because \"text\" is null");
            }
            if (!text.startsWith("2026")) {
                throw new IllegalArgumentException("not a date-time: give yyyy-MM-ddTHH:mm[:ss]");
            }
            return new Moment(text);
        }
    }

    record Input(Kind kind, Integer count, long total, Double share, UUID id, LocalDate day, Boolean flag,
                 String title, Moment at, List<String> tags) {
    }

    private static final ObjectMapper JSON = production();

    private static ObjectMapper production() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new StrictJson().customize(mapper);
        new JsonInputRules().customize(mapper);
        return mapper;
    }

    private static ErrorBody.FieldError read(String json) {
        JsonProcessingException refused = assertThrows(JsonProcessingException.class, () -> JSON.readValue(json, Input.class), json);
        return ErrorMappers.describe(refused);
    }

    @Test
    void anEnumGivenAnotherJsonTypeNamesItsValues() {
        for (String value : new String[]{"true", "1e308", "[1]", "{}", "1", "0"}) {
            assertEquals(new ErrorBody.FieldError("kind", "expected one of IMMEDIATE, TIME_BOUND, LONG_TERM"),
                    read("{\"kind\":" + value + "}"), value);
        }
        assertEquals(new ErrorBody.FieldError("kind", "'SOMEDAY' is not one of IMMEDIATE, TIME_BOUND, LONG_TERM"),
                read("{\"kind\":\"SOMEDAY\"}"));
    }

    @Test
    void aWrongTypeSaysTheKindExpected() {
        assertEquals("expected a whole number", read("{\"count\":{}}").message());
        assertEquals("expected a whole number", read("{\"total\":[1]}").message());
        assertEquals("expected a number", read("{\"share\":{}}").message());
        assertEquals("expected an id (UUID)", read("{\"id\":{}}").message());
        assertEquals("expected a date (YYYY-MM-DD)", read("{\"day\":{}}").message());
        assertEquals("expected a date (YYYY-MM-DD)", read("{\"day\":[1]}").message());
        assertEquals("expected a date (YYYY-MM-DD)", read("{\"day\":[2026, 13, 1]}").message());
        assertEquals("expected a boolean (true or false)", read("{\"flag\":{}}").message());
        assertEquals("expected a string", read("{\"title\":{}}").message());
        assertEquals("expected an array", read("{\"tags\":{}}").message());
        assertEquals("'x' is not a valid id (UUID)", read("{\"id\":\"x\"}").message());
        assertEquals("'2027-02-29' is not a valid date (YYYY-MM-DD)", read("{\"day\":\"2027-02-29\"}").message());
        assertEquals("is out of range for a whole number", read("{\"count\":99999999999}").message());
    }

    @Test
    void aNumberTooLongToReadSaysSoNotThatItCannotBeRead() {
        assertEquals(new ErrorBody.FieldError("count", "is too long to be a number"),
                read("{\"count\":\"" + "1".repeat(30_000) + "\"}"));
    }

    @Test
    void aLongRefusedValueIsRepeatedOnlyInPart() {
        String message = read("{\"kind\":\"" + "长".repeat(30_000) + "\"}").message();
        assertTrue(message.length() < 200, message);
        assertTrue(message.startsWith("'长长") && message.contains("…' is not one of IMMEDIATE"), message);
    }

    @Test
    void aValueTypesOwnReasonIsTheMessageButADefectsIsNot() {
        assertEquals(new ErrorBody.FieldError("at", "not a date-time: give yyyy-MM-ddTHH:mm[:ss]"),
                read("{\"at\":\"2025-02-29\"}"));
        ErrorBody.FieldError defect = read("{\"at\":\"defect\"}");
        assertEquals("at", defect.field());
        assertFalse(defect.message().contains("String") || defect.message().contains("Exception"), defect.message());
    }

    static class Resource {
        public void update(@PathParam("id") @NotNull String id, @HeaderParam("If-Match") @NotNull String ifMatch,
                           @NotNull @Valid Body update) {
        }
    }

    /** As Quarkus's interceptors subclass a resource: the override carries no parameter annotation. */
    static class Intercepted extends Resource {
        @Override
        public void update(String id, String ifMatch, Body update) {
        }
    }

    /** A member named body, as a publication's notice text is: its own null is no missing body. */
    record Body(@NotNull String title, @NotNull String body) {
    }

    @Test
    void theBodyIsNamedAsTheBodyNotAsItsJavaParameter() throws Exception {
        Validator validator = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
        var method = Resource.class.getMethod("update", String.class, String.class, Body.class);
        for (Resource resource : new Resource[]{new Resource(), new Intercepted()}) {
            Set<ConstraintViolation<Resource>> missing = validator.forExecutables()
                    .validateParameters(resource, method, new Object[]{"1", "\"0\"", null});
            assertEquals(List.of(new ErrorBody.FieldError("body", "a JSON body is required")),
                    missing.stream().map(ErrorMappers::fieldError).toList());
            Set<ConstraintViolation<Resource>> inside = validator.forExecutables()
                    .validateParameters(resource, method, new Object[]{"1", "\"0\"", new Body(null, "text")});
            assertEquals(List.of(new ErrorBody.FieldError("title", "must not be null")),
                    inside.stream().map(ErrorMappers::fieldError).toList());
            Set<ConstraintViolation<Resource>> member = validator.forExecutables()
                    .validateParameters(resource, method, new Object[]{"1", "\"0\"", new Body("x", null)});
            assertEquals(List.of(new ErrorBody.FieldError("body", "must not be null")),
                    member.stream().map(ErrorMappers::fieldError).toList());
            Set<ConstraintViolation<Resource>> header = validator.forExecutables()
                    .validateParameters(resource, method, new Object[]{"1", null, new Body("x", "text")});
            assertEquals(List.of(new ErrorBody.FieldError("ifMatch", "must not be null")),
                    header.stream().map(ErrorMappers::fieldError).toList());
        }
    }
}
