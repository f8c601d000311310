package io.rectification.reporting.notice;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rectification.platform.contract.EventContract;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.rectification.reporting.people.PersonNames;
import io.rectification.reporting.support.ReportingConfig;
import io.rectification.reporting.todo.FeedbackTitle;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The notices' own wording uses full-width punctuation as the report's does; what users wrote is kept as written.
 * A reader knows what a notice is about without opening the system: the task by the plan's numbering,
 * people by the names the directory gives them, an overdue task with how many days (calendar days in
 * Asia/Shanghai, as of the moment the mail is written).
 */
@Tag("fast")
class NoticeTextsTest {

    /** ASCII punctuation beside a Chinese character, on either side (as ReportPunctuationTest). */
    static final Pattern ASCII_BESIDE_CHINESE = Pattern.compile("[\\p{IsHan}“”。】][,:;()!?]|[,:;()!?][\\p{IsHan}“”【]");

    /** The directory's display names: dzb and ducha are known, anyone else is named as the event named them. */
    static final PersonNames NAMES = new PersonNames(Map.of("dzb", "李科长（党政办公室）", "ducha", "陈组长（督查）")::get);

    final NoticeTexts texts = texts("2025-04-05T02:00:00Z");

    static NoticeTexts texts(String now) {
        return new NoticeTexts((NoticeConfig) Proxy.newProxyInstance(NoticeConfig.class.getClassLoader(),
                new Class<?>[] {NoticeConfig.class}, (proxy, method, args) ->
                        "consoleUrl".equals(method.getName()) ? "http://127.0.0.1:8180/console" : null),
                NAMES, new ReportingConfig(Clock.fixed(Instant.parse(now), ZoneId.of("Asia/Shanghai"))));
    }

    /** The facts as a cause records them, from JSON as stored (members a kind does not carry left out or null). */
    static NoticeTexts.Text render(NoticeTexts texts, NoticeKind kind, ObjectNode facts) {
        return texts.render(kind, EventContract.fromJson(facts.toString(), NoticeFacts.class));
    }

    static ObjectNode taskFacts(String title, String reason) {
        return JsonNodeFactory.instance.objectNode().put("id", "3f1c2a4e-0000-4000-8000-000000000001").put("number", "3")
                .put("label", "（一）2.三是")
                .put("title", title).put("responsibleUnit", "党政办公室").put("deadline", "2025-03-31")
                .put("claimedBy", "dzb").put("rejectedBy", "ducha").put("reason", reason).put("dueDate", "2025-03-31")
                .put("what", "TASK").put("reopenedBy", "ducha").put("previousDeadline", "2024-12-31").put("changedBy", "zhengban");
    }

    /** A complaint by letter, registered without its time (00:00 on 20 March in Beijing, the day alone). */
    static ObjectNode feedbackFacts() {
        return JsonNodeFactory.instance.objectNode().put("feedbackId", "9a8b7c6d-0000-4000-8000-000000000002")
                .put("category", "COMPLAINT").put("replyDueDate", "2025-04-02").put("daysOverdue", 3)
                .put("channel", "POST").put("receivedAt", "2025-03-20T00:00:00+08:00").put("receivedTimeGiven", false);
    }

    /** How the 待办 list names {@link #feedbackFacts()}. */
    static final String FEEDBACK_TITLE = "群众反映（投诉） · 来信 · 2025年3月20日收到";

    /** Eight hex digits on their own: a UUID's first group, as the subjects once showed it, or a whole UUID's. */
    static final Pattern UUID_OR_ITS_HEAD = Pattern.compile("(?<![0-9a-fA-F])[0-9a-fA-F]{8}(?![0-9a-fA-F])");

