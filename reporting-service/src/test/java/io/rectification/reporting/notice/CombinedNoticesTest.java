package io.rectification.reporting.notice;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.contract.EventContract;
import io.rectification.reporting.notice.Mailbox.Received;
import io.rectification.reporting.notice.NoticeTexts.Text;
import io.rectification.reporting.support.ReportingConfig;
import io.rectification.reporting.support.Sql;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A burst of notices of one kind to one person goes as one mail listing them, through the real test mail
 * server (read back over IMAP): notices of other kinds, or to others, go on their own; a combined mail
 * that fails is tried again whole, its notices backing off together. The notices are written as the
 * fan-out writes them (PENDING rows of notice_mail, in the words of {@link NoticeTexts}), all in one
 * statement, so that the running sender finds them together. The quiet hours, which gather the night's
 * notices into one mail at their end: {@code QuietHoursNoticeTest}.
 */
@QuarkusTest
class CombinedNoticesTest {

    @Inject
    Sql sql;
    @Inject
    NoticeTexts texts;
    @Inject
    NoticeConfig config;
    @Inject
    Mailer mailer;
    @Inject
    ReportingConfig reporting;
    @ConfigProperty(name = "quarkus.mailer.from")
    String from;

    final String marker = UUID.randomUUID().toString().substring(0, 8);
    final String inspection = "合并测试巡视-" + marker;

    private record Row(String recipient, NoticeKind kind, Text text) {
    }

    @Test
    void aBurstOfOneKindToOnePersonIsOneMailListingEachInTheOrderWritten() {
        String ducha = "burst-ducha-" + marker;
        String other = "burst-other-" + marker;
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            rows.add(new Row(ducha, NoticeKind.CLAIM_TO_VERIFY, text(NoticeKind.CLAIM_TO_VERIFY, i)));
        }
        rows.add(new Row(ducha, NoticeKind.TASK_OVERDUE, text(NoticeKind.TASK_OVERDUE, 6)));
        rows.add(new Row(ducha, NoticeKind.TASK_OVERDUE, text(NoticeKind.TASK_OVERDUE, 7)));
        rows.add(new Row(other, NoticeKind.CLAIM_TO_VERIFY, text(NoticeKind.CLAIM_TO_VERIFY, 8)));
        write(rows);

        await().atMost(NoticesTest.WAIT).untilAsserted(() -> {
            assertEquals(2, Mailbox.of(address(ducha)).size());
            assertEquals(1, Mailbox.of(address(other)).size());
        });
        await().during(Duration.ofSeconds(2)).atMost(NoticesTest.WAIT).untilAsserted(() ->
                assertEquals(2, Mailbox.of(address(ducha)).size(), "one mail a kind, nothing more"));

        Received claims = only(ducha, "【销号待核验】");
        assertEquals("【销号待核验】［" + inspection + "］5项任务待核验", claims.subject());
        assertTrue(claims.body().startsWith("本邮件合并了5条【销号待核验】通知，按产生的先后排列。\n以下整改任务已申请销号，请核实。\n\n1. 任务："),
                claims.body());
        int at = 0;
        for (int i = 1; i <= 5; i++) {
            int next = claims.body().indexOf(i + ". 任务：（一）1." + i + " 合并任务" + i + "-" + marker + "\n", at);
            assertTrue(next > at, "task " + i + " listed, after the one before: " + claims.body());
            assertTrue(claims.body().indexOf("/console/tasks/" + taskId(i), next) > next, claims.body());
            at = next;
        }
        assertTrue(claims.messageId().matches("<notices\\.\\d+-\\d+\\.5\\.\\d+@rectification\\.local>"), claims.messageId());
        assertEquals("auto-generated", claims.autoSubmitted());

        Received overdue = only(ducha, "【任务逾期】");
        assertEquals("【任务逾期】［" + inspection + "］2项任务逾期", overdue.subject());

        // alone, a notice goes as it was written
        Received alone = Mailbox.of(address(other)).get(0);
        assertEquals(rows.get(7).text().subject(), alone.subject());
        assertTrue(alone.messageId().matches("<notice\\.\\d+\\.\\d+@rectification\\.local>"), alone.messageId());

