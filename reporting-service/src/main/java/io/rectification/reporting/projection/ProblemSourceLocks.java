package io.rectification.reporting.projection;

import io.rectification.reporting.support.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Keeps the two writers of rm_task.problem_source from missing each other across instances. A task's
 * upsert copies its problem's source from rm_problem, and a problem's projection copies its source onto
 * the tasks rm_task already holds; in READ COMMITTED each sees only what has committed. A task and its
 * problem are on different partitions, so two instances may apply them at the same moment, each before
 * the other commits: the task kept no source (or an old one), and the dashboards left it out of its
 * scope for good.
 *
 * <p>So a poll first takes a transaction lock per problem it touches: exclusive for a problem it
 * writes, shared for a problem whose tasks it writes (tasks of one problem still apply side by side in
 * several instances). The second of two such polls waits for the first to commit, and its statements
 * then see what the first wrote. All in one statement and in key order, so two polls never wait on each
 * other in a circle over these locks. A rebuild's replay takes none (EventReplay.onThisThread): its
 * transaction lasts the whole rebuild, and it is the only writer of the tables it fills.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ProblemSourceLocks {

    /** The advisory locks' first key, for these locks alone (the two-key space is apart from the one-key space). */
    public static final int PROBLEM_SOURCE = 1;

    private final Sql sql;

    public ProblemSourceLocks(Sql sql) {
        this.sql = sql;
    }

    /** Until the transaction ends: {@code written} problems exclusively, the problems of {@code tasksOf} shared. */
    public void take(Collection<UUID> written, Collection<UUID> tasksOf) {
        // a problem's hash as its key: two problems sharing one only wait for each other needlessly
        Map<Integer, Boolean> exclusive = new TreeMap<>();
        tasksOf.forEach(problem -> exclusive.putIfAbsent(problem.hashCode(), false));
        written.forEach(problem -> exclusive.put(problem.hashCode(), true));
        if (exclusive.isEmpty()) {
            return;
        }
        sql.one("""
                SELECT count(*) FROM (
                    SELECT CASE WHEN u.exclusive THEN pg_advisory_xact_lock(?, u.key)
                                ELSE pg_advisory_xact_lock_shared(?, u.key) END
                    FROM unnest(CAST(? AS int[]), CAST(? AS boolean[])) WITH ORDINALITY AS u(key, exclusive, n)
                    ORDER BY u.n) locked""", row -> row.getLong(1), PROBLEM_SOURCE, PROBLEM_SOURCE,
                exclusive.keySet().toArray(Integer[]::new), exclusive.values().toArray(Boolean[]::new));
    }
}
