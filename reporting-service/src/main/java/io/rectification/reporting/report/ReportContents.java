package io.rectification.reporting.report;

import io.rectification.reporting.report.ReportText.Block;
import io.rectification.reporting.report.ReportText.Kind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTML page's table of contents (目录): a 2,000-task report is some 400 screens long, and a reader
 * looking for one area of section 二 had only the scroll bar. After the opening paragraph, before 一、,
 * the document's sections 一、二、三 as their headings read, and under 二 its areas （一）（二）… each with how
 * many findings it holds, every line a link to its heading (a section's by its place, {@code section-2};
 * an area's by its ledger id, {@link ReportText#areaAnchor}); after each area's last finding a discreet
 * 返回目录. A 目录 of the areas alone, placed above 一、, read as if the document were only section 二. Only
 * the page's (and so the PDF's, laid out from it): the Markdown stays the notice's text.
 */
final class ReportContents {

    /** The 目录's heading; also the id it is linked back to by (#contents). */
    static final String HEADING = "目录";
    static final String BACK = "返回目录";
    private static final String SECTION_ANCHOR = "section-";

    /** One area as the 目录 lists it: its heading, the id of that heading, and its number of findings. */
    record Entry(String heading, String anchor, int findings) {
    }

    /** One section (一、二、三) as the 目录 lists it: its heading, the id of that heading, the areas it heads. */
    record Section(String heading, String anchor, List<Entry> areas) {
    }

    private ReportContents() {
    }

    /** The areas section 二 heads, in its order; a cancelled one is not among them (the assembler leaves it out). */
    static List<Entry> of(ReportDocument report) {
        return report.areas().stream()
                .map(area -> new Entry(ReportText.areaHeading(area), ReportText.areaAnchor(area), area.problems().size()))
                .toList();
    }

    /**
     * The page's blocks after the title: the 目录's place (a CONTENTS block) before the first section, each
     * section's heading with its id ({@code section-1}, by its place: a section has no id of its own, and the
     * three are always there) and a BACK block closing each area, when there are areas to list; else the blocks
     * as they are.
     */
    static List<Block> placed(List<Block> body, List<Entry> entries) {
        if (entries.isEmpty()) {
            return body;
        }
        List<Block> placed = new ArrayList<>();
        boolean listed = false;
        boolean inArea = false;
        int sections = 0;
        for (Block block : body) {
            boolean heading = block.kind() == Kind.SECTION || block.kind() == Kind.SUBSECTION;
            if (heading && inArea) {
                placed.add(new Block(Kind.BACK, BACK));
                inArea = false;
            }
            if (block.kind() == Kind.SECTION && !listed) {
                placed.add(new Block(Kind.CONTENTS, HEADING));
                listed = true;
            }
            placed.add(block.kind() == Kind.SECTION
                    ? new Block(Kind.SECTION, block.text(), block.target(), SECTION_ANCHOR + ++sections) : block);
            inArea |= block.kind() == Kind.SUBSECTION && isArea(block);
        }
        if (inArea) {
            placed.add(new Block(Kind.BACK, BACK));
        }
        return placed;
    }

    /** The 目录's lines: the sections of the {@link #placed} blocks in order, each with the areas it heads. */
    static List<Section> sections(List<Block> placed, List<Entry> entries) {
        Map<String, Entry> areas = new HashMap<>();
        entries.forEach(entry -> areas.put(entry.anchor(), entry));
        List<Section> sections = new ArrayList<>();
        List<Entry> under = null;
        for (Block block : placed) {
            if (block.kind() == Kind.SECTION && block.anchor() != null) {
                under = new ArrayList<>();
                sections.add(new Section(block.text(), block.anchor(), under));
            } else if (under != null && block.kind() == Kind.SUBSECTION && areas.containsKey(block.anchor())) {
                under.add(areas.get(block.anchor()));
            }
        }
        return sections;
    }

    private static boolean isArea(Block block) {
        return block.anchor() != null && block.anchor().startsWith("area-");
    }
}
