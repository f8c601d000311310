package io.rectification.reporting.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rectification.reporting.readmodel.TaskChangeWatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Task figures kept as the JSON they were sent as, and sent again while the task read models have not
 * changed ({@link TaskChangeWatch}'s generation: any instance's change of rm_task, and so of
 * rm_task_tally, moves it). Why: wall screens and dashboard pages poll the same figures every few
 * seconds, and each answer cost a statement, the figures' assembly, their JSON and its digest (issue 15,
 * the dashboard summary against the service's trivial endpoint).
 *
 * <p>A {@link Key} holds everything else an answer depends on: which figures and their parameters,
 * whose day (asOf) is resolved before the key is made, so a new day is a new key. Only figures read from
 * rm_task and rm_task_tally alone may be kept: nothing else moves the generation. Nothing is kept while
 * changes cannot be heard, and nothing longer than {@code reporting.dashboard.kept-for} (30 s): a
 * listening connection that died without an error (a half-open TCP connection after a database
 * failover, a pooler in transaction mode that drops LISTEN) hears nothing and says nothing, and a
 * migration changing rm_task at another instance's start announces nothing; the age bounds how stale
 * an answer can then be. At most {@link #CAPACITY} answers are kept; a full cache is emptied at once
 * (a few kilobytes each, made again on the next poll).
 */
@ApplicationScoped
public class FigureCache {

    static final int CAPACITY = 512;

    /** Which figures ({@code figures}, e.g. "summary") for which parameters (a record with equals). */
    public record Key(String figures, Object parameters) {
    }

    private record Kept(long generation, long keptAt, TaggedJson answer) {
    }

    private final TaskChangeWatch changes;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final long keptForMillis;
    private final Map<Key, Kept> kept = new ConcurrentHashMap<>();

    public FigureCache(TaskChangeWatch changes, ObjectMapper objectMapper, Clock clock,
                       @ConfigProperty(name = "reporting.dashboard.kept-for", defaultValue = "30s") Duration keptFor) {
        this.changes = changes;
        this.objectMapper = objectMapper;
        this.clock = clock;
        this.keptForMillis = keptFor.toMillis();
    }

    /** The answer kept for {@code key} if the read models have not changed since, else {@code figures} read now. */
    public TaggedJson answer(Key key, Supplier<?> figures) {
        // the generation before the figures are read: a change while they are read leaves them unused
        long generation = changes.generation();
        if (generation == TaskChangeWatch.UNKNOWN) {
            return TaggedJson.of(objectMapper, figures.get());
        }
        long now = clock.millis();
        Kept found = kept.get(key);
        if (found != null && found.generation() == generation && holds(found, now)) {
            return found.answer();
        }
        TaggedJson answer = TaggedJson.of(objectMapper, figures.get());
        if (kept.size() >= CAPACITY) {
            kept.clear();
        }
        // a slower read of an older generation must not replace a newer one
        kept.merge(key, new Kept(generation, now, answer), (old, fresh) -> fresh.generation() >= old.generation() ? fresh : old);
        return answer;
    }

    /** Young enough; a clock set back since (an answer kept "in the future") is read anew too. */
    private boolean holds(Kept found, long now) {
        long age = now - found.keptAt();
        return age >= 0 && age < keptForMillis;
    }
}
