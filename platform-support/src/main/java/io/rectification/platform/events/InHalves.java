package io.rectification.platform.events;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Events applied as one batch, and when that fails each half the same way, in order, down to
 * single events: one bad event among n costs about 2·log2(n) batch attempts, where applying the
 * batch event by event cost n. Live consumption tries each batch in a transaction of its own
 * ({@link EventConsumers}), a rebuild's replay under a savepoint ({@link EventReplay}).
 */
final class InHalves {

    private InHalves() {
    }

    /**
     * @param together tries the items as one batch: true when it went through, false when it failed
     *                 and kept nothing of them
     * @param alone    applies a single item (a bad one to the dead letters)
     */
    static <T> void apply(List<T> items, Predicate<List<T>> together, Consumer<T> alone) {
        if (items.size() == 1) {
            alone.accept(items.get(0));
            return;
        }
        if (items.isEmpty() || together.test(items)) {
            return;
        }
        int half = items.size() / 2;
        apply(items.subList(0, half), together, alone);
        apply(items.subList(half, items.size()), together, alone);
    }
}
