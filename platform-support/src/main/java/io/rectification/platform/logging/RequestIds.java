package io.rectification.platform.logging;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A request's id, so its log lines in the gateway and in every service can be found together
 * (docs/operations.md, "Following a request"). The id is the request's {@code X-Request-Id} (the
 * gateway sets one where the client did not) when it is safe to log ({@link LogIds}), else a new
 * one; it is in the MDC as {@code requestId} while the request is served, in the response's
 * {@code X-Request-Id}, and in one line per request: method, status, duration.
 *
 * <p>That line is at DEBUG for a request answered below 500 within {@link #SLOW_MILLIS}, at INFO
 * otherwise: the gateway's access log already has a line for every request (with this id), so a
 * second one per request in the service only doubles the log volume (at the public intake's rate,
 * over a thousand lines a second; its CPU cost was within the bench's noise). A failed or slow request is still in the
 * service's own log, and {@code quarkus.log.category."io.rectification.platform.logging.RequestIds".level=DEBUG}
 * brings every line back.
 *
 * <p>The line has no path and no query: a path can carry what only its holder should know (the
 * public's tracking code in {@code /feedback/track/{code}}) and a query a credential (Open311's
 * {@code api_key}). The gateway's access log has the path for those who may read it; the id joins
 * the two.
 */
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final String STARTED = RequestIds.class.getName() + ".started";
    private static final String ID = RequestIds.class.getName() + ".id";
    /** A request answered later than this is logged at INFO whatever its status. */
    static final long SLOW_MILLIS = 1_000;
    private static final Logger LOG = Logger.getLogger(RequestIds.class);

    /** Pre-matching, so a request refused before a resource is chosen (404, 405) has its id too. */
    @ServerRequestFilter(preMatching = true, priority = 0)
    public void begin(ContainerRequestContext request) {
        String id = accept(request.getHeaderString(HEADER));
        request.setProperty(STARTED, System.nanoTime());
        request.setProperty(ID, id);
        MDC.put(MDC_KEY, id);
    }

    // Response filters run in descending priority: this one last, so its duration covers the others.
    @ServerResponseFilter(priority = 0)
    public void end(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(ID);
        if (id == null) {
            return; // not begun here (the request failed before the filter ran)
        }
        try {
            response.getHeaders().putSingle(HEADER, id);
            Object started = request.getProperty(STARTED);
            long millis = started == null ? -1 : (System.nanoTime() - (Long) started) / 1_000_000;
            // The MDC is put again: an asynchronous answer may complete where it was not.
            MDC.put(MDC_KEY, id);
            Logger.Level level = response.getStatus() >= 500 || millis >= SLOW_MILLIS ? Logger.Level.INFO : Logger.Level.DEBUG;
            LOG.logf(level, "%s %d %d ms", request.getMethod(), response.getStatus(), millis);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    /** The id to use for a request that came with {@code header} (null: none): else a new random (version 4) UUID. */
    public static String accept(String header) {
        return LogIds.safe(header) ? header : newId();
    }

    /**
     * From ThreadLocalRandom, not SecureRandom as {@link UUID#randomUUID()}: the id finds a request's log lines, it
     * guards nothing, and SecureRandom's reads took 1.5 % of a dashboard read's CPU (docs/benchmarks.md).
     */
    private static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;  // version 4
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);  // the IETF variant
        return new UUID(high, low).toString();
    }

    /** The current request's id, or null outside a request. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }
}
