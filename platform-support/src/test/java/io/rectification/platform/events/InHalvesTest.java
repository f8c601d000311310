package io.rectification.platform.events;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("fast")
class InHalvesTest {

    private final List<List<Integer>> attempts = new ArrayList<>();
    private final List<Integer> applied = new ArrayList<>();
    private final List<Integer> alone = new ArrayList<>();

    /** A batch goes through unless it holds a bad item (negative), as a poison message fails a transaction. */
    private boolean together(List<Integer> batch) {
        attempts.add(List.copyOf(batch));
        if (batch.stream().anyMatch(item -> item < 0)) {
            return false;
        }
        applied.addAll(batch);
        return true;
    }

    private void alone(Integer item) {
        alone.add(item);
        if (item >= 0) {
            applied.add(item);
        }
    }

    @Test
    void aGoodBatchIsAppliedInOneAttempt() {
        List<Integer> items = IntStream.range(0, 500).boxed().toList();
        InHalves.apply(items, this::together, this::alone);
        assertEquals(1, attempts.size());
        assertEquals(items, applied);
        assertEquals(List.of(), alone);
    }

    @Test
    void oneBadItemAmongFiveHundredCostsAboutTwiceLog2AttemptsAndEveryOtherItemLandsInOrder() {
        List<Integer> items = new ArrayList<>(IntStream.range(0, 500).boxed().toList());
        items.set(321, -1);
        InHalves.apply(items, this::together, this::alone);
        assertEquals(items.stream().filter(item -> item >= 0).toList(), applied);
        assertTrue(alone.contains(-1), "the bad item is applied alone (to the dead letters)");
        assertTrue(attempts.size() <= 2 * 9 + 1, attempts.size() + " batch attempts");
    }

    @Test
    void badItemsNextToEachOtherAndAtTheEndsStandAloneAndNothingElseIsLost() {
        List<Integer> items = List.of(-1, 1, 2, -2, -3, 5, 6, 7, -4);
        InHalves.apply(items, this::together, this::alone);
        assertEquals(List.of(1, 2, 5, 6, 7), applied);
        assertEquals(List.of(-1, -2, -3, -4), alone.stream().filter(item -> item < 0).toList());
    }

    @Test
    void nothingIsNoAttempt() {
        InHalves.apply(List.of(), this::together, this::alone);
        assertEquals(List.of(), attempts);
        assertEquals(List.of(), alone);
    }
}
