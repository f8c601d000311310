package io.rectification.platform.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A refusal that becomes a problem+json answer. Services throw it with the status and a sentence
 * for a person; the resource layer needs no try/catch.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<ErrorBody.FieldError> errors;
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    private Long retryAfterSeconds;

    public ApiException(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public ApiException(int status, String title, String detail, List<ErrorBody.FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(404, ErrorTypes.NOT_FOUND, what + " " + id + " does not exist");
    }

    public static ApiException badRequest(String field, String message) {
        return invalid(List.of(new ErrorBody.FieldError(field, message)));
    }

    /** One 400 problem listing every broken rule with its field. */
    public static ApiException invalid(List<ErrorBody.FieldError> errors) {
        return new ApiException(400, "Invalid request", ErrorBody.FieldError.inDetail(errors), errors);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "Conflict", detail);
    }

    /** Adds a member to the problem body (e.g. {@code allowedTransitions}). */
    /** The members every problem body has (ErrorBody's components), which no extension may repeat. */
    static final java.util.Set<String> RESERVED = java.util.Set.of("type", "title", "status", "detail", "instance", "errors");

    public ApiException with(String name, Object value) {
        // A member of RFC 9457's own written twice makes a body with a duplicate key, whose later
        // value a client may read as the HTTP status (a feedback's "status": "MERGED" did).
        if (RESERVED.contains(name)) {
            throw new IllegalArgumentException(name + " is a problem details member of its own; name the extension otherwise");
        }
        extensions.put(name, value);
        return this;
    }

    /**
     * The same refusal with a clause more in its detail: what the caller that catches it knows and the
     * rule that threw it does not (who put the task in the state a rule refused).
     */
    public ApiException adding(String clause) {
        ApiException more = new ApiException(status, title, getMessage() + "; " + clause, errors);
        more.extensions.putAll(extensions);
        more.retryAfterSeconds = retryAfterSeconds;
        return more;
    }

    /** Says when to try again: the Retry-After header, and {@code retryAfterSeconds} in the body. */
    public ApiException retryAfter(long seconds) {
        retryAfterSeconds = seconds;
        return with("retryAfterSeconds", seconds);
    }

    /** The seconds of Retry-After; empty when the refusal names no time. */
    public OptionalLong retryAfter() {
        return retryAfterSeconds == null ? OptionalLong.empty() : OptionalLong.of(retryAfterSeconds);
    }

    public int status() {
        return status;
    }

    public ErrorBody toErrorBody(String instance) {
        return new ErrorBody(ErrorTypes.forStatus(status), title, status, getMessage(), instance, errors,
                Map.copyOf(extensions));
    }
}
