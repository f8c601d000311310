package io.rectification.reporting.report;

import io.rectification.platform.contract.EventContract;
import io.rectification.platform.text.ChineseNumerals;
import io.rectification.reporting.report.ReportDocument.Area;
import io.rectification.reporting.report.ReportDocument.Measure;
import io.rectification.reporting.report.ReportDocument.ProblemItem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The numbers section 二 prints, by the ledger's id: each area （三）, each finding 3. of its area and each
 * measure 三是 of its problem. A published version keeps the ones it printed (report_version.public_numbering,
 * V31), because the progress page and the feedback form number what stands now ({@link
 * io.rectification.platform.text.PublicNumbering}): once something before an item is cancelled (撤销), they
 * call it by another number than the version in force does, and the draft says so ({@link #since}).
 */
record PublicNumbers(List<Item> items) {

    enum Kind { AREA, PROBLEM, MEASURE }

    /** One thing numbered: its own number among its siblings, under its {@code parent} (null for an area). */
    record Item(Kind kind, UUID id, UUID parent, int number, String title) {
    }

    /**
     * A number the version in force printed that the draft no longer prints for the same thing: {@code now}
     * is the full number it has now ((一)1.二是), null when it is no longer in section 二; {@code cancelled}
     * when that is because the office cancelled it.
     */
    record Change(String printed, String title, String now, boolean cancelled) {
    }

    static PublicNumbers of(ReportDocument report) {
        List<Item> items = new ArrayList<>();
        for (Area area : report.areas()) {
            items.add(new Item(Kind.AREA, area.id(), null, area.number(), area.title()));
            for (ProblemItem problem : area.problems()) {
                items.add(new Item(Kind.PROBLEM, problem.problemId(), area.id(), problem.number(), problem.title()));
                for (Measure measure : problem.measures()) {
                    items.add(new Item(Kind.MEASURE, measure.taskId(), problem.problemId(), measure.number(),
                            measure.title()));
                }
            }
        }
        return new PublicNumbers(items.stream().filter(item -> item.id() != null).toList());
    }

    /** As stored with a version; null for a version published before they were kept (V31). */
    static PublicNumbers ofStored(String json) {
        return EventContract.fromJson(json, PublicNumbers.class);
    }

    String json() {
        return EventContract.toJson(this);
    }

    /**
     * What the {@code printed} numbers call otherwise than these do, in the printed order, those renumbered
     * first (the page and the form call them by another number; what is gone they merely leave out): a thing in both whose
     * full number differs by its own number or its parent (a problem of an area renumbered keeps its "1.": the
     * area's change says it), and a thing printed that is no longer shown, unless its parent is not either (an
     * area cancelled with its problems is one change). What was added since has no printed number to differ from.
     */
    List<Change> since(PublicNumbers printed, Set<UUID> cancelled) {
        Map<UUID, Item> now = byId();
        Map<UUID, Item> before = printed.byId();
        List<Change> changes = new ArrayList<>();
        List<Change> gone = new ArrayList<>();
        for (Item item : printed.items()) {
            Item current = now.get(item.id());
            if (current == null) {
                if (item.parent() == null || now.containsKey(item.parent())) {
                    gone.add(new Change(printed.label(item, before), item.title(), null, cancelled.contains(item.id())));
                }
            } else if (current.number() != item.number() || !Objects.equals(current.parent(), item.parent())) {
                String was = printed.label(item, before);
                String is = label(current, now);
                if (!was.equals(is)) {
                    changes.add(new Change(was, current.title(), is, false));
                }
            }
        }
        changes.addAll(gone);
        return changes;
    }

    /** The full number as the public reads it: （一）, （一）3., （一）3.二是. */
    private String label(Item item, Map<UUID, Item> byId) {
        String own = switch (item.kind()) {
            case AREA -> "（" + ChineseNumerals.of(item.number()) + "）";
            case PROBLEM -> item.number() + ".";
            case MEASURE -> ChineseNumerals.of(item.number()) + "是";
        };
        Item parent = item.parent() == null ? null : byId.get(item.parent());
        return parent == null ? own : label(parent, byId) + own;
    }

    private Map<UUID, Item> byId() {
        return items.stream().collect(Collectors.toMap(Item::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }
}
