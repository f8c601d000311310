package io.rectification.reporting.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rectification.reporting.readmodel.TaskChangeWatch;
import jakarta.enterprise.context.ApplicationScoped;

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
 * changes cannot be heard. At most {@link #CAPACITY} answers are kept; a full cache is emptied at once
 * (a few kilobytes each, made again on the next poll).
 */
@ApplicationScoped
public class FigureCache {

    static final int CAPACITY = 512;

    /** Which figures ({@code figures}, e.g. "summary") for which parameters (a record with equals). */
    public record Key(String figures, Object parameters) {
    }

    private record Kept(long generation, TaggedJson answer) {
    }

    private final TaskChangeWatch changes;
    private final ObjectMapper objectMapper;
    private final Map<Key, Kept> kept = new ConcurrentHashMap<>();

    public FigureCache(TaskChangeWatch changes, ObjectMapper objectMapper) {
        this.changes = changes;
        this.objectMapper = objectMapper;
    }

    /** The answer kept for {@code key} if the read models have not changed since, else {@code figures} read now. */
    public TaggedJson answer(Key key, Supplier<?> figures) {
        // the generation before the figures are read: a change while they are read leaves them unused
        long generation = changes.generation();
        if (generation == TaskChangeWatch.UNKNOWN) {
            return TaggedJson.of(objectMapper, figures.get());
        }
        Kept found = kept.get(key);
        if (found != null && found.generation() == generation) {
            return found.answer();
        }
        TaggedJson answer = TaggedJson.of(objectMapper, figures.get());
        if (kept.size() >= CAPACITY) {
            kept.clear();
        }
        // a slower read of an older generation must not replace a newer one
        kept.merge(key, new Kept(generation, answer), (old, fresh) -> fresh.generation() >= old.generation() ? fresh : old);
        return answer;
    }
}
