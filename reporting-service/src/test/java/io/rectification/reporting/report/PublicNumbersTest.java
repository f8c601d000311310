package io.rectification.reporting.report;

import io.rectification.reporting.report.PublicNumbers.Change;
import io.rectification.reporting.report.PublicNumbers.Item;
import io.rectification.reporting.report.PublicNumbers.Kind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.rectification.reporting.report.SectionTwoReports.withMeasures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * What the draft says when the numbers the version in force printed are no longer those the progress page and
 * the feedback form give (they number what stands now): a renumbered area, finding or measure, and one
 * cancelled since; not what was added since, nor what is under an area or problem named already.
 */
@Tag("fast")
class PublicNumbersTest {

    final UUID area1 = UUID.randomUUID();
    final UUID area2 = UUID.randomUUID();
    final UUID area3 = UUID.randomUUID();
    final UUID p11 = UUID.randomUUID();
    final UUID p12 = UUID.randomUUID();
    final UUID p13 = UUID.randomUUID();
    final UUID p21 = UUID.randomUUID();
    final UUID t1 = UUID.randomUUID();
    final UUID t2 = UUID.randomUUID();
    final UUID t3 = UUID.randomUUID();

    /** As version 1 printed it: （一） with 1.（一是 二是 三是）, 2., 3.; （二） with 1.; （三）. */
    PublicNumbers printed() {
        return new PublicNumbers(List.of(
                area(area1, 1, "政治监督方面"),
                problem(p11, area1, 1, "营商环境问题"),
                measure(t1, p11, 1, "强化服务意识"), measure(t2, p11, 2, "误录入的任务"), measure(t3, p11, 3, "压缩审批时限"),
                problem(p12, area1, 2, "误录入的问题"),
                problem(p13, area1, 3, "项目监管问题"),
                area(area2, 2, "误录入的方面"),
                problem(p21, area2, 1, "误录入方面的问题"),
                area(area3, 3, "作风建设方面")));
    }

    @Test
    void whatIsRenumberedOrCancelledSinceIsNamedInTheOrderTheVersionPrintedIt() {
        // the middle task, problem and area cancelled; a new area added at the end
        PublicNumbers now = new PublicNumbers(List.of(
                area(area1, 1, "政治监督方面"),
                problem(p11, area1, 1, "营商环境问题"),
                measure(t1, p11, 1, "强化服务意识"), measure(t3, p11, 2, "压缩审批时限"),
                problem(p13, area1, 2, "项目监管问题"),
                area(area3, 2, "作风建设方面"),
                area(UUID.randomUUID(), 3, "新增的方面")));
        List<Change> changes = now.since(printed(), Set.of(t2, p12, area2, p21));
        assertEquals(List.of(
                new Change("（一）1.三是", "压缩审批时限", "（一）1.二是", false),
                new Change("（一）3.", "项目监管问题", "（一）2.", false),
                new Change("（三）", "作风建设方面", "（二）", false),
                new Change("（一）1.二是", "误录入的任务", null, true),
                new Change("（一）2.", "误录入的问题", null, true),
                // its problem is not named apart: the area was cancelled with it
                new Change("（二）", "误录入的方面", null, true)), changes);

        List<ReportChecks.Finding> notice = ReportChecks.renumbered(1, printed(), now, Set.of(t2, p12, area2, p21));
        assertEquals(1, notice.size());
        assertEquals("numbering", notice.get(0).field());
        assertEquals("自第1版公布以来，编号已有变化：（一）1.三是“压缩审批时限”现为（一）1.二是；（一）3.“项目监管问题”现为（一）2.；"
                + "（三）“作风建设方面”现为（二）等，共6处。公布新版本后，整改进展页面和意见建议表单的编号将与全文一致。",
                notice.get(0).text());
    }