    @Test
    void everyNoticeIsWordedWithFullWidthPunctuation() {
        for (NoticeKind kind : NoticeKind.values()) {
            ObjectNode facts = kind.name().startsWith("FEEDBACK") ? feedbackFacts() : taskFacts("清理违规占用办公用房", "佐证材料不足");
            NoticeTexts.Text text = render(texts, kind, facts);
            String all = text.subject() + "\n" + text.body();
            Matcher ascii = ASCII_BESIDE_CHINESE.matcher(all);
            assertFalse(ascii.find(), () -> kind + ": ASCII punctuation at '" + all.substring(Math.max(0, ascii.start() - 10),
                    Math.min(all.length(), ascii.end() + 10)) + "' in:\n" + all);
        }
        NoticeTexts.Text overdue = render(texts, NoticeKind.TASK_OVERDUE, taskFacts("清理违规占用办公用房", "x"));
        assertEquals("【任务逾期】任务（一）2.三是：清理违规占用办公用房（已逾期5天）", overdue.subject());
        assertTrue(overdue.body().startsWith("以下整改任务已超过完成时限（2025年3月31日），已逾期5天，请尽快推进并报送进展。\n"
                + "\n任务：（一）2.三是 清理违规占用办公用房\n责任单位：党政办公室\n完成时限：2025年3月31日"
                + "\n查看任务：http://127.0.0.1:8180/console/tasks/3f1c2a4e-0000-4000-8000-000000000001"), overdue.body());
        assertTrue(overdue.body().endsWith("自动发送，请勿回复。不需要此类通知的，可在工作台“通知设置”中关闭。"), overdue.body());
        assertTrue(render(texts, NoticeKind.FEEDBACK_REPLY_OVERDUE, feedbackFacts()).body()
                .startsWith("一件群众反映的答复期限为2025年4月2日，已逾期3天，请尽快答复。\n\n反映：" + FEEDBACK_TITLE
                        + "\n答复期限：2025年4月2日\n"));
    }

    @Test
    void aReplyNoticeLinksToTheFeedbackInTheConsole() {
        for (NoticeKind kind : new NoticeKind[] {NoticeKind.FEEDBACK_REPLY_DUE_SOON, NoticeKind.FEEDBACK_REPLY_OVERDUE}) {
            String body = render(texts, kind, feedbackFacts()).body();
            assertTrue(body.contains("\n办理：http://127.0.0.1:8180/console/feedback/9a8b7c6d-0000-4000-8000-000000000002\n"),
                    kind + ": " + body);
        }
    }

    @Test
    void aFeedbackNotYetTriagedIsNamedUncategorised() {
        assertEquals("【群众反映答复临近期限】群众反映（未分类） · 来信 · 2025年3月20日收到（还有2天）", render(texts,
                NoticeKind.FEEDBACK_REPLY_DUE_SOON, feedbackFacts().putNull("category").put("replyDueDate", "2025-04-07")).subject());
        assertEquals("【群众反映答复逾期】" + FEEDBACK_TITLE + "（已逾期3天）",
                render(texts, NoticeKind.FEEDBACK_REPLY_OVERDUE, feedbackFacts()).subject());
    }

