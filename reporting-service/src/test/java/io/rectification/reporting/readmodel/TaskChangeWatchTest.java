package io.rectification.reporting.readmodel;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.reporting.projection.TaskChanges;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A change of the task read models made here moves the watch's generation as soon as its transaction
 * ends, not only when PostgreSQL's notification comes back: a read that starts after a commit here
 * must not be answered from what was kept before it ({@code FigureCache}).
 */
@QuarkusTest
class TaskChangeWatchTest {

    @Inject
    TaskChangeWatch watch;

    @Inject
    TaskChanges changes;

    @Test
    void aTransactionHereMovesTheGenerationWhenItEnds() {
        await().atMost(Duration.ofSeconds(30)).until(() -> watch.generation() != TaskChangeWatch.UNKNOWN);
        long before = watch.generation();
        // rolled back: PostgreSQL delivers no notification, so only this instance's own hearing can move it
        QuarkusTransaction.begin();
        changes.announce(List.of(UUID.randomUUID()));
        QuarkusTransaction.rollback();
        assertTrue(watch.generation() > before, "the generation stayed at " + before);
    }
}
