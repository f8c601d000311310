package io.rectification.reporting.rebuild;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.rectification.platform.audit.AuditTrail;
import io.rectification.platform.events.EventConsumers;
import io.rectification.platform.events.EventReplay;
import io.rectification.platform.error.ApiException;
import io.rectification.reporting.consumption.KafkaOffsets;
import io.rectification.reporting.projection.ConsumerNames;
import io.rectification.reporting.projection.TaskChanges;
import io.rectification.reporting.support.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * Rebuilds every read model from the topics without ever leaving them emptier than it found them:
 * the live consumers pause (this instance's here, every other instance's at {@link RebuildGate}, which
 * the transaction closes first), and one transaction deletes this service's dead letters, replays both
 * topics from the beginning to their ends (read after the pause) into fresh rm_* tables and a fresh
 * consumed-event record, swaps those in ({@link FreshReadModels}) and records the rebuild on the
 * audit trail. Until it commits, dashboards read the old rows (locked out only from
 * the swap to the commit); when anything fails the transaction rolls back and the old read models
 * stay, the rebuild ends FAILED with the reason.
 * A message that cannot be read or applied goes to the dead letters and the replay goes on.
 * Published report versions and drafts are not read models and stay.
 *
 * <p>The live consumers resume where they stood, or where the replay ended when they stood behind
 * it; events the replay applied are recorded as consumed, so another instance's consumer skips
 * them. The end offsets are read from the broker before anything starts (no broker: 503, nothing
 * touched). Its state and progress are recorded for every instance to tell ({@link RebuildProgress}).
 */
@ApplicationScoped
public class ReadModelRebuild {

    private static final Logger LOG = Logger.getLogger(ReadModelRebuild.class);

    static final List<String> READ_MODELS = List.of("rm_inspection", "rm_area", "rm_problem", "rm_task", "rm_task_tally",
            "rm_progress_report", "rm_indicator_value", "rm_publication", "rm_feedback", "rm_feedback_tally", "rm_escalation", "rm_task_history", "rm_problem_history",
            "rm_leading_group", "rm_accountability_outcome", "rm_recovered_funds", "rm_meeting", "rm_meeting_decision");

    /**
     * The consumed-event records are replaced as the read models are, not deleted and written again
     * in place: a replay records every event it applies, and into the same table each of those
     * inserts met, in the primary key, the deleted record of the same event (dead only after the
     * commit) among all the rebuilds before it; that was half of PostgreSQL's time in a rebuild
     * (docs/benchmarks.md). Records of consumers that are not replayed are carried over.
     */
    static final String CONSUMED_EVENTS = "consumed_event";

    static final List<String> REPLACED = Stream.concat(READ_MODELS.stream(), Stream.of(CONSUMED_EVENTS)).toList();

