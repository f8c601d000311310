package io.rectification.reporting.readmodel;

import io.rectification.platform.error.ApiException;
import io.rectification.reporting.readmodel.ReadModelViews.TaskDetail;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * A task's read model for a client that names the state it has (If-None-Match: this service's tag,
 * or tasks-service's version, {@link TaskTags}): 304 from one small query while that is still the
 * state, the task otherwise. A client that prefers to wait
 * (RFC 7240 {@code Prefer: wait=N}) is answered when the task changes or after N seconds
 * (at most {@code reporting.read-models.max-wait}), without holding a thread meanwhile: one
 * request where polling took one every few milliseconds, each a token check and a query.
 */
@ApplicationScoped
public class ConditionalTaskRead {

    private final ReadModelQueries queries;
    private final TaskChangeWaits waits;
    private final Duration maxWait;

    public ConditionalTaskRead(ReadModelQueries queries, TaskChangeWaits waits,
                               @ConfigProperty(name = "reporting.read-models.max-wait")
                               Duration maxWait) {
        this.queries = queries;
        this.waits = waits;
        this.maxWait = maxWait;
    }

    /** The answer now; {@code ifNoneMatch} may be null (then always the task). */
    public Response now(UUID taskId, String ifNoneMatch) {
        return answer(taskId, null, ifNoneMatch == null ? null : tag(taskId), ifNoneMatch, null);
    }

    /**
     * The answer once the task no longer has the state {@code ifNoneMatch} names, or when
     * {@code wait} (cut to the most this service allows) has passed: then 304. With the
     * wait it honoured in {@code Preference-Applied}.
     */
    public Uni<Response> whenChanged(UUID taskId, String ifNoneMatch, Duration wait) {
        Duration held = wait.compareTo(maxWait) > 0 ? maxWait : wait;
        String applied = "wait=" + held.toSeconds();
        return held(taskId, ifNoneMatch, System.nanoTime() + held.toNanos(), applied, true);
    }

    /** {@code first}: no wait yet, so one that cannot be taken now leaves the preference unapplied. */
    private Uni<Response> held(UUID taskId, String ifNoneMatch, long deadline, String applied, boolean first) {
        // Watch first, then read: a change committed between the two still wakes the watch.
        Optional<TaskChangeWaits.Waiter> watch = waits.watch(taskId);
        TaskDetail task;
        String current;
        long left;
        try {
            // Before a wait the task has most likely not changed: its tag alone is read. After a
            // wake-up it most likely has: the task itself is read, and its tag compared.
            task = first ? null : find(taskId);
            current = task != null ? task.tag() : tag(taskId);
            left = deadline - System.nanoTime();
            if (watch.isEmpty() || left <= 0 || !TaskTags.stillNamed(ifNoneMatch, current)) {
                watch.ifPresent(TaskChangeWaits.Waiter::close);
                // Preference-Applied only for a read that was held: one answered at once (another state
                // than the one named, no room to wait) did not wait, and saying so would tell a client
                // that the stale answer it got is the change it waited for (integrity review L3).
                return Uni.createFrom().item(answer(taskId, task, current, ifNoneMatch, first ? null : applied));
            }
        } catch (RuntimeException e) {
            watch.ifPresent(TaskChangeWaits.Waiter::close);
            throw e;
        }
        TaskChangeWaits.Waiter waiter = watch.get();
        return Uni.createFrom().completionStage(waiter.woken())
                .ifNoItem().after(Duration.ofNanos(left)).recoverWithItem((Void) null)
                .onTermination().invoke(waiter::close)
                // the reads are JDBC: off the thread that completed the wait
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .chain(() -> held(taskId, ifNoneMatch, deadline, applied, false));
    }

    /**
     * {@code task}: the task if already read; {@code current}: its tag as just read, or null when
     * there is no If-None-Match to compare it with.
     */
    private Response answer(UUID taskId, TaskDetail task, String current, String ifNoneMatch, String applied) {
        Response.ResponseBuilder answer;
        if (current != null && TaskTags.stillNamed(ifNoneMatch, current)) {
            answer = Response.notModified(new EntityTag(current));
        } else {
            TaskDetail found = task != null ? task : find(taskId);
            answer = Response.ok(found).tag(found.tag());
        }
        return applied == null ? answer.build() : answer.header("Preference-Applied", applied).build();
    }

    private TaskDetail find(UUID taskId) {
        return queries.findTaskById(taskId).orElseThrow(() -> ApiException.notFound("task", taskId));
    }

    private String tag(UUID taskId) {
        return queries.findTaskTag(taskId).orElseThrow(() -> ApiException.notFound("task", taskId));
    }
}
