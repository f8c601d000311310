package io.rectification.reporting.report;

import io.rectification.reporting.report.ReportText.Block;
import io.rectification.reporting.report.ReportText.Kind;

import java.util.ArrayList;
import java.util.List;

/**
 * The HTML page's table of contents (目录): a 2,000-task report is some 400 screens long, and a reader
 * looking for one area of section 二 had only the scroll bar. After the opening paragraph, before 一、,
 * the areas （一）（二）… as their headings read, each with how many findings it holds and a link to its
 * heading ({@link ReportText#areaAnchor}); after each area's last finding a discreet 返回目录. Only
 * the page's (and so the PDF's, laid out from it): the Markdown stays the notice's text.
 */
final class ReportContents {

    /** The 目录's heading; also the id it is linked back to by (#contents). */
    static final String HEADING = "目录";
    static final String BACK = "返回目录";

    /** One area as the 目录 lists it: its heading, the id of that heading, and its number of findings. */
    record Entry(String heading, String anchor, int findings) {
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
     * The page's blocks after the title: the 目录's place (a CONTENTS block) before the first section and
     * a BACK block closing each area, when there are areas to list; else the blocks as they are.
     */
    static List<Block> placed(List<Block> body, List<Entry> entries) {
        if (entries.isEmpty()) {
            return body;
        }
        List<Block> placed = new ArrayList<>();
        boolean listed = false;
        boolean inArea = false;
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
            placed.add(block);
            inArea |= block.kind() == Kind.SUBSECTION && isArea(block);
        }
        if (inArea) {
            placed.add(new Block(Kind.BACK, BACK));
        }
        return placed;
    }

    private static boolean isArea(Block block) {
        return block.anchor() != null && block.anchor().startsWith("area-");
    }
}
