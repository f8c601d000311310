package io.rectification.feedback.intake;

import io.rectification.feedback.language.Language;
import io.rectification.feedback.language.Messages;
import io.rectification.feedback.language.PublicProblems;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rectification.platform.error.ErrorBody;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads a public request body itself, so that even malformed JSON is refused in the submitter's
 * language (the shared mapper answers in English) and an unknown member is refused rather than
 * silently dropped.
 */
@ApplicationScoped
public class PublicJson {

    private final ObjectMapper mapper;

    public PublicJson(ObjectMapper mapper) {
        this.mapper = mapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public <T> T read(String body, Class<T> type, Language language) {
        if (body == null || body.isBlank()) {
            throw PublicProblems.invalid(language, List.of(new ErrorBody.FieldError("", Messages.get(language, "body.missing"))));
        }
        try {
            return mapper.readValue(body, type);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            if (field.isEmpty()) {
                // At the root, a mismatch is valid JSON of another shape (an array, a string, a number)
                // where the form's object belongs; anything else there is not JSON.
                String whole = e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException ? "json.notObject" : "json.malformed";
                throw PublicProblems.invalid(language, List.of(new ErrorBody.FieldError("", Messages.get(language, whole))));
            }
            // A text the platform's input limits refuse (control character, lone surrogate) is told as such.
            String key = e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException
                    ? "json.unknownField"
                    : e instanceof io.rectification.platform.rest.RejectedValue rejected
                      && rejected.limit() == io.rectification.platform.rest.RejectedValue.Limit.TEXT
                    ? "field.control" : "json.badValue";
            throw PublicProblems.invalid(language, List.of(new ErrorBody.FieldError(field, Messages.get(language, key))));
        } catch (JsonProcessingException e) {
            throw PublicProblems.invalid(language, List.of(new ErrorBody.FieldError("", Messages.get(language, "json.malformed"))));
        }
    }
}