    /**
     * A handler cannot tell feedback apart by a UUID: a reply deadline's subject and body name the feedback as the
     * 待办 list and the digest do (todo.FeedbackTitle: category · channel · when received, with the time when it was
     * given), and show no UUID, nor the head of one; the id is in the link to its page alone.
     */
    @Test
    void aReplyNoticeNamesTheFeedbackAsTheTodoListDoesAndShowsNoUuid() {
        ObjectNode call = feedbackFacts().put("category", "MISCONDUCT_REPORT").put("channel", "PHONE")
                .put("receivedAt", "2025-03-20T06:05:00Z").put("receivedTimeGiven", true);
        String todoTitle = FeedbackTitle.of("MISCONDUCT_REPORT", "PHONE", OffsetDateTime.parse("2025-03-20T06:05:00Z"), true,
                ZoneId.of("Asia/Shanghai"));
        assertEquals("群众反映（举报） · 电话 · 2025年3月20日 14:05收到", todoTitle);
        for (NoticeKind kind : new NoticeKind[] {NoticeKind.FEEDBACK_REPLY_DUE_SOON, NoticeKind.FEEDBACK_REPLY_OVERDUE}) {
            for (ObjectNode facts : new ObjectNode[] {call, feedbackFacts()}) {
                NoticeTexts.Text text = render(texts, kind, facts.deepCopy().put("inspection", "省委第七巡视组专项巡视沈阳高新区"));
                String title = facts == call ? todoTitle : FEEDBACK_TITLE;
                assertTrue(text.subject().matches("【[^】]+】［省委第七巡视组专项巡视沈阳高新区］\\Q" + title + "\\E（[^）]+）"),
                        text.subject());
                assertTrue(text.body().contains("\n所属巡视：省委第七巡视组专项巡视沈阳高新区\n反映：" + title + "\n答复期限："),
                        text.body());
                assertFalse(text.body().contains("反映编号") || text.body().contains("类别："), text.body());
                String link = "\n办理：http://127.0.0.1:8180/console/feedback/9a8b7c6d-0000-4000-8000-000000000002\n";
                assertTrue(text.body().contains(link), text.body());
                String shown = text.subject() + "\n" + text.body().replace(link, "\n");
                assertFalse(UUID_OR_ITS_HEAD.matcher(shown).find(), shown);
            }
        }
        // a cause recorded before the facts said how the feedback came: its category alone, still no UUID
        ObjectNode older = JsonNodeFactory.instance.objectNode().put("feedbackId", "9a8b7c6d-0000-4000-8000-000000000002")
                .put("category", "COMPLAINT").put("replyDueDate", "2025-04-02").put("daysOverdue", 3);
        assertEquals("【群众反映答复逾期】群众反映（投诉）（已逾期3天）", render(texts, NoticeKind.FEEDBACK_REPLY_OVERDUE, older).subject());
    }

    @Test
    void whatUsersWroteIsNotRewritten() {
        NoticeTexts.Text rejected = render(texts, NoticeKind.COMPLETION_REJECTED,
                taskFacts("清理办公用房,腾退面积(平方米)", "佐证材料不足:缺少验收单"));
        assertTrue(rejected.subject().endsWith("任务（一）2.三是：清理办公用房,腾退面积(平方米)"), rejected.subject());
        assertTrue(rejected.body().contains("\n退回理由：佐证材料不足:缺少验收单\n"), rejected.body());
    }

    @Test
    void peopleAreNamedAsTheDirectoryNamesThem() {
        String claim = render(texts, NoticeKind.CLAIM_TO_VERIFY, taskFacts("清理违规占用办公用房", null)).body();
        assertTrue(claim.contains("\n申请人：李科长（党政办公室）\n"), claim);
        assertFalse(claim.contains("dzb"), claim);
        String rejected = render(texts, NoticeKind.COMPLETION_REJECTED, taskFacts("清理违规占用办公用房", "佐证材料不足")).body();
        assertTrue(rejected.contains("\n退回人：陈组长（督查）\n退回理由：佐证材料不足\n"), rejected);
        // someone the directory does not know (left, or another realm): the name the event gave
        String unknown = render(texts, NoticeKind.CLAIM_TO_VERIFY, taskFacts("清理违规占用办公用房", null).put("claimedBy", "wanglei"))
                .body();
        assertTrue(unknown.contains("\n申请人：wanglei\n"), unknown);
    }

    @Test
    void daysOverdueAreCalendarDaysInBeijingAcrossMidnightAndAMonthEnd() {
        ObjectNode facts = taskFacts("清理违规占用办公用房", null).put("deadline", "2025-02-28").put("dueDate", "2025-02-28");
        // 1 March 00:00:30 in Beijing is still 28 February in UTC: already one day overdue
        assertTrue(render(texts("2025-02-28T16:00:30Z"), NoticeKind.TASK_OVERDUE, facts).subject().endsWith("（已逾期1天）"));
        assertTrue(render(texts("2025-03-01T15:59:59Z"), NoticeKind.TASK_OVERDUE, facts).subject().endsWith("（已逾期1天）"));
        assertTrue(render(texts("2025-03-01T16:00:00Z"), NoticeKind.TASK_OVERDUE, facts).subject().endsWith("（已逾期2天）"));
        // not yet past (an event ahead of this service's clock): no count rather than 逾期0天
        NoticeTexts.Text early = render(texts("2025-02-28T15:59:59Z"), NoticeKind.TASK_OVERDUE, facts);
        assertEquals("【任务逾期】任务（一）2.三是：清理违规占用办公用房", early.subject());
        assertTrue(early.body().startsWith("以下整改任务已超过完成时限（2025年2月28日），请尽快推进并报送进展。"), early.body());
    }

