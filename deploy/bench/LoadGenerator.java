import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The benchmark's commit-to-visible client, JDK only (run by deploy/bench/run; the intake load is
 * wrk, deploy/bench/intake.lua):
 *
 * <pre>
 *   visible TASKS_URL REPORTING_URL TOKEN TASK_ID COUNT [WARMUP]
 *       COUNT times: report progress on the task in tasks-service, and from the moment the write
 *       is answered (committed) read the task from reporting-service until the report shows there:
 *       each read names the state last seen (If-None-Match) and is held until the read model
 *       changes (Prefer: wait), so the client learns of the change when it happens, not at its next
 *       poll, and takes no CPU from the way to visible meanwhile. WARMUP reports first (default 0),
 *       the same way but not counted: this client's own first requests (its connections opened, its
 *       code loaded and compiled) and the first runs of the services' code for them.
 * </pre>
 */
public class LoadGenerator {

    /** How long one read may be held for a change; a 304 after it means "still nothing", read again. */
    private static final int WAIT_SECONDS = 10;

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "visible" -> visible(args[1], args[2], args[3], args[4], Integer.parseInt(args[5]),
                    args.length > 6 ? Integer.parseInt(args[6]) : 0);
            default -> {
                System.err.println("usage: LoadGenerator visible …  (see the class comment)");
                System.exit(2);
            }
        }
    }

    static void visible(String tasksUrl, String reportingUrl, String token, String taskId, int count, int warmUp)
            throws Exception {
        long[] latencies = new long[count];
        URI readModel = URI.create(reportingUrl + "/read-models/tasks/" + taskId);
        String seenTag = read(readModel, token, null).headers().firstValue("ETag").orElse(null);
        for (int i = -warmUp; i < count; i++) {
            String text = "压测进展" + System.nanoTime();
            String body = "{\"cadence\":\"WEEKLY\",\"periodStart\":\"2025-01-06\",\"periodEnd\":\"2025-01-12\","
                    + "\"percentComplete\":50,\"text\":\"" + text + "\"}";
            HttpRequest write = HttpRequest.newBuilder(URI.create(tasksUrl + "/tasks/" + taskId + "/progress-reports"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> written = HTTP.send(write, HttpResponse.BodyHandlers.ofString());
            long committed = System.nanoTime();
            if (written.statusCode() / 100 != 2) {
                throw new IllegalStateException("progress report answered " + written.statusCode() + ": " + written.body());
            }
            while (true) {
                HttpResponse<String> seen = read(readModel, token, seenTag);
                if (seen.statusCode() == 200) {
                    seenTag = seen.headers().firstValue("ETag").orElse(null);
                    if (seen.body().contains(text)) {
                        if (i >= 0) {
                            latencies[i] = System.nanoTime() - committed;
                        }
                        break;
                    }
                } else if (seen.statusCode() != 304) {
                    throw new IllegalStateException("the read model answered " + seen.statusCode() + ": " + seen.body());
                }
                if (System.nanoTime() - committed > Duration.ofSeconds(30).toNanos()) {
                    throw new IllegalStateException("report " + i + " not visible in reporting-service after 30 s");
                }
            }
        }
        String slowest = slowest(latencies, 5);
        report("commit-to-visible", latencies);
        System.out.println("   the slowest, in the order measured: " + slowest);
    }

    /** The {@code n} largest latencies as "#index ms", by index: whether the tail is the first reports or spread. */
    private static String slowest(long[] latencies, int n) {
        Integer[] order = new Integer[latencies.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Long.compare(latencies[b], latencies[a]));
        return Arrays.stream(order).limit(n).sorted()
                .map(i -> String.format(Locale.ROOT, "#%d %.1f ms", i, latencies[i] / 1e6))
                .collect(Collectors.joining(", "));
    }

    private static HttpResponse<String> read(URI readModel, String token, String ifNoneMatch) throws Exception {
        HttpRequest.Builder read = HttpRequest.newBuilder(readModel).header("Authorization", "Bearer " + token).GET();
        if (ifNoneMatch != null) {
            read.header("If-None-Match", ifNoneMatch).header("Prefer", "wait=" + WAIT_SECONDS);
        }
        return HTTP.send(read.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void report(String what, long[] nanos) {
        Arrays.sort(nanos);
        StringBuilder line = new StringBuilder(what).append(": ").append(nanos.length).append(" ok");
        line.append(String.format(Locale.ROOT, ", p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
                percentile(nanos, 0.50), percentile(nanos, 0.95), percentile(nanos, 0.99),
                nanos.length == 0 ? 0 : nanos[nanos.length - 1] / 1e6));
        System.out.println(line);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
