package io.rectification.platform.events;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A few threads of a replay's own that turn a poll's messages into what they are read as, each
 * poll cut into as many runs as there are threads and the results put back in order. Why: a
 * rebuild's reading thread was its bottleneck, decoding taking four fifths of it
 * (docs/benchmarks.md, "Rebuild: decoding on two threads"), while the second core waited.
 */
final class DecodingThreads {

    private final int threads;
    private final ExecutorService executor;

    DecodingThreads(String name, int threads) {
        this.threads = threads;
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** {@code decode} of each item, in the items' order; decoding runs in the order the calls came. */
    <T, R> CompletableFuture<List<R>> decoded(List<T> items, Function<T, R> decode) {
        int run = Math.max(1, (items.size() + threads - 1) / threads);
        List<CompletableFuture<List<R>>> runs = new ArrayList<>(threads);
        for (int from = 0; from < items.size() || runs.isEmpty(); from += run) {
            List<T> part = items.subList(from, Math.min(items.size(), from + run));
            runs.add(CompletableFuture.supplyAsync(() -> {
                List<R> decodedPart = new ArrayList<>(part.size());
                part.forEach(item -> decodedPart.add(decode.apply(item)));
                return decodedPart;
            }, executor));
        }
        return CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<R> all = new ArrayList<>(items.size());
            runs.forEach(part -> all.addAll(part.join()));
            return all;
        });
    }

    /** No more calls: what was asked for is still decoded (someone waits for it), then the threads end. */
    void finish() {
        executor.shutdown();
    }

    /** Nobody waits any more: what is left is dropped. */
    void abandon() {
        executor.shutdownNow();
    }
}
