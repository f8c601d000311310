package io.rectification.platform.error;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * The error body of every 4xx and 5xx answer: an RFC 9457 problem details body ({@code application/problem+json}). {@code errors} names each
 * offending field; {@code extensions} carries problem-specific members such as the transitions a
 * task allows.
 */
// The OpenAPI documents keep RFC 9457's name for it, which integrators know.
@org.eclipse.microprofile.openapi.annotations.media.Schema(name = "Problem")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ErrorBody(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors, @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions == null ? Map.of() : extensions;
    }

    /** One invalid input: where it is (a JSON path, query or form parameter, header, {@link #BODY}) and what is wrong. */
    public record FieldError(@Schema(required = true) String field, @Schema(required = true) String message) {

        /**
         * The field of an error of the request body as a whole (missing, not a workbook, empty),
         * never the Java parameter it is read into ("update", "input"), which is no part of the request.
         */
        public static final String BODY = "body";

        /** How it reads in a problem's {@code detail}: "field: message"; an error of the whole body (field "", the root's JSON Pointer) has no name to show. */
        public String inDetail() {
            return field.isEmpty() ? message : field + ": " + message;
        }

        /** How a list of them reads in a problem's {@code detail}: each {@link #inDetail()}, joined by "; ". */
        public static String inDetail(List<FieldError> errors) {
            return errors.stream().map(FieldError::inDetail).collect(java.util.stream.Collectors.joining("; "));
        }
    }
}
