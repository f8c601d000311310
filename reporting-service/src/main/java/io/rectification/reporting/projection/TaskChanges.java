package io.rectification.reporting.projection;

import io.rectification.reporting.support.Sql;

import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Which tasks' read models a transaction changed, told to the readers waiting for a change (of
 * every instance) by a NOTIFY in that transaction: PostgreSQL delivers it once the change is
 * committed, so a reader woken by it reads the new row, and never for a change rolled back.
 */
public final class TaskChanges {

    public static final String CHANNEL = "rm_task_changed";

    /** A notification's payload is at most 8,000 bytes; ids take 37 each. More change as "any task". */
    static final int IDS_PER_NOTIFICATION = 200;

    private static final String ANY = "";

    private TaskChanges() {
    }

    /** Tells the waiting readers that these tasks changed; call it inside the transaction that changed them. */
    public static void announce(Sql sql, Collection<UUID> taskIds) {
        if (taskIds.isEmpty()) {
            return;
        }
        notify(sql, taskIds.size() > IDS_PER_NOTIFICATION ? ANY
                : taskIds.stream().map(UUID::toString).collect(Collectors.joining(",")));
    }

    /** Any task may have changed (the read models were replaced by a rebuild). */
    public static void announceAll(Sql sql) {
        notify(sql, ANY);
    }

    /**
     * The tasks a notification's payload names; empty for "any task" (and for a payload this
     * service did not write, which a waiting reader then treats the same way: it reads again).
     */
    public static Optional<Set<UUID>> named(String payload) {
        if (payload == null || payload.isEmpty()) {
            return Optional.empty();
        }
        Set<UUID> ids = new HashSet<>();
        for (String id : payload.split(",")) {
            try {
                ids.add(UUID.fromString(id));
            } catch (IllegalArgumentException notAnId) {
                return Optional.empty();
            }
        }
        return Optional.of(ids);
    }

    private static void notify(Sql sql, String payload) {
        sql.one("SELECT pg_notify(?, ?)", row -> Boolean.TRUE, CHANNEL, payload);
    }
}
