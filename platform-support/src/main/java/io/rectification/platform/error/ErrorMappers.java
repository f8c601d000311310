package io.rectification.platform.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.rectification.platform.rest.AllowedMethods;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns every failure into a problem+json answer: the field at fault for bad input, the allowed
 * alternatives where there are some, and never a stack trace, a class name or SQL.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    private final AllowedMethods allowedMethods;

    public ErrorMappers(AllowedMethods allowedMethods) {
        this.allowedMethods = allowedMethods;
    }

    @ServerExceptionMapper
    public Response problem(ApiException e, UriInfo uri) {
        Response problem = answer(e.toErrorBody(path(uri)));
        return e.retryAfter().isEmpty() ? problem
                : Response.fromResponse(problem).header("Retry-After", e.retryAfter().getAsLong()).build();
    }

    @ServerExceptionMapper
    public Response constraintViolations(ConstraintViolationException e, UriInfo uri) {
        List<ErrorBody.FieldError> errors = e.getConstraintViolations().stream()
                .map(ErrorMappers::fieldError)
                .sorted(Comparator.comparing(ErrorBody.FieldError::field))
                .toList();
        return answer(new ErrorBody(ErrorTypes.forStatus(400), "Invalid request", 400, ErrorBody.FieldError.inDetail(errors),
                path(uri), errors, Map.of()));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        ErrorBody.FieldError error = describe(e);
        return answer(new ErrorBody(ErrorTypes.forStatus(400), "Invalid request", 400,
                error.inDetail(), path(uri),
                error.field().isEmpty() ? List.of() : List.of(error), Map.of()));
    }

    // Explicit mappers for the Jackson exceptions quarkus-rest-jackson maps itself (to plain JSON):
    // a mapper for the exact type wins over the built-in one.
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unrecognizedProperty(UnrecognizedPropertyException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, Request request) {
        Response original = e.getResponse();
        int status = original.getStatus();
        Set<String> allowed = status == 404 || status == 405
                ? allowedMethods.allowed(uri.getRequestUri().getRawPath()).orElse(null) : null;
        if (status == 404 && allowed != null && !allowed.contains(request.getMethod())) {
            // The router answers 404 for a method a path does not take when its template has a
            // pattern in a segment ({list}.csv): the path is there, the method is not.
            status = 405;
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            // quarkus-rest-jackson wraps what is not a MismatchedInputException (malformed JSON, a number
            // out of range) in a bare 400: answer it as the other unreadable bodies, naming the field.
            return unreadableJson(json, uri);
        }
        if (original.getEntity() instanceof ErrorBody problem) {
            // Already a problem (e.g. from a parameter converter): answer it, with the path.
            return answer(new ErrorBody(problem.type(), problem.title(), problem.status(), problem.detail(), path(uri),
                    problem.errors(), problem.extensions()));
        }
        Response.StatusType type = status == original.getStatus() ? original.getStatusInfo() : Response.Status.METHOD_NOT_ALLOWED;
        String detail = switch (status) {
            case 404 -> "there is nothing at " + path(uri);
            case 405 -> "this method is not allowed here";
            case 406 -> "no acceptable representation; ask for application/json";
            case 415 -> "unsupported content type";
            default -> type.getReasonPhrase();
        };
        Response.ResponseBuilder builder = Response.status(status).type(ErrorBody.MEDIA_TYPE)
                .entity(new ErrorBody(ErrorTypes.forStatus(status), ErrorTypes.title(status, type.getReasonPhrase()), status,
                        detail, path(uri), List.of(), Map.of()));
        // Keep Allow, Retry-After, WWW-Authenticate and the like.
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        if (status == 405 && original.getHeaderString("Allow") == null && allowed != null) {
            // RFC 9110 requires it, and the REST layer's own 405 leaves it out.
            builder.header("Allow", AllowedMethods.header(allowed));
        }
        return builder.build();
    }

    @ServerExceptionMapper({io.quarkus.security.UnauthorizedException.class,
            io.quarkus.security.AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.status(401).type(ErrorBody.MEDIA_TYPE).header("WWW-Authenticate", "Bearer")
                .entity(new ErrorBody(ErrorTypes.forStatus(401), "Unauthenticated", 401,
                        "a valid bearer token is required", path(uri), List.of(), Map.of()))
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        return answer(new ErrorBody(ErrorTypes.forStatus(403), "Forbidden", 403,
                "your role does not allow this", path(uri), List.of(), Map.of()));
    }

    /** Two writers passing the If-Match check at the same moment: the loser gets 412, not a 500. */
    @ServerExceptionMapper
    public Response concurrentChange(OptimisticLockException e, UriInfo uri) {
        return answer(new ErrorBody(ErrorTypes.forStatus(412), "Precondition failed", 412,
                "changed by someone else meanwhile; reload and retry", path(uri), List.of(), Map.of()));
    }

    /** Seconds a client is asked to wait when the database is away. */
    static final int DATABASE_RETRY_AFTER_SECONDS = 5;

    /** Seconds a client is asked to wait after its transaction lost a deadlock or serialization conflict. */
    static final int CONFLICT_RETRY_AFTER_SECONDS = 1;

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (DatabaseUnavailable.causedBy(e)) {
            // An outage, not a defect: one line, no stack trace per request.
            LOG.warnf("database unavailable on %s: %s", path(uri), e.getMessage());
            return Response.status(503).type(ErrorBody.MEDIA_TYPE)
                    .header("Retry-After", Integer.toString(DATABASE_RETRY_AFTER_SECONDS))
                    .entity(new ErrorBody(ErrorTypes.forStatus(503), "Service unavailable", 503,
                            "the database is not reachable at the moment; retry in a few seconds", path(uri),
                            List.of(), Map.of()))
                    .build();
        }
        if (TransactionConflict.causedBy(e)) {
            LOG.warnf("transaction conflict on %s, rolled back: %s", path(uri), e.getMessage());
            return Response.status(503).type(ErrorBody.MEDIA_TYPE)
                    .header("Retry-After", Integer.toString(CONFLICT_RETRY_AFTER_SECONDS))
                    .entity(new ErrorBody(ErrorTypes.forStatus(503), "Service unavailable", 503,
                            "the request collided with a concurrent change and nothing was stored; retry it", path(uri),
                            List.of(), Map.of()))
                    .build();
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure %s on %s", reference, path(uri));
        return answer(new ErrorBody(ErrorTypes.forStatus(500), "Internal error", 500,
                "the request could not be completed; quote reference " + reference + " to the operators",
                path(uri), List.of(), Map.of("reference", reference)));
    }

    public static Response answer(ErrorBody problem) {
        return Response.status(problem.status()).type(ErrorBody.MEDIA_TYPE).entity(problem).build();
    }

    static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    /** What a body's absence says: the @NotNull on a resource's body parameter, in the client's terms. */
    static final String BODY_REQUIRED = "a JSON body is required";

    static ErrorBody.FieldError fieldError(ConstraintViolation<?> violation) {
        String field = fieldOf(violation);
        Path.Node leaf = null;
        for (Path.Node node : violation.getPropertyPath()) {
            leaf = node;
        }
        boolean noBody = leaf != null && leaf.getKind() == ElementKind.PARAMETER && field.equals(ErrorBody.FieldError.BODY)
                && violation.getInvalidValue() == null
                && violation.getConstraintDescriptor().getAnnotation() instanceof jakarta.validation.constraints.NotNull;
        return new ErrorBody.FieldError(field, noBody ? BODY_REQUIRED : violation.getMessage());
    }

    /**
     * The JSON-ish path of the offending value: a body's field path, a parameter's name, or
     * {@link ErrorBody.FieldError#BODY} for the body itself: its Java parameter's name ("update",
     * "input") is no part of the request.
     */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<String> parts = new ArrayList<>();
        String parameter = null;
        Path.MethodNode method = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                method = node.as(Path.MethodNode.class);
                continue;
            }
            if (node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = method != null && isBody(violation.getRootBeanClass(), method,
                        node.as(Path.ParameterNode.class).getParameterIndex()) ? ErrorBody.FieldError.BODY : node.getName();
                continue;
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT && node.getName() != null && node.getName().startsWith("<")) {
                if (node.getIndex() != null && !parts.isEmpty()) {
                    parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + node.getIndex() + "]");
                }
                continue;
            }
            String name = node.getName();
            if (node.getIndex() != null && !parts.isEmpty()) {
                parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + node.getIndex() + "]");
            }
            if (name != null) {
                parts.add(name);
            }
        }
        if (parts.isEmpty()) {
            return parameter == null ? "" : parameter;
        }
        return String.join(".", parts);
    }

    /**
     * Whether a resource method's parameter is its body: JAX-RS reads the one parameter no source
     * annotation (@PathParam, @QueryParam, @Context, @RestQuery…) binds as the body. Looked for up the
     * class hierarchy, as a CDI subclass of a resource overrides its methods without the annotations.
     */
    static boolean isBody(Class<?> resource, Path.MethodNode method, int index) {
        Class<?>[] types = method.getParameterTypes().toArray(Class<?>[]::new);
        boolean declared = false;
        for (Class<?> type = resource; type != null && type != Object.class; type = type.getSuperclass()) {
            java.lang.reflect.Method found;
            try {
                found = type.getDeclaredMethod(method.getName(), types);
            } catch (NoSuchMethodException notHere) {
                continue;
            }
            if (index < 0 || index >= found.getParameterCount()) {
                return false;
            }
            declared = true;
            for (java.lang.annotation.Annotation annotation : found.getParameterAnnotations()[index]) {
                String source = annotation.annotationType().getPackageName();
                if (source.startsWith("jakarta.ws.rs") || source.startsWith("org.jboss.resteasy.reactive")) {
                    return false;
                }
            }
        }
        return declared;
    }

    static ErrorBody.FieldError describe(JsonProcessingException e) {
        if (e instanceof JsonParseException parse) {
            return new ErrorBody.FieldError("", "malformed JSON at line " + parse.getLocation().getLineNr()
                    + ", column " + parse.getLocation().getColumnNr());
        }
        if (e instanceof JsonMappingException mapping) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            if (e instanceof io.rectification.platform.rest.RejectedValue rejected) {
                return new ErrorBody.FieldError(field, rejected.reason());
            }
            if (e instanceof UnrecognizedPropertyException unknown) {
                return new ErrorBody.FieldError(field, "unknown field '" + unknown.getPropertyName() + "'");
            }
            if (e instanceof InvalidFormatException format) {
                Class<?> target = format.getTargetType();
                if (target != null && target.isEnum()) {
                    // A number is the wrong JSON type (StrictJson), not a wrongly spelled name.
                    return new ErrorBody.FieldError(field, format.getValue() instanceof Number
                            ? "expected " + expected(target) : quoted(format.getValue()) + " is not " + expected(target));
                }
                return new ErrorBody.FieldError(field, quoted(format.getValue()) + " is not a valid "
                        + describeType(target));
            }
            if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException refusal
                    && refusal.getMessage() != null) {
                // A value type's own creator (feedback's WindowTime.parse) refused the value and said
                // why, in words meant for the client: its exception, not Jackson's wrapping of it.
                return new ErrorBody.FieldError(field, refusal.getMessage());
            }
            if (mapping.getCause() instanceof InputCoercionException range) {
                return new ErrorBody.FieldError(field, "is out of range for " + withArticle(describeType(range.getTargetType())));
            }
            if (mapping.getCause() instanceof StreamConstraintsException limit) {
                // Jackson's read limits, met inside a value: a number's digits (a 30,000-character
                // text in a whole-number field), or nesting. The exception names no kind but in words.
                return new ErrorBody.FieldError(field, String.valueOf(limit.getMessage()).startsWith("Number value length")
                        ? "is too long to be a number" : "is too long or too deeply nested to be read");
            }
            if (e instanceof MismatchedInputException mismatch) {
                return new ErrorBody.FieldError(field, field.isEmpty() ? "the body is missing or not the expected JSON"
                        : "expected " + expected(mismatch.getTargetType()));
            }
            return new ErrorBody.FieldError(field, "cannot be read");
        }
        return new ErrorBody.FieldError("", "the body is not valid JSON");
    }

    /** The most of a refused value a message repeats: enough to recognise it, never a pasted document. */
    static final int QUOTED_LENGTH = 64;

    private static String quoted(Object value) {
        String text = String.valueOf(value);
        return "'" + (text.length() <= QUOTED_LENGTH ? text
                : text.substring(0, text.offsetByCodePoints(0, QUOTED_LENGTH - 1)) + "…") + "'";
    }

    /** What a value of the type is, as "expected …" says it: "a whole number", "one of A, B, C". */
    static String expected(Class<?> type) {
        if (type != null && type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        return withArticle(describeType(type));
    }

    private static String withArticle(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    /** The kind of value a type holds, in a client's words (never a class name): "whole number", "id (UUID)". */
    static String describeType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
                || type == java.math.BigInteger.class || type == int.class || type == long.class
                || type == short.class || type == byte.class) {
            return "whole number";
        }
        if (type == Character.class || type == char.class) {
            return "single character";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean (true or false)";
        }
        if (type == String.class) {
            return "string";
        }
        if (type == UUID.class) {
            return "id (UUID)";
        }
        if (type.getName().startsWith("java.time.")) {
            return switch (type.getSimpleName()) {
                case "LocalDate" -> "date (YYYY-MM-DD)";
                case "LocalDateTime" -> "date-time (YYYY-MM-DDTHH:MM:SS)";
                case "LocalTime" -> "time (HH:MM:SS)";
                case "OffsetDateTime", "Instant", "ZonedDateTime" -> "date-time with a zone (ISO 8601)";
                default -> "date or time (ISO 8601)";
            };
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        return "object";
    }
}