    @Test
    void aFindingKeepsItsNumberUnderItsRenumberedAreaAndOneMovedIsNamedWhenItsFullNumberChanged() {
        UUID p31 = UUID.randomUUID();
        List<Item> before = new ArrayList<>(printed().items());
        before.add(problem(p31, area3, 1, "文山会海问题"));
        // （二） cancelled: （三） is （二） now, its 1. (（二）1. before: （三）1.) is named by the area's change;
        // the problem of （二） moved to （一） as 4. is named, one moved where it reads as before would not be
        PublicNumbers now = new PublicNumbers(List.of(
                area(area1, 1, "政治监督方面"),
                problem(p11, area1, 1, "营商环境问题"),
                measure(t1, p11, 1, "强化服务意识"), measure(t2, p11, 2, "误录入的任务"), measure(t3, p11, 3, "压缩审批时限"),
                problem(p12, area1, 2, "误录入的问题"),
                problem(p13, area1, 3, "项目监管问题"),
                problem(p21, area1, 4, "误录入方面的问题"),
                area(area3, 2, "作风建设方面"),
                problem(p31, area3, 1, "文山会海问题")));
        assertEquals(List.of(new Change("（二）1.", "误录入方面的问题", "（一）4.", false),
                new Change("（三）", "作风建设方面", "（二）", false),
                new Change("（二）", "误录入的方面", null, true)), now.since(new PublicNumbers(before), Set.of(area2)));

        PublicNumbers movedAlike = new PublicNumbers(List.of(area(area3, 2, "作风建设方面"),
                problem(p21, area3, 1, "误录入方面的问题")));
        PublicNumbers printedAlike = new PublicNumbers(List.of(area(area2, 2, "误录入的方面"),
                problem(p21, area2, 1, "误录入方面的问题"), area(area3, 3, "作风建设方面")));
        assertEquals(List.of(new Change("（三）", "作风建设方面", "（二）", false),
                new Change("（二）", "误录入的方面", null, false)), movedAlike.since(printedAlike, Set.of()));
    }

    @Test
    void numbersAsPrintedSayNothingNorDoesAVersionThatKeptNone() {
        assertEquals(List.of(), ReportChecks.renumbered(2, printed(), printed(), Set.of()));
        assertEquals(List.of(), ReportChecks.renumbered(1, null, printed(), Set.of(t2)));
        // a thing gone that was not cancelled is not called cancelled
        PublicNumbers without = new PublicNumbers(printed().items().stream().filter(i -> !i.id().equals(area3)).toList());
        assertEquals("自第3版公布以来，编号已有变化：（三）“作风建设方面”已不在第二部分。公布新版本后，整改进展页面和意见建议表单的编号将与全文一致。",
                ReportChecks.renumbered(3, printed(), without, Set.of()).get(0).text());
    }

    @Test
    void aDocumentsNumbersAreKeptAsJsonAndReadBack() {
        ReportDocument report = withMeasures(SectionTwoReports.measure(1, "强化服务意识", "按整改方案推进。", "IN_PROGRESS", 40),
                SectionTwoReports.measure(2, "压缩审批时限", "按整改方案推进。", "IN_PROGRESS", 40));
        PublicNumbers numbers = PublicNumbers.of(report);
        assertEquals(List.of(Kind.AREA, Kind.PROBLEM, Kind.MEASURE, Kind.MEASURE),
                numbers.items().stream().map(Item::kind).toList());
        assertEquals(3, numbers.items().get(0).number());
        assertEquals(report.areas().get(0).problems().get(0).problemId(), numbers.items().get(2).parent());
        assertEquals(numbers, PublicNumbers.ofStored(numbers.json()));
        assertNotEquals(numbers, PublicNumbers.ofStored(printed().json()));
    }

    private static Item area(UUID id, int number, String title) {
        return new Item(Kind.AREA, id, null, number, title);
    }

    private static Item problem(UUID id, UUID area, int number, String title) {
        return new Item(Kind.PROBLEM, id, area, number, title);
    }

    private static Item measure(UUID id, UUID problem, int number, String title) {
        return new Item(Kind.MEASURE, id, problem, number, title);
    }
}
