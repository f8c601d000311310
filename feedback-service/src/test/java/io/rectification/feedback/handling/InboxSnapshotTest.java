package io.rectification.feedback.handling;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.feedback.Publications;
import io.rectification.feedback.feedback.FeedbackStaffView;
import io.rectification.platform.rest.PageOf;
import io.rectification.platform.testing.StaffTokens;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A page of the inbox and its total are of one moment: a feedback recorded while the page is read is on the page
 * and in its total, or in neither ({@link InboxPage}). The recording is made to fall between the read's first and
 * second statement ({@link BetweenStatements}), where a page read apart from its count let them disagree.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class InboxSnapshotTest {

    @Inject
    StaffFeedbackService reads;

    private static void record(String publication, String text) {
        given().contentType(ContentType.JSON).header("X-Actor", "li.ganshi").body("""
                        {"publicationId":"%s","channel":"POST","receivedOn":"%s","text":"%s"}"""
                        .formatted(publication, LocalDate.now(ZoneId.of("Asia/Shanghai")), text))
                .when().post("/feedback").then().statusCode(201);
    }

    private PageOf<FeedbackStaffView> page(String publication, int page, int size) {
        return QuarkusTransaction.requiringNew().call(() ->
                reads.listFeedback(InboxQuery.of(UUID.fromString(publication), null), false, page, size));
    }

    /** The page holds what its total leaves for it: all of a size, the rest on the last, none beyond the end. */
    private static void assertAgree(PageOf<FeedbackStaffView> page) {
        long left = page.total() - (long) page.page() * page.size();
        assertEquals(Math.max(0, Math.min(page.size(), left)), page.items().size(),
                "page " + page.page() + " of " + page.size() + " with a total of " + page.total());
    }

    @Test
    void aFeedbackRecordedWhileAPageIsReadIsOnThePageAndInItsTotalOrInNeither() {
        String publication = Publications.openNow();
        record(publication, "反映老旧小区加装电梯审批拖延（一）。");
        record(publication, "反映老旧小区加装电梯审批拖延（二）。");

        PageOf<FeedbackStaffView> whole = BetweenStatements.beforeTheSecond(
                () -> record(publication, "反映老旧小区加装电梯审批拖延（三）。"), () -> page(publication, 0, 50));
        assertAgree(whole);

        // a page beyond the end says the true total, not 0 (no row carries it), even when a feedback comes in
        // between: then the page is no longer beyond the end, and it is read again
        int all = (int) page(publication, 0, 50).total();
        PageOf<FeedbackStaffView> beyond = page(publication, 5, all);
        assertEquals(all, beyond.total());
        assertEquals(0, beyond.items().size());
        PageOf<FeedbackStaffView> raced = BetweenStatements.beforeTheSecond(
                () -> record(publication, "反映老旧小区加装电梯审批拖延（四）。"), () -> page(publication, 1, all));
        assertEquals(all + 1, raced.total(), "the feedback recorded meanwhile is counted");
        assertAgree(raced);
    }
}
