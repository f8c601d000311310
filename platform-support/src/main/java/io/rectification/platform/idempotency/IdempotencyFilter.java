package io.rectification.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.rectification.platform.error.ApiException;
import io.rectification.platform.error.ErrorBody;
import io.rectification.platform.time.InstantText;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Set;

/**
 * {@code Idempotency-Key} on the operations that need a role (docs/security.md, "Retried requests"): a
 * POST or PATCH sent again with the same key, after a timeout or a lost answer, gets the first one's
 * answer again instead of making a second record. The first request claims its key before it runs
 * ({@link IdempotencyKeys}); its answer below 500 is kept with the key, a 5xx or 429 gives the key up
 * so the retry runs again. A retry with the same key and request gets the kept answer with
 * {@code Idempotent-Replayed: true}; with another request 422; while the first still runs 409 with
 * Retry-After; after the first's instance stopped while it ran, 409 saying its outcome is unknown,
 * for the client to look before it sends the request again under a new key.
 *
 * <p>The public operations (the form, GeoReport) leave the header alone: their callers are nobody in
 * particular to hold a key for, and they have duplicate rules of their own (the form's
 * {@code submissionKey}); the intake's hot path stays as it was. The operations that need a role run
 * on worker threads, where this filter runs too and may read the body and the database.
 */
public class IdempotencyFilter {

    static final String CLAIMED = IdempotencyFilter.class.getName() + ".claimed";
    private static final Set<String> METHODS = Set.of(HttpMethod.POST, HttpMethod.PATCH);
    /** The seconds a retry of a request still running is asked to wait. */
    static final int RETRY_AFTER_SECONDS = 1;
    /** After the other response filters (they run in descending priority; ProblemPages is at 100): what is kept is what was sent. */
    static final int KEEPS_AT = 50;
    private static final Logger LOG = Logger.getLogger(IdempotencyFilter.class);

    private final IdempotencyKeys keys;
    private final SecurityIdentity identity;
    private final ObjectMapper json;
    private final InstantText instants;

    public IdempotencyFilter(IdempotencyKeys keys, SecurityIdentity identity, ObjectMapper json, InstantText instants) {
        this.keys = keys;
        this.identity = identity;
        this.json = json;
        this.instants = instants;
    }

    /**
     * After routing and the role check (a request refused 401 or 403 claims nothing), before the body
     * is read into the resource's parameters: the body is read here once and handed on. Answers the
     * kept answer of a retry (the request does not run), or null for the request to run.
     */
    @ServerRequestFilter(priority = Priorities.USER)
    public Response claim(ContainerRequestContext request, ResourceInfo resource) throws IOException {
        // one header looked up on every other request (the public intake's among them), no more
        if (request.getHeaderString(IdempotencyKey.HEADER) == null || !METHODS.contains(request.getMethod())
                || !needsRole(resource) || identity.isAnonymous()) {
            return null;
        }
        String key = IdempotencyKey.read(request.getHeaders().get(IdempotencyKey.HEADER));
        byte[] body = readBody(request);
        KeyScope scope = new KeyScope(principal(), request.getMethod(),
                request.getUriInfo().getRequestUri().getRawPath(), key);
        Claim claim = keys.claim(scope, IdempotencyKey.fingerprint(request.getUriInfo().getRequestUri().getRawQuery(), body));
        if (claim instanceof Claim.Claimed) {
            request.setProperty(CLAIMED, scope);
            return null; // the request runs
        }
        if (claim instanceof Claim.Answered answered) {
            return replay(answered.answer());
        }
        throw refusal(claim);
    }

