package io.rectification.reporting.notice;

import io.rectification.reporting.notice.NoticeTexts.Text;

import java.util.List;
import java.util.Map;

/**
 * The words of one mail that stands for several notices of one kind to one person (a burst: 261
 * 【销号待核验】 in a minute when a plan's tasks are claimed together, or the night's notices when the quiet
 * hours end; {@link MailDelivery}). Made from the notices as they were written ({@link NoticeTexts}), so
 * it says nothing they did not: the subject is their tag with how many, and the inspection when all are
 * of one; the body lists each in the order written, one numbered block apiece (its lines, its link),
 * with the first line they all share (以下整改任务已申请销号，请核实。) said once above them, and the footer
 * once at the end.
 */
final class CombinedNoticeText {

    /** A kind whose notices carry two tags (TASK_CLOSED_OUT: 已销号, 转入巩固), when a burst has both. */
    private static final Map<NoticeKind, String> MIXED = Map.of(NoticeKind.TASK_CLOSED_OUT, "项任务经核实销号或转入巩固");

    private static final String INDENT = "   ";

    private CombinedNoticeText() {
    }

    /** @param notices two or more notices of {@code kind} to one person, in the order they were written */
    static Text of(NoticeKind kind, List<Text> notices) {
        return new Text(subject(kind, notices), body(notices, tag(kind, notices)));
    }

    /** 【销号待核验】［省委第七巡视组专项巡视沈阳高新区］12项任务待核验; no inspection when they are of several. */
    static String subject(NoticeKind kind, List<Text> notices) {
        String tag = tag(kind, notices);
        String what = NoticeTag.ofMark(tag).filter(t -> tagOf(notices.get(0).subject()).equals(tag))
                .map(t -> t.counted).orElse(MIXED.getOrDefault(kind, "条通知"));
        String inspection = inspectionOf(notices.get(0).subject());
        boolean oneInspection = !inspection.isEmpty()
                && notices.stream().allMatch(n -> inspectionOf(n.subject()).equals(inspection));
        return tag + (oneInspection ? inspection : "") + notices.size() + what;
    }

    private static String body(List<Text> notices, String tag) {
        List<List<String>> items = notices.stream().map(n -> lines(n.body())).toList();
        String first = items.get(0).isEmpty() ? null : items.get(0).get(0);
        boolean shared = first != null && items.stream().allMatch(lines -> !lines.isEmpty() && lines.get(0).equals(first));
        StringBuilder text = new StringBuilder("本邮件合并了").append(notices.size()).append("条").append(tag)
                .append("通知，按产生的先后排列。\n");
        if (shared) {
            text.append(first).append("\n");
        }
        for (int i = 0; i < items.size(); i++) {
            List<String> lines = shared ? items.get(i).subList(1, items.get(i).size()) : items.get(i);
            text.append("\n").append(i + 1).append(". ");
            for (int j = 0; j < lines.size(); j++) {
                text.append(j == 0 ? "" : INDENT).append(lines.get(j)).append("\n");
            }
        }
        return text.append("\n").append(NoticeTexts.FOOTER.strip()).toString();
    }

    /** A notice's lines without its footer and blank lines: the block it is in the combined mail. */
    private static List<String> lines(String body) {
        String text = body.endsWith(NoticeTexts.FOOTER) ? body.substring(0, body.length() - NoticeTexts.FOOTER.length()) : body;
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** The notices' tag when they share one; otherwise the kind's label as a tag (【任务销号】). */
    private static String tag(NoticeKind kind, List<Text> notices) {
        String tag = tagOf(notices.get(0).subject());
        boolean shared = !tag.isEmpty() && notices.stream().allMatch(n -> tagOf(n.subject()).equals(tag));
        return shared ? tag : "【" + kind.label() + "】";
    }

    /** 【销号待核验】 of 【销号待核验】任务…; empty when a subject has none. */
    private static String tagOf(String subject) {
        int end = subject.indexOf('】');
        return subject.startsWith("【") && end > 0 ? subject.substring(0, end + 1) : "";
    }

    /** ［…］ right after the tag ({@link NoticeTexts#inspectionMark}); empty when there is none. */
    private static String inspectionOf(String subject) {
        String rest = subject.substring(tagOf(subject).length());
        int end = rest.indexOf(NoticeTexts.INSPECTION_CLOSE);
        return rest.startsWith(NoticeTexts.INSPECTION_OPEN) && end > 0 ? rest.substring(0, end + 1) : "";
    }
}
