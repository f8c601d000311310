package io.rectification.platform.error;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code Accept} chooses the body of a success; it never decides which error a client is told. The REST
 * layer matches {@code Accept} against an operation's {@code @Produces} while it routes, before the token,
 * the roles, the parameters or the resource are looked at: a browser's address bar or a client sending
 * only {@code Accept: text/html} to a JSON operation got 406 where the answer was 401 (no token), 404 (no
 * such id) or 400 (a malformed id), and learnt nothing of it. So the client's {@code Accept} is kept aside
 * and the request is routed with one that also admits anything, last of all its choices; every refusal
 * then comes out as it would for any client (problem+json, which RFC 9457 lets a server send whatever
 * was asked for, or {@link ProblemPages}'s page for a browser that asks for one first).
 *
 * <p>A success is what {@code Accept} is for. A read (GET, HEAD) the client cannot take is answered
 * 406 problem+json, as before, naming what the operation answers, from the same comparison the router
 * made (the operation's {@code @Produces} against the client's types): a download that produces any type
 * is still sent. A change (POST, PUT, PATCH, DELETE) has been made by the time its answer exists: a 406
 * then would tell the client it failed when it did not, and one before it would hide its refusals again,
 * so its answer is sent as the operation documents it (RFC 9110 §12.5.1 lets a server disregard
 * {@code Accept} rather than answer 406).
 */
public class OutcomeFirst {

    /** The client's own {@code Accept}, kept while the request is routed with one that admits any answer. */
    static final String CLIENTS_ACCEPT = OutcomeFirst.class.getName() + ".accept";
    /** Added to the client's {@code Accept}: any type, after every type the client named. */
    static final String ANY_TYPE_LAST = "*/*;q=0.001";
    private static final Set<String> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD);
    /** A success's headers that describe the representation refused, or let it be kept. */
    private static final List<String> REPRESENTATION_HEADERS = List.of(HttpHeaders.ETAG, HttpHeaders.LAST_MODIFIED,
            HttpHeaders.CONTENT_LOCATION, HttpHeaders.LOCATION, "Content-Disposition", HttpHeaders.CACHE_CONTROL,
            HttpHeaders.EXPIRES);

    /**
     * Before routing: the router then finds the operation whatever the client accepts. A part of the header
     * that is no media type is left out (the router failed on it with a bare 500); a header with none left is
     * as none sent.
     */
    @ServerRequestFilter(preMatching = true, priority = Priorities.HEADER_DECORATOR)
    public void routeWhateverAccepted(ContainerRequestContext request) {
        List<String> values = request.getHeaders().get(HttpHeaders.ACCEPT);
        if (values == null || values.isEmpty()) {
            return;
        }
        Accept accept = Accept.read(String.join(",", values));
        if (accept.parts().isEmpty()) {
            request.getHeaders().remove(HttpHeaders.ACCEPT);
            return;
        }
        String readable = String.join(", ", accept.parts());
        if (accept.admitsAnyType()) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, readable);
            return;
        }
        request.setProperty(CLIENTS_ACCEPT, accept);
        request.getHeaders().putSingle(HttpHeaders.ACCEPT, readable + ", " + ANY_TYPE_LAST);
    }

    /**
     * A read's success the client cannot take: 406. First of the response filters (they run in descending
     * priority), so the others ({@link ProblemPages}, {@code PrivateAnswers}) see the problem, not the success.
     */
    @ServerResponseFilter(priority = Priorities.USER + 1000)
    public void refuseUnacceptableRead(ContainerRequestContext request, ContainerResponseContext response,
                                       ResourceInfo resource) {
        if (!(request.getProperty(CLIENTS_ACCEPT) instanceof Accept accept) || !READS.contains(request.getMethod())
                || response.getStatus() < 200 || response.getStatus() >= 300) {
            return;
        }
        List<MediaType> produced = produced(resource);
        if (produced.isEmpty() || accept.takesAnyOf(produced)) {
            return;
        }
        REPRESENTATION_HEADERS.forEach(response.getHeaders()::remove);
        response.setStatus(406);
        response.setEntity(new ErrorBody(ErrorTypes.forStatus(406), ErrorTypes.title(406, "Not Acceptable"), 406,
                        "no acceptable representation: this answers " + produced.stream().map(MediaType::toString)
                                .collect(Collectors.joining(", ")) + "; ask for it in Accept",
                        ErrorMappers.path(request.getUriInfo()), List.of(), Map.of()),
                null, MediaType.valueOf(ErrorBody.MEDIA_TYPE));
    }

    /**
     * An {@code Accept} header as read: its parts that are media types, as sent, and the types among them it
     * takes (a quality of 0 refuses its type).
     */
    record Accept(List<String> parts, List<MediaType> taken) {

        static Accept read(String header) {
            List<String> parts = new ArrayList<>();
            List<MediaType> taken = new ArrayList<>();
            for (String part : header.split(",")) {
                MediaType type;
                try {
                    type = MediaType.valueOf(part.strip());
                } catch (RuntimeException notAType) { // whatever the parser throws on a part it cannot read
                    continue;
                }
                parts.add(part.strip());
                if (!isZero(type.getParameters().get("q"))) {
                    taken.add(type);
                }
            }
            return new Accept(List.copyOf(parts), List.copyOf(taken));
        }

        /** Whatever is answered ({@code *}{@code /*}). */
        boolean admitsAnyType() {
            return taken.stream().anyMatch(t -> t.isWildcardType() && t.isWildcardSubtype());
        }

        boolean takesAnyOf(List<MediaType> produced) {
            return produced.stream().anyMatch(p -> taken.stream().anyMatch(p::isCompatible));
        }
    }

    /** The operation's {@code @Produces}: the method's, else its class's; none when it declares none. */
    private static List<MediaType> produced(ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return List.of();
        }
        Produces produces = method.getAnnotation(Produces.class);
        if (produces == null) {
            produces = resource.getResourceClass().getAnnotation(Produces.class);
        }
        return produces == null ? List.of() : Arrays.stream(produces.value())
                .flatMap(value -> Arrays.stream(value.split(","))).map(String::strip).map(MediaType::valueOf).toList();
    }

    private static boolean isZero(String quality) {
        if (quality == null) {
            return false;
        }
        try {
            return Double.parseDouble(quality.strip()) == 0;
        } catch (NumberFormatException unreadable) {
            return false;
        }
    }
}
