package io.rectification.platform.events;

import io.rectification.platform.testing.HandTransactions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a kept answer still holds: the generation moves with every change heard or made here, and is unknown while deaf. */
@Tag("fast")
class ChangeGenerationTest {

    final ChangeGeneration generation = new ChangeGeneration();

    @Test
    void unknownUntilListening() {
        assertEquals(ChangeGeneration.UNKNOWN, generation.current());
        generation.changeBegun();
        generation.changeEnded();
        assertEquals(ChangeGeneration.UNKNOWN, generation.current());
        generation.listening();
        assertTrue(generation.current() >= 0);
    }

    @Test
    void stillWhileNothingChangesAndMovedByANotificationOrAChangeHere() {
        generation.listening();
        long kept = generation.current();
        assertEquals(kept, generation.current());
        generation.notified("");
        long afterTheirs = generation.current();
        assertNotEquals(kept, afterTheirs);
        generation.changeBegun();
        generation.changeEnded();
        assertNotEquals(afterTheirs, generation.current());
    }

    /**
     * From the moment a change here begins (before its commit) until it has ended here, nothing kept is
     * served: PostgreSQL shows the change from its commit on, a moment before the transaction ends here.
     */
    @Test
    void unknownWhileAChangeHereIsUnderWay() {
        generation.listening();
        long kept = generation.current();
        generation.changeBegun();
        generation.changeBegun();
        assertEquals(ChangeGeneration.UNKNOWN, generation.current());
        generation.changeEnded();
        assertEquals(ChangeGeneration.UNKNOWN, generation.current(), "one of two still under way");
        generation.changeEnded();
        assertTrue(generation.current() >= 0);
        assertNotEquals(kept, generation.current());
    }

    /** Counted once per transaction, however often its changes are told, and ended when it ends; at once outside one. */
    @Test
    void aChangeInATransactionLastsUntilTheTransactionHasEnded() {
        HandTransactions transactions = new HandTransactions();
        generation.listening();
        long kept = generation.current();
        generation.changingIn(transactions);
        long afterOneOutside = generation.current();
        assertNotEquals(kept, afterOneOutside);
        transactions.begin();
        generation.changingIn(transactions);
        generation.changingIn(transactions);
        assertEquals(ChangeGeneration.UNKNOWN, generation.current());
        transactions.commit();
        long afterTheTransaction = generation.current();
        assertTrue(afterTheTransaction >= 0, "no change counted twice, none left under way");
        assertNotEquals(afterOneOutside, afterTheTransaction);
    }

    @Test
    void whatWasKeptBeforeDeafnessNeverHoldsAfterIt() {
        generation.listening();
        long kept = generation.current();
        generation.deaf();
        assertEquals(ChangeGeneration.UNKNOWN, generation.current());
        // heard again, with nothing notified in between: changes may have been missed meanwhile
        generation.listening();
        assertNotEquals(kept, generation.current());
    }
}
