package io.rectification.deploy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gauges every reporting replica exports with the same value: the read-model counts (each replica
 * counts the same tables) and the consumer lag (each replica asks the broker for its group's committed
 * offsets, so each reports every partition, not only its own); every service's open dead letters
 * and its audit chain's latest entry, and reporting's failed notices (each replica counts its service's tables). Summed over replicas they count twice;
 * a query takes {@code max without (instance, pod)} of them first (docs/operations.md, "Metrics and alerts").
 */
final class ReplicatedGauges {

    private static final Pattern GAUGE = Pattern.compile(
            "rectification_(tasks_overdue|tasks|feedback_received|feedback_answered|consumer_lag|dead_letters_open"
                    + "|notice_mails_failed|notice_webhooks_dead|audit_entries)(?![a-z_])");
    /** Directly inside the max, or inside a function (delta, rate) inside it. */
    private static final Pattern ONCE_PER_REPLICA_SET = Pattern.compile("max without \\(instance, pod\\) \\((\\w+\\()?$");

    private ReplicatedGauges() {
    }

    static void assertTakenOncePerReplicaSet(String where, String expr) {
        Matcher gauge = GAUGE.matcher(expr);
        while (gauge.find()) {
            assertTrue(ONCE_PER_REPLICA_SET.matcher(expr.substring(0, gauge.start())).find(),
                    where + " sums rectification_" + gauge.group(1) + " over replicas: " + expr);
        }
    }
}
