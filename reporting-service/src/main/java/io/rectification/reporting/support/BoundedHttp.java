package io.rectification.reporting.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An HTTP exchange bounded as a whole, its answer read up to a limit. A request's own timeout
 * ({@link HttpRequest.Builder#timeout}) ends only the wait for the answer's head: a server that sent its head and
 * then stalled the body (a hung webhook endpoint, a proxy in trouble, Keycloak under a collection) held the
 * caller for ever, and with it the notice job's one thread, so that no mail or call went out again.
 */
public final class BoundedHttp {

    /** The status and the first bytes of the body as text (UTF-8; a character cut at the limit is replaced). */
    public record Answer(int status, String body) {
    }

    private BoundedHttp() {
    }

    /**
     * {@code request} sent, and its answer's head and at most {@code limit} bytes of its body read, within the
     * request's own timeout, which here bounds the exchange as a whole; the rest of a longer body is not read.
     * Longer: an {@link HttpTimeoutException}, the exchange cancelled (its connection closed).
     */
    public static Answer send(HttpClient http, HttpRequest request, int limit) throws IOException, InterruptedException {
        Duration within = request.timeout().orElseThrow(() ->
                new IllegalArgumentException("a request without a timeout: " + request.uri()));
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request, head -> new FirstBytes(limit));
        try {
            HttpResponse<byte[]> response = exchange.get(within.toMillis(), TimeUnit.MILLISECONDS);
            return new Answer(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new HttpTimeoutException("no whole answer within " + within.toMillis() + " ms");
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException failed) {
                throw failed;
            }
            throw new IOException(e.getCause().toString(), e.getCause());
        }
    }

    /** The body's first bytes; past the limit the subscription is cancelled and the body is what came. */
    private static final class FirstBytes implements HttpResponse.BodySubscriber<byte[]> {

        private final int limit;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private Flow.Subscription subscription;

        FirstBytes(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                byte[] taken = new byte[Math.min(buffer.remaining(), limit - bytes.size())];
                buffer.get(taken);
                bytes.write(taken, 0, taken.length);
            }
            if (bytes.size() >= limit) {
                subscription.cancel();
                body.complete(bytes.toByteArray());
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable failure) {
            body.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toByteArray());
        }
    }
}