    @Test
    void aReplyDeadlineSaysHowSoonInTheSameWordsAndTheSameDaysAsATask() {
        ObjectNode facts = feedbackFacts().put("replyDueDate", "2025-02-28").put("daysOverdue", 0);
        // the count is the mail's, not the event's (0 when feedback-service sent it): 1 March 00:00:30 in Beijing
        NoticeTexts.Text late = render(texts("2025-02-28T16:00:30Z"), NoticeKind.FEEDBACK_REPLY_OVERDUE, facts);
        assertTrue(late.subject().endsWith("（已逾期1天）"), late.subject());
        assertTrue(late.body().startsWith("一件群众反映的答复期限为2025年2月28日，已逾期1天，请尽快答复。"), late.body());
        NoticeTexts.Text today = render(texts("2025-02-28T15:59:59Z"), NoticeKind.FEEDBACK_REPLY_DUE_SOON, facts);
        assertTrue(today.subject().endsWith("（今日到期）"), today.subject());
        assertTrue(today.body().startsWith("一件群众反映的答复期限为2025年2月28日，今日到期，请按时答复。"), today.body());
    }

    @Test
    void aStageGoalIsNamedWithItsTask() {
        ObjectNode facts = taskFacts("清理违规占用办公用房", null).put("what", "MILESTONE").put("stageGoal", "完成首批清退")
                .put("dueDate", "2025-03-20");
        NoticeTexts.Text text = render(texts, NoticeKind.TASK_OVERDUE, facts);
        assertEquals("【任务逾期】任务（一）2.三是：清理违规占用办公用房（阶段目标已逾期16天）", text.subject());
        assertTrue(text.body().startsWith("以下整改任务的阶段目标“完成首批清退”已超过时限（2025年3月20日），已逾期16天，请尽快推进并报送进展。\n"),
                text.body());
    }

    /** Finding 3 of the consistency review: a reopening and a moved deadline reach the unit, saying why. */
    @Test
    void aReopeningAndAMovedDeadlineTellTheUnitWhatToDoAndWhy() {
        NoticeTexts.Text reopened = render(texts, NoticeKind.TASK_REOPENED, taskFacts("规范公务用车管理", "抽查发现3辆车未入库"));
        assertEquals("【再整改】任务（一）2.三是：规范公务用车管理", reopened.subject());
        assertTrue(reopened.body().startsWith("以下整改任务经“回头看”复查发现问题反弹，已重新列入整改（再整改）。"
                + "请按复查意见重新整改，并报送整改进展。\n\n任务：（一）2.三是 规范公务用车管理\n责任单位：党政办公室"), reopened.body());
        // the rework's deadline, set by the review, and the close-out's it replaced
        assertTrue(reopened.body().contains("\n完成时限：2025年3月31日\n原完成时限：2024年12月31日\n复查人：陈组长（督查）\n复查意见：抽查发现3辆车未入库\n"),
                reopened.body());
        // a reopening before the rework had a deadline of its own (or one that kept it) says no 原完成时限
        ObjectNode kept = taskFacts("规范公务用车管理", "抽查发现3辆车未入库");
        kept.remove("previousDeadline");
        assertFalse(render(texts, NoticeKind.TASK_REOPENED, kept).body().contains("原完成时限"));

        NoticeTexts.Text later = render(texts, NoticeKind.DEADLINE_CHANGED, taskFacts("规范公务用车管理", "经领导小组研究同意延期"));
        assertEquals("【完成时限调整】任务（一）2.三是：规范公务用车管理（2024年12月31日调整为2025年3月31日）", later.subject());
        assertTrue(later.body().startsWith("以下整改任务的完成时限已延后（原完成时限2024年12月31日，现为2025年3月31日），请按新的时限推进整改。\n"),
                later.body());
        // the coordinator as the directory names them (zhengban is not listed here: the username)
        assertTrue(later.body().contains("\n完成时限：2025年3月31日\n原完成时限：2024年12月31日\n调整人：zhengban\n调整理由：经领导小组研究同意延期\n"),
                later.body());
        NoticeTexts.Text earlier = render(texts, NoticeKind.DEADLINE_CHANGED,
                taskFacts("规范公务用车管理", null).put("previousDeadline", "2025-06-30"));
        assertTrue(earlier.body().startsWith("以下整改任务的完成时限已调整（原完成时限2025年6月30日，现为2025年3月31日）"), earlier.body());
        assertFalse(earlier.body().contains("调整理由"), earlier.body());
    }

