import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's client, JDK only (run by deploy/bench/run). Modes:
 *
 * <pre>
 *   intake  FEEDBACK_URL PUBLICATION_ID CLIENTS SECONDS
 *       CLIENTS threads submit public feedback as fast as answers come back, each submission with
 *       its own text and client address (as a proxy in front would give); prints rate and latency.
 *   visible TASKS_URL REPORTING_URL TOKEN TASK_ID COUNT
 *       COUNT times: report progress on the task in tasks-service, and from the moment the write
 *       is answered (committed) poll reporting-service until the report shows there.
 * </pre>
 */
public class LoadGenerator {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "intake" -> intake(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "visible" -> visible(args[1], args[2], args[3], args[4], Integer.parseInt(args[5]));
            default -> {
                System.err.println("usage: LoadGenerator intake|visible …  (see the class comment)");
                System.exit(2);
            }
        }
    }

    static void intake(String feedbackUrl, String publication, int clients, int seconds) throws Exception {
        URI uri = URI.create(feedbackUrl + "/publications/" + publication + "/feedback");
        // Numbered from the clock, so a rerun's texts are never duplicates of the last run's.
        AtomicLong sequence = new AtomicLong(System.currentTimeMillis() * 1000);
        AtomicLong failures = new AtomicLong();
        long warmUpEnds = System.nanoTime() + Duration.ofSeconds(Math.min(5, seconds / 4)).toNanos();
        long ends = warmUpEnds + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            results.add(pool.submit(() -> {
                long[] latencies = new long[1 << 16];
                int count = 0;
                while (System.nanoTime() < ends) {
                    long n = sequence.incrementAndGet();
                    // Every other submitter leaves a phone number, which is encrypted on the way in.
                    String contact = n % 2 == 0 ? ",\"name\":\"压测\",\"phone\":\"138" + String.format("%08d", n % 100_000_000) + "\"" : "";
                    String body = "{\"text\":\"压测意见第" + n
                            + "条：建议加快推进母基金管理办法修订，并按季度公开基金投向与绩效。\"" + contact + "}";
                    HttpRequest request = HttpRequest.newBuilder(uri)
                            .header("Content-Type", "application/json")
                            .header("X-Forwarded-For", address(n))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long start = System.nanoTime();
                    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                    long took = System.nanoTime() - start;
                    if (response.statusCode() != 201) {
                        if (failures.incrementAndGet() <= 3) {
                            System.err.println("intake answered " + response.statusCode() + ": " + response.body());
                        }
                        continue;
                    }
                    if (start >= warmUpEnds) {
                        if (count == latencies.length) {
                            latencies = Arrays.copyOf(latencies, count * 2);
                        }
                        latencies[count++] = took;
                    }
                }
                return Arrays.copyOf(latencies, count);
            }));
        }
        long[] all = new long[0];
        for (Future<long[]> result : results) {
            long[] part = result.get();
            long[] merged = Arrays.copyOf(all, all.length + part.length);
            System.arraycopy(part, 0, merged, all.length, part.length);
            all = merged;
        }
        pool.shutdown();
        report("intake", all, seconds, failures.get(), clients);
    }

    /** A distinct address per submission, so the per-client limits see many clients as they would behind a proxy. */
    private static String address(long n) {
        return "10." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255);
    }

    static void visible(String tasksUrl, String reportingUrl, String token, String taskId, int count) throws Exception {
        long[] latencies = new long[count];
        for (int i = 0; i < count; i++) {
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
            HttpRequest read = HttpRequest.newBuilder(URI.create(reportingUrl + "/read-models/tasks/" + taskId))
                    .header("Authorization", "Bearer " + token).GET().build();
            while (true) {
                HttpResponse<String> seen = HTTP.send(read, HttpResponse.BodyHandlers.ofString());
                if (seen.body().contains(text)) {
                    latencies[i] = System.nanoTime() - committed;
                    break;
                }
                if (System.nanoTime() - committed > Duration.ofSeconds(30).toNanos()) {
                    throw new IllegalStateException("report " + i + " not visible in reporting-service after 30 s");
                }
                Thread.sleep(1);
            }
        }
        report("commit-to-visible", latencies, 0, 0, 1);
    }

    private static void report(String what, long[] nanos, int seconds, long failures, int clients) {
        Arrays.sort(nanos);
        StringBuilder line = new StringBuilder(what).append(": ").append(nanos.length).append(" ok");
        if (seconds > 0) {
            line.append(String.format(Locale.ROOT, ", %.0f/s at %d clients", nanos.length / (double) seconds, clients));
        }
        line.append(String.format(Locale.ROOT, ", p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, failures %d",
                percentile(nanos, 0.50), percentile(nanos, 0.95), percentile(nanos, 0.99),
                nanos.length == 0 ? 0 : nanos[nanos.length - 1] / 1e6, failures));
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