    private final Sql sql;
    private final ConsumerNames names;
    private final EventConsumers consumers;
    private final EventReplay replay;
    private final KafkaOffsets offsets;
    private final RebuildProgress progress;
    private final AuditTrail audit;
    private final FreshReadModels freshReadModels;
    private final TaskChanges taskChanges;
    private final RebuildGate gate;
    private final Duration stallTimeout;
    private final Duration transactionTimeout;
    private final ExecutorService replaying = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "read-model-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    public ReadModelRebuild(Sql sql, ConsumerNames names, EventConsumers consumers, EventReplay replay,
                            KafkaOffsets offsets, RebuildProgress progress, AuditTrail audit, FreshReadModels freshReadModels,
                            TaskChanges taskChanges, RebuildGate gate,
                            @ConfigProperty(name = "reporting.rebuild.stall-timeout", defaultValue = "5m") Duration stallTimeout,
                            @ConfigProperty(name = "reporting.rebuild.transaction-timeout", defaultValue = "1h") Duration transactionTimeout) {
        this.sql = sql;
        this.names = names;
        this.consumers = consumers;
        this.replay = replay;
        this.offsets = offsets;
        this.progress = progress;
        this.audit = audit;
        this.freshReadModels = freshReadModels;
        this.taskChanges = taskChanges;
        this.gate = gate;
        this.stallTimeout = stallTimeout;
        this.transactionTimeout = transactionTimeout;
    }

    /** The audit trail's entity type of a rebuild; its id is the rebuild's. */
    public static final String AUDIT_ENTITY = "ReadModelRebuild";

    /** {@code tasksCleared}, {@code feedbackCleared}: the rows replaced once the replay commits. */
    @Schema(name = "RebuildStarted",
            requiredProperties = {"id", "consumers", "tasksCleared", "feedbackCleared", "eventsToReplay"})
    public record Started(UUID id, List<String> consumers, long tasksCleared, long feedbackCleared,
                          Map<String, Long> eventsToReplay) {
    }

    /**
     * One at a time: here two callers must not both pass the idle check; across instances the
     * record of the run refuses a second one ({@link RebuildRecords#begin}).
     */
    public synchronized Started rebuild(String actor) {
        // Without running consumers (platform.consumers.enabled=false) nothing could be replayed.
        if (!consumers.consumerNames().containsAll(names.all())) {
            throw ApiException.conflict("the event consumers are not running here, so the read models could not "
                    + "be replayed; nothing was changed");
        }
        progress.requireIdle();
        List<RebuildProgress.Target> targets = targets();
        Map<String, Long> toReplay = new LinkedHashMap<>();
        targets.forEach(target -> toReplay.put(target.topic(), target.ends().entrySet().stream()
                .mapToLong(e -> e.getValue() - target.beginnings().getOrDefault(e.getKey(), 0L)).sum()));
        UUID id = UUID.randomUUID();
        Started started = new Started(id, names.all(),
                sql.one("SELECT count(*) FROM rm_task", row -> row.getLong(1)),
                sql.one("SELECT count(*) FROM rm_feedback", row -> row.getLong(1)), toReplay);
        progress.begin(id, actor, targets);
        replaying.submit(() -> run(started, actor));
        LOG.infof("read model rebuild %s started by %s; replaying %s", id, actor, started.consumers());
        return started;
    }

    private List<RebuildProgress.Target> targets() {
        List<RebuildProgress.Target> targets = new ArrayList<>();
        names.topics().forEach((consumer, topic) -> targets.add(new RebuildProgress.Target(consumer, topic,
                offsets.beginnings(List.of(topic)), offsets.ends(List.of(topic)))));
        return targets;
    }

    private void run(Started started, String actor) {
        try {
            consumers.whilePaused(names.all(), Duration.ofSeconds(30), () -> {
                List<RebuildProgress.Target> targets = QuarkusTransaction.requiringNew()
                        .timeout((int) transactionTimeout.toSeconds()).call(() -> {
                    // First, so that no instance's consumer applies anything beyond the ends read next
                    // (this instance's are paused, the others' are kept out: RebuildGate)
                    gate.close();
                    List<RebuildProgress.Target> ends = targets();
                    progress.retarget(started.id(), ends);
                    replayed(started, actor, ends);
                    return ends;
                });
                // Committed: the live consumers need not read the replayed events again.
                targets.forEach(target -> consumers.replayed(target.consumer(), target.ends()));
                return null;
            });
            progress.finished(started.id(), null);
            LOG.infof("read model rebuild %s done", started.id());
        } catch (Exception e) {
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            progress.finished(started.id(), "rolled back, the read models are as before: " + reason);
            LOG.errorf(e, "read model rebuild %s failed and was rolled back; the read models are as before", started.id());
        }
    }

    /** In the rebuild's transaction: the topics replayed up to {@code targets}' ends into fresh tables, swapped in. */
    private void replayed(Started started, String actor, List<RebuildProgress.Target> targets) {
        FreshReadModels.Created fresh = freshReadModels.create(REPLACED);
        sql.update("INSERT INTO " + CONSUMED_EVENTS + " SELECT * FROM public." + CONSUMED_EVENTS
                + " WHERE consumer <> ALL(?)", (Object) names.all().toArray(String[]::new));
        // The open ones: the replay records again what still fails. The resolved ones are
        // what operators did, and a dismissed message is not recorded again (DeadLetters).
        for (String consumer : names.all()) {
            sql.update("DELETE FROM dead_letter WHERE consumer = ? AND resolution IS NULL", consumer);
        }
        for (RebuildProgress.Target target : targets) {
            replay.replay(consumers.handler(target.consumer()), target.beginnings(), target.ends(),
                    stallTimeout, (partition, position) -> progress.advanced(started.id(), partition, position));
        }
        freshReadModels.swapIn(fresh);
        taskChanges.announceAll();
        audit.recordChange(actor, "ReadModelsRebuilt", AUDIT_ENTITY, started.id().toString(), started);
        progress.committing(started.id());
    }

    void onStop(@Observes ShutdownEvent event) {
        replaying.shutdownNow();
    }
}