    /** 延期申请 refused: the unit reads the date it asked for, who decided and why, and that its deadline stands. */
    @Test
    void aRefusedExtensionRequestSaysTheDateAskedForWhoRefusedAndWhy() {
        NoticeTexts.Text refused = render(texts, NoticeKind.DEADLINE_EXTENSION_REFUSED,
                taskFacts("规范公务用车管理", "现有时限内可以完成").put("requestedDeadline", "2025-06-30").put("rejectedBy", "zhengban"));
        assertEquals("【延期申请未获同意】任务（一）2.三是：规范公务用车管理", refused.subject());
        assertTrue(refused.body().startsWith("以下整改任务的延期申请未获整改办同意，完成时限不变，请按原完成时限推进整改。\n"
                + "\n任务：（一）2.三是 规范公务用车管理\n责任单位：党政办公室\n完成时限：2025年3月31日\n申请延至：2025年6月30日"
                + "\n审批人：zhengban\n不同意理由：现有时限内可以完成\n"), refused.body());
    }

    /**
     * tasks-service numbers a 群众反映 problem in its area's one sequence: （一）2. of a complaint is no
     * finding of the inspection's notice, so its task says its source before the numbering (the
     * console's 群众反映（一）2.三是); a finding's reads as it always did.
     */
    @Test
    void aTaskOfAProblemThatIsNoFindingSaysItsSourceBeforeItsNumbering() {
        NoticeTexts.Text claim = render(texts, NoticeKind.CLAIM_TO_VERIFY,
                taskFacts("整治园区道路积水", null).put("taskSource", "FEEDBACK"));
        assertEquals("【销号待核验】群众反映任务（一）2.三是：整治园区道路积水", claim.subject());
        assertTrue(claim.body().contains("\n任务：群众反映（一）2.三是 整治园区道路积水\n"), claim.body());
        NoticeTexts.Text overdue = render(texts, NoticeKind.TASK_OVERDUE, taskFacts("深挖同类问题", null).put("taskSource", "ANALOGY"));
        assertEquals("【任务逾期】举一反三任务（一）2.三是：深挖同类问题（已逾期5天）", overdue.subject());
        ObjectNode unknown = taskFacts("整治园区道路积水", null).put("taskSource", "FEEDBACK");
        unknown.remove("label");
        assertEquals("【销号待核验】群众反映任务3：整治园区道路积水", render(texts, NoticeKind.CLAIM_TO_VERIFY, unknown).subject());

        NoticeTexts.Text finding = render(texts, NoticeKind.CLAIM_TO_VERIFY,
                taskFacts("清理违规占用办公用房", null).put("taskSource", "PLAN"));
        assertEquals("【销号待核验】任务（一）2.三是：清理违规占用办公用房", finding.subject());
        assertTrue(finding.body().contains("\n任务：（一）2.三是 清理违规占用办公用房\n"), finding.body());
    }