    /** Keeps the answer of a request that claimed its key, or gives the key up when it failed without effect. */
    @ServerResponseFilter(priority = KEEPS_AT)
    public void keep(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIMED) instanceof KeyScope scope)) {
            return;
        }
        request.removeProperty(CLAIMED);
        int status = response.getStatus();
        try {
            if (status >= 500 || status == 429) {
                keys.release(scope);
                return;
            }
            Sent sent = sent(response);
            if (sent.body() != null) {
                // sent as kept, byte for byte
                response.setEntity(sent.body(), response.getEntityAnnotations(), sent.type());
            }
            keys.keep(scope, new StoredAnswer(status, sent.type() == null ? null : sent.type().toString(),
                    response.getHeaderString(HttpHeaders.LOCATION), response.getHeaderString(HttpHeaders.ETAG), sent.body()));
        } catch (RuntimeException e) {
            // The answer goes out all the same. The key stays claimed: a retry is told the outcome is
            // unknown rather than run again, which could make the record twice.
            LOG.warnf("the answer to %s %s was not kept with its Idempotency-Key: %s", request.getMethod(),
                    scope.path(), e.getMessage());
        }
    }

    private static boolean needsRole(ResourceInfo resource) {
        return resource != null && resource.getResourceMethod() != null
                && (resource.getResourceMethod().isAnnotationPresent(RolesAllowed.class)
                || resource.getResourceClass().isAnnotationPresent(RolesAllowed.class));
    }

    /** The token's subject, which stays with a person whatever their name; the principal's name without one. */
    private String principal() {
        Principal principal = identity.getPrincipal();
        return principal instanceof JsonWebToken token && token.getSubject() != null ? token.getSubject() : principal.getName();
    }

    private static byte[] readBody(ContainerRequestContext request) throws IOException {
        InputStream entity = request.getEntityStream();
        byte[] body = entity == null ? new byte[0] : entity.readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        return body;
    }

    /** A body as it goes out, and its type (null: the operation's own, chosen as the answer is written). */
    private record Sent(byte[] body, MediaType type) {
    }

    /**
     * The body as sent: a record as the REST layer writes it (the same ObjectMapper; the operations that
     * read a key answer JSON), whose type is not chosen yet when the filters run and so is said here;
     * text and bytes as they are.
     */
    private Sent sent(ContainerResponseContext response) {
        Object entity = response.getEntity();
        MediaType type = response.getMediaType();
        if (entity == null || entity instanceof byte[]) {
            return new Sent((byte[]) entity, type);
        }
        if (entity instanceof String text) {
            String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
            return new Sent(text.getBytes(charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset)), type);
        }
        try {
            return new Sent(json.writeValueAsBytes(entity), type == null ? MediaType.APPLICATION_JSON_TYPE : type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer", e);
        }
    }

    static Response replay(StoredAnswer answer) {
        Response.ResponseBuilder replay = Response.status(answer.status()).header(IdempotencyKey.REPLAYED, "true");
        if (answer.body() != null) {
            replay.entity(answer.body());
        }
        if (answer.contentType() != null) {
            replay.header(HttpHeaders.CONTENT_TYPE, answer.contentType());
        }
        if (answer.location() != null) {
            replay.header(HttpHeaders.LOCATION, answer.location());
        }
        if (answer.etag() != null) {
            replay.header(HttpHeaders.ETAG, answer.etag());
        }
        return replay.build();
    }

    ApiException refusal(Claim claim) {
        List<ErrorBody.FieldError> header;
        if (claim instanceof Claim.OtherRequest) {
            header = List.of(new ErrorBody.FieldError(IdempotencyKey.HEADER,
                    "was sent before with another request; send a new key for a new request"));
            return new ApiException(422, "Idempotency-Key reused", ErrorBody.FieldError.inDetail(header), header)
                    .with("idempotency", "OTHER_REQUEST");
        }
        if (claim instanceof Claim.Abandoned abandoned) {
            header = List.of(new ErrorBody.FieldError(IdempotencyKey.HEADER, "the request first sent with this key at "
                    + instants.format(abandoned.since()) + " was never answered, and whether it took effect is unknown; look the record up"
                    + " before sending the request again, with a new key"));
            return new ApiException(409, "Outcome unknown", ErrorBody.FieldError.inDetail(header), header)
                    .with("idempotency", "OUTCOME_UNKNOWN");
        }
        header = List.of(new ErrorBody.FieldError(IdempotencyKey.HEADER,
                "a request with this key is still being processed; retry once it has been answered"));
        return new ApiException(409, "Request in progress", ErrorBody.FieldError.inDetail(header), header)
                .with("idempotency", "IN_PROGRESS").retryAfter(RETRY_AFTER_SECONDS);
    }
}
