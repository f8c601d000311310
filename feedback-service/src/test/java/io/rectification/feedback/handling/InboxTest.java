package io.rectification.feedback.handling;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.feedback.Publications;
import io.rectification.platform.testing.PinnedClock;
import io.rectification.platform.testing.StaffTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The inbox read from the server (GET /feedback with reply, q, category, channel, sort; GET /feedback/counts):
 * the tabs are the service's rule, so past the 200 newest nothing goes missing, and q finds a tracking code or
 * words but refuses to look up contact details.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class InboxTest {

    /** 10:00 on 20 March 2026 in Beijing. */
    @RegisterExtension
    static final PinnedClock CLOCK = PinnedClock.at("2026-03-20T02:00:00Z");

    private static RequestSpecification asStaff() {
        return given().contentType(ContentType.JSON).header("X-Actor", "li.ganshi");
    }

    private static String record(String publication, String channel, String receivedOn, String text) {
        return asStaff().body("""
                        {"publicationId":"%s","channel":"%s","receivedOn":"%s","text":"%s"}"""
                        .formatted(publication, channel, receivedOn, text))
                .when().post("/feedback").then().statusCode(201).extract().path("id");
    }

    private static String publication() {
        return Publications.create(Publications.json(UUID.randomUUID(), LocalDateTime.parse("2026-01-01T00:00:00"),
                LocalDateTime.parse("2026-03-31T23:59:59"), null));
    }

    private static JsonPath list(String publication, String query) {
        return asStaff().when().get("/feedback?publicationId=" + publication + "&" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theTabsAreTheServicesRuleAndTheOldestOverdueIsFoundPastTheTwoHundredNewest() {
        String publication = publication();
        // reply days 15 without a category: due 16 February, overdue; due 25 March, within the 7 days of 待办
        String overdue = record(publication, "POST", "2026-02-01", "来信反映老旧小区加装电梯审批拖延。");
        String dueSoon = record(publication, "PHONE", "2026-03-10", "来电反映供暖费退费迟迟未办。");
        for (int i = 0; i < 205; i++) {
            record(publication, "POST", "2026-03-19", "来信反映招商项目签约后未开工第" + i + "件。");
        }
        // answered: owed nothing, in 全部 only
        String answered = record(publication, "EMAIL", "2026-03-19", "建议公开招商项目履约情况。");
        asStaff().body("{\"category\":\"SUGGESTION\"}").post("/feedback/" + answered + "/triage").then().statusCode(200);
        asStaff().body("{\"answer\":\"已转相关部门研究。\"}").post("/feedback/" + answered + "/answer")
                .then().statusCode(200);
        // triaged as a complaint: due 29 March (10 days), owed but neither urgent nor new
        String triaged = record(publication, "PHONE", "2026-03-19", "投诉窗口办事拖延。");
        asStaff().body("{\"category\":\"COMPLAINT\"}").post("/feedback/" + triaged + "/triage").then().statusCode(200);

        asStaff().when().get("/feedback/counts?publicationId=" + publication).then().statusCode(200)
                .body("asOf", equalTo("2026-03-20")).body("dueSoonDays", equalTo(7))
                .body("owed", equalTo(208)).body("overdue", equalTo(1)).body("dueSoon", equalTo(1))
                .body("newlyReceived", equalTo(205)).body("all", equalTo(209));

        // 全部, newest first, 50 a page: the oldest is on the last page, and the total is true
        JsonPath last = list(publication, "page=4&size=50");
        assertEquals(209, last.getInt("total"));
        List<String> lastIds = last.getList("items.id");
        assertEquals(9, lastIds.size());
        assertEquals(overdue, lastIds.get(8));
        // 已超期 and 待答复 put it first (the earliest reply date)
        JsonPath late = list(publication, "reply=OVERDUE");
        assertEquals(List.of(overdue), late.getList("items.id"));
        assertEquals("OVERDUE", late.getString("items[0].replyUrgency"));
        JsonPath owed = list(publication, "reply=OWED&size=2");
        assertEquals(208, owed.getInt("total"));
        assertEquals(List.of(overdue, dueSoon), owed.getList("items.id"));
        assertEquals("DUE_SOON", owed.getString("items[1].replyUrgency"));
        assertEquals(List.of(dueSoon), list(publication, "reply=DUE_SOON").getList("items.id"));
        assertEquals(205, list(publication, "reply=NEW&size=1").getInt("total"));
        // the answered one owes nothing; the triaged complaint is owed, not new
        assertEquals(List.of(answered), list(publication, "channel=EMAIL").getList("items.id"));
        asStaff().get("/feedback/" + answered).then().body("replyUrgency", equalTo(null));
        asStaff().get("/feedback/" + triaged).then().body("replyUrgency", equalTo("OPEN"));
        assertEquals(List.of(triaged), list(publication, "category=COMPLAINT").getList("items.id"));
        // a sort asked for overrides the tab's: newest first, the overdue one last, after the one due soon
        List<String> newestOwed = list(publication, "reply=OWED&sort=NEWEST&size=200&page=1").getList("items.id");
        assertEquals(List.of(dueSoon, overdue), newestOwed.subList(6, 8));

        // q: the oldest by its tracking code typed any way, or by words of its text; the counts follow q
        String code = asStaff().get("/feedback/" + overdue).then().extract().path("trackingCode");
        for (String typed : List.of(code, code.replace("-", ""), code.toLowerCase().replace("-", " "))) {
            assertEquals(List.of(overdue), list(publication, "q=" + typed).getList("items.id"), typed);
        }
        assertEquals(List.of(overdue), list(publication, "q=加装电梯 审批").getList("items.id"));
        assertEquals(205, list(publication, "q=招商项目 未开工&size=1").getInt("total"));
        asStaff().when().get("/feedback/counts?publicationId=" + publication + "&q=电梯").then().statusCode(200)
                .body("owed", equalTo(1)).body("overdue", equalTo(1)).body("all", equalTo(1));
        // a LIKE wildcard is a character like any other
        assertEquals(0, list(publication, "q=%").getInt("total"));
    }

    @Test
    void qDoesNotLookUpContactDetailsAndBadParametersAre400sNamingThem() {
        String publication = publication();
        for (String probe : List.of("13912345678", "139 1234 5678", "139-1234-5678", "身份证210102199001011234",
                "li@example.com", "ouyang＠example.com", "x".repeat(101))) {
            for (String path : List.of("/feedback", "/feedback/counts")) {
                asStaff().queryParam("publicationId", publication).queryParam("q", probe).when().get(path)
                        .then().statusCode(400).body("errors.field", hasItem("q"));
            }
        }
        // a year, a house number, a short receipt number are words
        asStaff().queryParam("q", "2026年 99号 0128").when().get("/feedback").then().statusCode(200);
        for (String bad : List.of("reply=LATE", "sort=OLDEST", "category=PRAISE", "channel=FAX")) {
            String field = bad.substring(0, bad.indexOf('='));
            asStaff().when().get("/feedback?" + bad).then().statusCode(400).body("errors.field", hasItem(field));
        }
        asStaff().when().get("/feedback/counts?reply=LATE").then().statusCode(400).body("errors.field", hasItem("reply"));
    }
}