    @Test
    void aTaskWhoseAreaOrProblemIsNotKnownHereIsNamedByItsOwnNumber() {
        ObjectNode facts = taskFacts("清理违规占用办公用房", null);
        facts.remove("label");
        assertEquals("【销号待核验】任务3：清理违规占用办公用房", render(texts, NoticeKind.CLAIM_TO_VERIFY, facts).subject());
    }
    /**
     * The unit learns its claim went through as it learns of a rejection: 销号 with the verifier's note,
     * or 核实转入巩固 with the requirements for consolidation; and which inspection the task is of, for an
     * officer with tasks of two inspections numbered alike.
     */
    @Test
    void aVerifiedClaimTellsTheUnitClosedOutOrConsolidatingWithTheVerifiersNote() {
        ObjectNode facts = taskFacts("规范党工委会议记录", "会议记录台账齐全，予以销号").put("what", "VERIFIED")
                .put("verifiedBy", "ducha").put("inspection", "市委第九巡视组对高新区党工委常规巡视");
        NoticeTexts.Text closed = render(texts, NoticeKind.TASK_CLOSED_OUT, facts);
        // the inspection in the subject too, cut to 16 characters
        assertEquals("【已销号】［市委第九巡视组对高新区党工委常…］任务（一）2.三是：规范党工委会议记录", closed.subject());
        assertTrue(closed.body().startsWith("以下整改任务经核实已销号。销号后将按规定开展“回头看”，请巩固整改成效、防止问题反弹。\n"
                + "\n任务：（一）2.三是 规范党工委会议记录\n所属巡视：市委第九巡视组对高新区党工委常规巡视\n责任单位：党政办公室"
                + "\n完成时限：2025年3月31日\n核实人：陈组长（督查）\n核实意见：会议记录台账齐全，予以销号\n"), closed.body());

        NoticeTexts.Text consolidating = render(texts, NoticeKind.TASK_CLOSED_OUT, facts.put("what", "CONSOLIDATING")
                .put("reason", "持续跟踪2025年度指标"));
        assertEquals("【转入巩固】［市委第九巡视组对高新区党工委常…］任务（一）2.三是：规范党工委会议记录", consolidating.subject());
        assertTrue(consolidating.body().contains("已转入巩固提升阶段（已销号（巩固中））"), consolidating.body());
        assertTrue(consolidating.body().contains("\n核实人：陈组长（督查）\n巩固提升要求：持续跟踪2025年度指标\n"), consolidating.body());
        // a verification without a note, and facts recorded before the inspection was named: no empty lines
        NoticeTexts.Text bare = render(texts, NoticeKind.TASK_CLOSED_OUT, taskFacts("规范党工委会议记录", null).put("what", "VERIFIED"));
        assertFalse(bare.body().contains("核实意见") || bare.body().contains("所属巡视"), bare.body());
        assertEquals("【已销号】任务（一）2.三是：规范党工委会议记录", bare.subject());
    }

    /**
     * With several inspections running, a subject says which one a notice concerns, after its tag: the
     * inspection's title, whole up to 16 characters, longer ones cut with …; a feedback's reply deadline
     * names the inspection it came in for, in the body as well.
     */
    @Test
    void aSubjectNamesTheInspectionAfterItsTagShortened() {
        assertEquals("［省委第七巡视组专项巡视沈阳高新区］", NoticeTexts.inspectionMark("省委第七巡视组专项巡视沈阳高新区"));
        assertEquals("［一二三四五六七八九十一二三四五六］", NoticeTexts.inspectionMark("一二三四五六七八九十一二三四五六"));
        assertEquals("［一二三四五六七八九十一二三四五…］", NoticeTexts.inspectionMark("一二三四五六七八九十一二三四五六七"));
        assertEquals("", NoticeTexts.inspectionMark(null));
        assertEquals("", NoticeTexts.inspectionMark(" "));

        NoticeTexts.Text claim = render(texts, NoticeKind.CLAIM_TO_VERIFY, taskFacts("清理违规占用办公用房", null)
                .put("inspection", "省委第七巡视组专项巡视沈阳高新区"));
        assertEquals("【销号待核验】［省委第七巡视组专项巡视沈阳高新区］任务（一）2.三是：清理违规占用办公用房", claim.subject());
        NoticeTexts.Text overdue = render(texts, NoticeKind.FEEDBACK_REPLY_OVERDUE, feedbackFacts()
                .put("inspection", "省委第七巡视组专项巡视沈阳高新区"));
        assertEquals("【群众反映答复逾期】［省委第七巡视组专项巡视沈阳高新区］" + FEEDBACK_TITLE + "（已逾期3天）", overdue.subject());
        assertTrue(overdue.body().contains("，请尽快答复。\n\n所属巡视：省委第七巡视组专项巡视沈阳高新区\n反映：" + FEEDBACK_TITLE + "\n"),
                overdue.body());
    }

