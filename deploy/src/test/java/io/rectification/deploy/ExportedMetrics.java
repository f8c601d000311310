package io.rectification.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.rectification.deploy.DeploymentManifestsTest.ROOT;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The metrics the services export, as far as their sources say: a query (an alert, a dashboard
 * panel) that reads a metric no service registers can never show anything, so it is caught here
 * rather than on the night it was needed.
 */
final class ExportedMetrics {

    private static final Pattern METRIC = Pattern.compile("rectification_[a-z_]+");
    private static String sources;

    private ExportedMetrics() {
    }

    /** Asserts that {@code expr} reads at least one of our metrics and only ones a service registers. */
    static void assertReadsExportedMetrics(String what, String expr) {
        Matcher metric = METRIC.matcher(expr);
        assertTrue(metric.find(), what + " reads no metric of ours");
        do {
            // Micrometer's dotted name; Prometheus adds _total to counters and _seconds_bucket and the like to timers
            String dotted = metric.group().replaceFirst("_total$|_seconds_(bucket|count|sum|max)$", "").replace('_', '.');
            assertTrue(sources().contains("\"" + dotted + "\""), what + " reads " + metric.group()
                    + ", which no service registers (as \"" + dotted + "\")");
        } while (metric.find());
    }

    private static synchronized String sources() {
        if (sources == null) {
            StringBuilder all = new StringBuilder();
            for (String module : List.of("platform-support", "tasks-service", "feedback-service", "reporting-service")) {
                try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                    files.filter(f -> f.toString().endsWith(".java")).map(ExportedMetrics::read).forEach(all::append);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            sources = all.toString();
        }
        return sources;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
