package io.rectification.feedback.handling;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.feedback.Ledger;
import io.rectification.feedback.Publications;
import io.rectification.feedback.feedback.FeedbackChannel;
import io.rectification.feedback.feedback.FeedbackStaffView;
import io.rectification.platform.rest.PageOf;
import io.rectification.platform.testing.StaffTokens;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A page of feedback is read in a fixed number of statements whatever its size: whether each one's link
 * was cancelled (撤销, linkCancelledAt) and the problems escalated ones became are read for the whole page at
 * once, not one query a feedback (the inbox and a feedback's merge targets list 200). Counted with Hibernate's
 * statistics (on in the test profile).
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class FeedbackListCostTest {

    @Inject
    StaffFeedbackService reads;

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Test
    void aPageOfLinkedFeedbackTakesAFixedNumberOfStatementsForFiveAsForThirty() {
        UUID inspection = UUID.randomUUID();
        UUID publication = UUID.fromString(Publications.create(Publications.json(inspection,
                LocalDateTime.parse("2026-01-01T00:00:00"), LocalDateTime.parse("2026-01-31T23:59:59"), null)));
        UUID area = UUID.randomUUID();
        UUID problem = UUID.randomUUID();
        UUID mistaken = UUID.randomUUID();
        UUID standing = UUID.randomUUID();
        Ledger.area(inspection, area, 1, "落实全面从严治党不到位");
        Ledger.problem(inspection, area, problem, 1, "招商项目跟踪不到位", "PLAN", null, 0, 0);
        Ledger.task(inspection, area, problem, mistaken, 1, "建立招商项目全周期跟踪服务机制", "IN_PROGRESS", 40, 0);
        Ledger.task(inspection, area, problem, standing, 2, "开展签约未开工项目专项清理", "IN_PROGRESS", 20, 0);
        // intake takes only parts of the publication's inspection known here: once the form offers both measures
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            String offered = given().get("/publications/" + publication + "/form-choices").then().extract().asString();
            return offered.contains(mistaken.toString()) && offered.contains(standing.toString());
        });
        // staff intake keeps the task named as given: 30 feedback, every third on the task cancelled below, and
        // every fifth registered by tasks-service as a problem (its escalation's outcome)
        String first = null;
        String lastEscalated = null;
        for (int i = 0; i < 30; i++) {
            UUID task = i % 3 == 0 ? mistaken : standing;
            String id = given().contentType(ContentType.JSON).header("X-Actor", "li.ganshi").body("""
                            {"publicationId":"%s","channel":"POST","receivedOn":"2026-01-10","text":"反映招商项目长期未开工%d。",
                             "areaId":"%s","taskId":"%s"}""".formatted(publication, i, area, task))
                    .when().post("/feedback").then().statusCode(201).extract().path("id");
            first = first == null ? id : first;
            if (i % 5 == 0) {
                Ledger.problem(inspection, area, UUID.randomUUID(), 10 + i, "签约项目长期未开工" + i, "FEEDBACK",
                        UUID.fromString(id), 0, 0);
                lastEscalated = id;
            }
        }
        Ledger.cancelTask(inspection, area, problem, mistaken, 1, "建立招商项目全周期跟踪服务机制", 1);
        String cancelled = first;
        String escalated = lastEscalated;
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                given().when().get("/feedback/" + cancelled).then().extract().path("linkCancelledAt") != null
                        && given().when().get("/feedback/" + escalated).then().extract().path("escalatedProblem") != null);

        // the inbox's filters (a tab, words, a channel) are the page's where clause, no statement more
        InboxQuery inbox = new InboxQuery(publication, null, InboxQuery.Reply.OWED, InboxSearch.of("招商 未开工"),
                null, FeedbackChannel.POST, true, InboxQuery.Order.REPLY_DUE);
        long five = statementsOf(() -> reads.listFeedback(inbox, false, 0, 5), 5);
        long thirty = statementsOf(() -> reads.listFeedback(inbox, false, 0, 30), 30);

        // at most the page with its total (one statement: InboxPage) and one read each for the cancelled links and
        // the escalated problems: the page of five may hold no escalated feedback (all received the same day, ties
        // in id order), one read fewer; one query a feedback took 8 and 33, the total apart 4
        assertTrue(five <= 4, "a page of 5 feedback in " + five + " statements");
        assertEquals(4, thirty,
                "a page of 30 feedback: its ids with the total, its feedback, its cancelled links, its problems");
        // and each still says whether its own link was cancelled, and what problem it became
        PageOf<FeedbackStaffView> page = QuarkusTransaction.requiringNew().call(() ->
                reads.listFeedback(InboxQuery.of(publication, null), false, 0, 30));
        // the tabs' totals in one statement (the fewest of three reads, as statementsOf)
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        long counting = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            counting = Math.min(counting, QuarkusTransaction.requiringNew().call(() -> {
                statistics.clear();
                InboxCounts counts = reads.counts(inbox);
                assertEquals(30, counts.owed());
                assertEquals(30, counts.all());
                return statistics.getPrepareStatementCount();
            }));
        }
        assertEquals(1, counting, "the tab totals in one statement");
        assertEquals(6, page.items().stream().filter(f -> f.escalatedProblem() != null).count());
        for (FeedbackStaffView feedback : page.items()) {
            if (feedback.escalatedProblemId() != null) {
                assertTrue(feedback.escalatedProblem().title().startsWith("签约项目长期未开工"));
            }
            if (feedback.taskId().equals(mistaken)) {
                assertEquals(Instant.parse("2025-11-10T01:00:00Z"), feedback.linkCancelledAt().toInstant());
            } else {
                assertNull(feedback.linkCancelledAt(), "a feedback on the task that stands");
            }
        }
    }

    /**
     * The fewest statements of three reads of the page: Hibernate's statistics count every session's,
     * and the consumer of tasks-service's events may write one now and then.
     */
    private long statementsOf(Supplier<PageOf<FeedbackStaffView>> page, int expectedRows) {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            fewest = Math.min(fewest, QuarkusTransaction.requiringNew().call(() -> {
                statistics.clear();
                PageOf<FeedbackStaffView> read = page.get();
                long statements = statistics.getPrepareStatementCount();
                assertEquals(expectedRows, read.items().size());
                return statements;
            }));
        }
        return fewest;
    }
}