    /**
     * A notice held through the quiet hours (免打扰) keeps its words; one whose words count days from the
     * day it arose (已逾期N天, 还有N天, 今日到期) and that goes out on a later day says when it arose, so its
     * count is read as of then. One that arose after midnight goes out the same day: nothing to say.
     */
    @Test
    void aNoticeHeldOverMidnightThatCountsDaysSaysWhenItAroseAndIsOtherwiseUnchanged() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        ZonedDateTime newYearMorning = ZonedDateTime.of(2027, 1, 1, 8, 0, 0, 0, shanghai);
        ObjectNode facts = taskFacts("规范公务接待", null).put("dueDate", "2026-12-30");
        NoticeTexts eve = texts("2026-12-31T15:59:00Z"); // 23:59 on 31 December in Beijing

        NoticeTexts.Text atOnce = render(eve, NoticeKind.TASK_OVERDUE, facts);
        NoticeTexts.Text held = eve.render(NoticeKind.TASK_OVERDUE, EventContract.fromJson(facts.toString(), NoticeFacts.class),
                newYearMorning);
        assertEquals(atOnce.subject(), held.subject());
        assertTrue(atOnce.subject().endsWith("（已逾期1天）"), atOnce.subject());
        assertEquals("（夜间免打扰：本通知于2026年12月31日23:59产生，延至2027年1月1日8:00发送，文中天数按2026年12月31日计算。）\n\n"
                + atOnce.body(), held.body());

        ObjectNode reply = feedbackFacts().put("replyDueDate", "2026-12-31");
        NoticeTexts.Text dueToday = eve.render(NoticeKind.FEEDBACK_REPLY_DUE_SOON,
                EventContract.fromJson(reply.toString(), NoticeFacts.class), newYearMorning);
        assertTrue(dueToday.body().startsWith("（夜间免打扰：本通知于2026年12月31日23:59产生"), dueToday.body());
        assertTrue(dueToday.body().contains("，今日到期，"), dueToday.body());

        // no days counted: nothing to read as of another day
        NoticeTexts.Text claim = eve.render(NoticeKind.CLAIM_TO_VERIFY, EventContract.fromJson(facts.toString(), NoticeFacts.class),
                newYearMorning);
        assertEquals(render(eve, NoticeKind.CLAIM_TO_VERIFY, facts), claim);

        // arose at midnight, sent at 08:00 the same day: its count is still that day's
        NoticeTexts midnight = texts("2026-12-31T16:00:00Z");
        assertEquals(render(midnight, NoticeKind.TASK_OVERDUE, facts), midnight.render(NoticeKind.TASK_OVERDUE,
                EventContract.fromJson(facts.toString(), NoticeFacts.class), newYearMorning));
    }

    /** The kinds whose words count days are the ones a held notice's note is for (NoticeTexts.COUNTS_DAYS). */
    @Test
    void exactlyTheKindsThatCountDaysSayHowSoon() {
        Pattern dueWords = Pattern.compile("今日到期|还有\\d+天|已逾期\\d+天");
        for (NoticeKind kind : NoticeKind.values()) {
            ObjectNode facts = kind.name().startsWith("FEEDBACK") ? feedbackFacts() : taskFacts("清理违规占用办公用房", "佐证材料不足");
            NoticeTexts.Text text = render(texts, kind, facts);
            assertEquals(NoticeTexts.COUNTS_DAYS.contains(kind), dueWords.matcher(text.subject() + text.body()).find(),
                    kind + ": " + text.subject());
        }
    }
}
