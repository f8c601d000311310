package io.rectification.platform.transaction;

import io.rectification.platform.testing.HandTransactions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("fast")
class TransactionEndsTest {

    private final HandTransactions transactions = new HandTransactions();

    @Test
    void aKeyIsNewOncePerTransaction() {
        Object key = new Object();
        transactions.begin();
        assertTrue(TransactionEnds.firstTimeIn(transactions, key));
        assertFalse(TransactionEnds.firstTimeIn(transactions, key));
        assertTrue(TransactionEnds.firstTimeIn(transactions, new Object()), "another key is its own");
        transactions.commit();

        transactions.begin();
        assertTrue(TransactionEnds.firstTimeIn(transactions, key), "the next transaction asks afresh");
        transactions.rollback();
    }

    @Test
    void whatFollowsACommitRunsAfterItAndNotAfterARollback() {
        List<String> done = new ArrayList<>();
        transactions.begin();
        TransactionEnds.afterCommit(transactions, () -> done.add("committed"));
        TransactionEnds.onEnd(transactions, committed -> done.add("ended " + committed));
        assertEquals(List.of(), done, "nothing before the end");
        transactions.commit();
        assertEquals(List.of("committed", "ended true"), done);

        done.clear();
        transactions.begin();
        TransactionEnds.afterCommit(transactions, () -> done.add("committed"));
        TransactionEnds.onEnd(transactions, committed -> done.add("ended " + committed));
        transactions.rollback();
        assertEquals(List.of("ended false"), done);
    }

    @Test
    void outsideATransactionItIsDoneAtOnceAsAfterACommit() {
        List<String> done = new ArrayList<>();
        TransactionEnds.afterCommit(transactions, () -> done.add("committed"));
        TransactionEnds.onEnd(transactions, committed -> done.add("ended " + committed));
        assertEquals(List.of("committed", "ended true"), done);
    }
}
