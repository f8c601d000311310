package io.rectification.platform.text;

import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * How the public documents (the report's section 二, the progress page, the feedback form's choices)
 * number areas, the problems of an area and the measures of a problem: by place among the siblings the
 * report shows, in ledger order, from 1; not by their numbers in the ledger. Cancelling (撤销) area
 * （二）, a problem or a task entered by mistake leaves a gap in the ledger's numbers, and a published
 * notice never skips one (（一）（三）, "1. … 3.", "一是…三是…" would read as if something were withheld);
 * a row with no number would print 0. Staff's lists, exports, mails and dashboards keep the ledger's
 * numbers ({@link PlanNumbering}): that is what the plan and the units name a task by.
 */
public final class PublicNumbering {

    /** Ledger order: by the ledger's number, one without a number after those with one. */
    private static final Comparator<Sibling<?>> LEDGER_ORDER =
            Comparator.comparing(Sibling::ledgerNumber, Comparator.nullsLast(Comparator.naturalOrder()));

    private PublicNumbering() {
    }

    /**
     * One of the siblings a document shows: its number in the ledger (null when it has none) and how it
     * is written once its public number is known.
     */
    public record Sibling<T>(Integer ledgerNumber, IntFunction<T> numbered) {
    }

    /**
     * The siblings in ledger order (those with the same ledger number as they came), each written with
     * its place among them: 1, 2, 3… with no gap whatever the ledger's numbers are.
     */
    public static <T> List<T> numbered(List<Sibling<T>> siblings) {
        List<Sibling<T>> inOrder = siblings.stream().sorted(LEDGER_ORDER).toList();
        return IntStream.range(0, inOrder.size()).mapToObj(i -> inOrder.get(i).numbered().apply(i + 1)).toList();
    }
}