        // each notice marked sent, with the others of its mail
        assertEquals(List.of("CLAIM_TO_VERIFY|SENT|1|1", "TASK_OVERDUE|SENT|1|1"), sql.query("""
                SELECT kind || '|' || min(state) || '|' || max(attempts) || '|' || count(DISTINCT sent_at) FROM notice_mail
                WHERE recipient = ? GROUP BY kind, state ORDER BY kind""", r -> r.getString(1), ducha));
    }

    /**
     * A mail server that refuses the combined mail (here: an address it cannot take) fails it for each notice:
     * all tried again together after one back-off, each try counted on each, all given up together at
     * notices.mail.max-attempts (5; back-off 1 s in the tests, doubling).
     */
    @Test
    void aCombinedMailThatFailsIsTriedAgainWholeAndGivenUpTogether() {
        String broken = "burst kaputt " + marker;
        write(List.of(new Row(broken, NoticeKind.CLAIM_TO_VERIFY, text(NoticeKind.CLAIM_TO_VERIFY, 1)),
                new Row(broken, NoticeKind.CLAIM_TO_VERIFY, text(NoticeKind.CLAIM_TO_VERIFY, 2)),
                new Row(broken, NoticeKind.CLAIM_TO_VERIFY, text(NoticeKind.CLAIM_TO_VERIFY, 3))));

        await().atMost(NoticesTest.WAIT).until(() -> sql.one(
                "SELECT count(*) FROM notice_mail WHERE recipient = ? AND state = 'FAILED'", r -> r.getLong(1), broken) == 3);
        // one statement wrote every try's outcome on all three: the same count, the same error, the same time
        assertEquals("FAILED|5|1|1", sql.one("""
                SELECT min(state) || '|' || min(attempts) || '|' || count(DISTINCT attempts) || '|' || count(DISTINCT next_attempt_at)
                FROM notice_mail WHERE recipient = ?""", r -> r.getString(1), broken));
        assertEquals(1L, (long) sql.one("SELECT count(DISTINCT last_error) FROM notice_mail WHERE recipient = ? AND last_error IS NOT NULL",
                r -> r.getLong(1), broken));
    }

    /**
     * notices.mail.combine-at-most caps a combined mail (the rest go in the next), combine-from is how many make
     * one. A sender of its own settings, as an instance so configured, sends in the transaction that writes the
     * notices, so the running one, which cannot see them before the commit, takes none of them.
     */
    @Test
    void aCombinedMailListsAtMostTheCapAndOnlyFromTheThreshold() {
        String capped = "burst-capped-" + marker;
        List<Row> five = IntStream.rangeClosed(1, 5).mapToObj(i -> new Row(capped, NoticeKind.CLAIM_TO_VERIFY,
                text(NoticeKind.CLAIM_TO_VERIFY, i))).toList();
        QuarkusTransaction.requiringNew().run(() -> {
            write(five);
            assertEquals(2, sender(2, 3).sendDue(50), "3 and 2");
        });
        assertEquals(List.of("【销号待核验】［" + inspection + "］2项任务待核验", "【销号待核验】［" + inspection + "］3项任务待核验"),
                subjects(capped, 2));

        String two = "burst-two-" + marker;
        String three = "burst-three-" + marker;
        List<Row> rows = new ArrayList<>();
        IntStream.rangeClosed(1, 2).forEach(i -> rows.add(new Row(two, NoticeKind.CLAIM_TO_VERIFY, text(NoticeKind.CLAIM_TO_VERIFY, i))));
        IntStream.rangeClosed(3, 5).forEach(i -> rows.add(new Row(three, NoticeKind.CLAIM_TO_VERIFY, text(NoticeKind.CLAIM_TO_VERIFY, i))));
        QuarkusTransaction.requiringNew().run(() -> {
            write(rows);
            assertEquals(3, sender(3, 100).sendDue(50), "two alone, three as one");
        });
        assertEquals(List.of(rows.get(0).text().subject(), rows.get(1).text().subject()).stream().sorted().toList(),
                subjects(two, 2));
        assertEquals(List.of("【销号待核验】［" + inspection + "］3项任务待核验"), subjects(three, 1));
    }

    /**
     * The subjects in {@code recipient}'s mailbox, sorted, once {@code count} have come: a mail the sender counted may
     * arrive a retry later (the test mail server refused a pooled connection with 421 once in CI, and the sender
     * tried again a second later, as it should), so what arrived is waited for, not read at once.
     */
    private List<String> subjects(String recipient, int count) {
        await().atMost(NoticesTest.WAIT).until(() -> Mailbox.of(address(recipient)).size() >= count);
        return Mailbox.of(address(recipient)).stream().map(Received::subject).sorted().toList();
    }

    /** A sender whose notices.mail.combine-from and combine-at-most are these, its other settings the running one's. */
    private MailDelivery sender(int combineFrom, int combineAtMost) {
        NoticeConfig settings = NoticeSettings.with(config, "mail", Map.of("combineFrom", combineFrom, "combineAtMost", combineAtMost));
        return new MailDelivery(sql, mailer, settings, from, new QuietHoursNow(QuietHours.OFF, reporting));
    }

    private Received only(String recipient, String tag) {
        List<Received> mails = Mailbox.of(address(recipient)).stream().filter(m -> m.subject().startsWith(tag)).toList();
        assertEquals(1, mails.size(), tag + ": " + mails);
        return mails.get(0);
    }

    private static String address(String recipient) {
        return recipient + "@test.local";
    }

    private String taskId(int i) {
        return "3f1c2a4e-0000-4000-8000-" + marker + "000" + i;
    }

    /** Task i's notice of the kind, as the fan-out words it: a task of this test's inspection, numbered （一）1.i. */
    private Text text(NoticeKind kind, int i) {
        return texts.render(kind, EventContract.fromJson(JsonNodeFactory.instance.objectNode().put("id", taskId(i))
                .put("number", i).put("label", "（一）1." + i).put("title", "合并任务" + i + "-" + marker)
                .put("responsibleUnit", NoticesTest.UNIT).put("deadline", "2025-03-31").put("dueDate", "2025-03-31")
                .put("what", "TASK").put("claimedBy", "notice-officer").put("inspection", inspection).toString(), NoticeFacts.class));
    }

    /** The rows in one statement, as one fan-out's transaction makes them visible together. */
    private void write(List<Row> rows) {
        StringBuilder insert = new StringBuilder("INSERT INTO notice_mail (cause_key, recipient, address, kind, subject, body,"
                + " state, next_attempt_at, created_at) VALUES ");
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            insert.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, 'PENDING', now(), now())");
            values.addAll(List.of(row.kind() + "|burst-" + marker + "|" + i, row.recipient(), address(row.recipient()),
                    row.kind().name(), row.text().subject(), row.text().body()));
        }
        sql.update(insert.toString(), values.toArray());
    }
}
