package io.rectification.reporting.projection;

import io.rectification.reporting.support.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Which tasks' read models a transaction changed, told to every instance by a NOTIFY in that
 * transaction: PostgreSQL delivers it once the change is committed, so a reader woken by it reads the
 * new row, and never for a change rolled back. This instance is also told by {@link Announced}, a CDI
 * event fired inside the transaction, whose observer acts when it has ended, before the notification comes back:
 * a read that starts after the commit here must not be answered from what was kept before it, and a reader
 * waiting here for one of the tasks is woken at once.
 * Every writer of rm_task calls this inside its transaction (rm_task_tally follows rm_task by trigger).
 */
@ApplicationScoped
public class TaskChanges {

    public static final String CHANNEL = "rm_task_changed";

    /** A notification's payload is at most 8,000 bytes; ids take 37 each. More change as "any task". */
    static final int IDS_PER_NOTIFICATION = 200;

    private static final String ANY = "";

    /**
     * Task read models were changed in the transaction it was fired in; {@code payload} names them as the
     * notification does (empty: any task).
     */
    public record Announced(String payload) {
    }

    private final Sql sql;
    private final Event<Announced> announced;

    public TaskChanges(Sql sql, Event<Announced> announced) {
        this.sql = sql;
        this.announced = announced;
    }

    /** Tells every instance that these tasks changed; call it inside the transaction that changed them. */
    public void announce(Collection<UUID> taskIds) {
        if (taskIds.isEmpty()) {
            return;
        }
        notify(taskIds.size() > IDS_PER_NOTIFICATION ? ANY
                : taskIds.stream().map(UUID::toString).collect(Collectors.joining(",")));
    }

    /** Any task may have changed (the read models were replaced by a rebuild). */
    public void announceAll() {
        notify(ANY);
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

    private void notify(String payload) {
        sql.one("SELECT pg_notify(?, ?)", row -> Boolean.TRUE, CHANNEL, payload);
        announced.fire(new Announced(payload));
    }
}
