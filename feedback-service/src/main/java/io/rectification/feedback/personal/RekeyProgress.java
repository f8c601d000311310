package io.rectification.feedback.personal;

import io.rectification.platform.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The progress of the latest rekey run started in this instance: the rows it moved onto the current
 * key so far, and those it left (for now, or for the operator to look at). RUNNING until every
 * batch is done (DONE) or one failed (FAILED, the reason in {@code detail}; the batches committed
 * before it stay done, and a new run goes on from there).
 */
@ApplicationScoped
public class RekeyProgress {

    public enum State { RUNNING, DONE, FAILED }

    @Schema(name = "PersonalDataRekeyStatus", requiredProperties = {"id", "state", "startedBy", "startedAt", "toKeyId",
            "fromKeyIds", "rowsToRekey", "rekeyed", "withinWindow", "changedMeanwhile", "unopened"},
            description = "rekeyed: rows re-sealed under toKeyId (their pseudonyms cleared); withinWindow: rows left "
                    + "under their key because their pseudonyms are still matched by the duplicate window (run again "
                    + "after runAgainAfter); changedMeanwhile: rows another run moved first; unopened: rows no key of "
                    + "the keyring opens (left as they are; their feedback ids are in the log)")
    public record Status(UUID id, State state, String startedBy, Instant startedAt, Instant finishedAt, String toKeyId,
                         List<String> fromKeyIds, long rowsToRekey, long rekeyed, long withinWindow,
                         long changedMeanwhile, long unopened, Instant runAgainAfter, String detail) {
    }

    private final Clock clock;
    private Run current;

    public RekeyProgress(Clock clock) {
        this.clock = clock;
    }

    /** Refuses a second run while one is going. */
    synchronized void requireIdle() {
        if (current != null && current.state == State.RUNNING) {
            throw ApiException.conflict("a rekey run started by " + current.startedBy + " at " + current.startedAt
                    + " is still going; follow it at GET /admin/personal-data/rekey").with("rekey", current.started.id());
        }
    }

    synchronized void begin(PersonalDataRekey.Started started, String actor) {
        current = new Run(started, actor, clock.instant());
    }

    /** One batch of the run done (committed). */
    synchronized void add(UUID id, PersonalDataRekey.Batch batch) {
        if (isCurrent(id)) {
            current.rekeyed += batch.rekeyed();
            current.withinWindow += batch.withinWindow();
            current.changedMeanwhile += batch.changedMeanwhile();
            current.unopened += batch.unopened();
            if (batch.windowOverAt() != null
                    && (current.runAgainAfter == null || batch.windowOverAt().isAfter(current.runAgainAfter))) {
                current.runAgainAfter = batch.windowOverAt();
            }
        }
    }

    synchronized void finished(UUID id, String failure) {
        if (isCurrent(id)) {
            current.finishedAt = clock.instant();
            current.failure = failure;
            current.state = failure == null ? State.DONE : State.FAILED;
        }
    }

    public synchronized Optional<Status> latest() {
        return Optional.ofNullable(current).map(run -> new Status(run.started.id(), run.state, run.startedBy,
                run.startedAt, run.finishedAt, run.started.toKeyId(), run.started.fromKeyIds(), run.started.rowsToRekey(),
                run.rekeyed, run.withinWindow, run.changedMeanwhile, run.unopened, run.runAgainAfter, run.failure));
    }

    private boolean isCurrent(UUID id) {
        return current != null && current.started.id().equals(id);
    }

    private static final class Run {
        final PersonalDataRekey.Started started;
        final String startedBy;
        final Instant startedAt;
        State state = State.RUNNING;
        long rekeyed;
        long withinWindow;
        long changedMeanwhile;
        long unopened;
        Instant runAgainAfter;
        Instant finishedAt;
        String failure;

        Run(PersonalDataRekey.Started started, String startedBy, Instant startedAt) {
            this.started = started;
            this.startedBy = startedBy;
            this.startedAt = startedAt;
        }
    }
}
