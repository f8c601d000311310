package io.rectification.reporting.progress;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.AdjustableClock;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.reporting.ContractEvents;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public progress page from the read models: only the inspection's findings, every state in
 * words, no staff names or units, public from the first minute of the disclosure window in
 * Asia/Shanghai, linked to the feedback form while the window is open and to the latest report.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class ProgressPageTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @AfterEach
    void releaseClock() {
        AdjustableClock.release();
    }

    @Test
    void showsTheFindingsWithStatusAndProgressDuringTheWindow() {
        ProgressLedger ledger = new ProgressLedger();
        String page = "/reports/" + ledger.plan.inspectionId + "/progress.html";
        AdjustableClock.pinAt(Instant.parse("2025-11-08T02:00:00Z"));
        await().atMost(WAIT).untilAsserted(() -> given().when().get(page).then().statusCode(200)
                .body(containsString("完成编制外人员清退工作")).body(containsString("空编率降低：10%")));

        String html = given().when().get(page).then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("style-src 'self'"))
                .body(containsString("<link rel=\"stylesheet\" href=\"/reports/public.css\">\n<link rel=\"stylesheet\" href=\"/reports/progress.css\">"))
                .body(not(containsString("style=")))
                .body(not(containsString("<script")))
                .extract().asString();
        // the inspection's two areas and three problems only: no self-found problem, no feedback area
        org.hamcrest.MatcherAssert.assertThat(html, containsString("（一）贯彻落实党中央决策部署和省委要求不到位"));
        org.hamcrest.MatcherAssert.assertThat(html, containsString("（二）推进管理机制改革不彻底，统筹推动发展不到位"));
        org.hamcrest.MatcherAssert.assertThat(html, not(containsString("公务用车")));
        org.hamcrest.MatcherAssert.assertThat(html, not(containsString("群众反馈意见建议")));
        org.hamcrest.MatcherAssert.assertThat(html, not(containsString("物业收费")));
        org.hamcrest.MatcherAssert.assertThat(html, not(containsString("园区企业服务专员")));
        // ... but the reader learns they exist and that no figure or average here counts them
        org.hamcrest.MatcherAssert.assertThat(html, containsString("<p class=\"scope\">以上数字和平均进度只计巡视反馈意见指出的问题。"
                + "整改中另有举一反三发现问题1项、自查发现问题1项、群众反映问题1项，一并整改，不计入本页数字，也不在本页列出。</p>"));
        org.hamcrest.MatcherAssert.assertThat(html, not(matchesPattern("(?s).*(" + ProgressLedger.STAFF_NAMES + ").*")));
        // figures: 2 areas, 3 problems, 5 measures; one closed out, one claimed, two under way, one not started
        // and overdue (deadline 2025-06-30 before 2025-11-08)
        org.hamcrest.MatcherAssert.assertThat(html, containsString(fact("反馈意见", "2个方面")));
        org.hamcrest.MatcherAssert.assertThat(html, containsString(fact("具体问题", "3项")));
        org.hamcrest.MatcherAssert.assertThat(html, containsString(fact("整改任务", "5项")));
        org.hamcrest.MatcherAssert.assertThat(html, containsString(fact("已销号", "1项")));
        org.hamcrest.MatcherAssert.assertThat(html, containsString(fact("已完成待核验", "1项")));
        org.hamcrest.MatcherAssert.assertThat(html, containsString(fact("整改中", "2项")));
        org.hamcrest.MatcherAssert.assertThat(html, containsString(fact("未开始", "1项")));
        org.hamcrest.MatcherAssert.assertThat(html, containsString(fact("逾期未完成", "1项")));
        // (100 + 100 + 80 + 60 + 0) / 5 = 68; area 一: (100 + 100 + 80) / 3 = 93; area 二: (60 + 0) / 2 = 30
        org.hamcrest.MatcherAssert.assertThat(html, containsString("<progress value=\"68\" max=\"100\""));
        org.hamcrest.MatcherAssert.assertThat(html, containsString("已销号1项，共3项整改任务，平均进度93%"));
        org.hamcrest.MatcherAssert.assertThat(html, containsString("已销号0项，共2项整改任务，平均进度30%"));
        // a problem whose measures are closed out (100) and claimed but not yet verified (100) is not
        // "完成100%": its figure is called what it is, the measures' average progress
        org.hamcrest.MatcherAssert.assertThat(html, containsString(
                "做好优化营商环境重点工作</span>\n<span class=\"problem-percent\">平均进度100%</span>"));
        org.hamcrest.MatcherAssert.assertThat(html, not(containsString("完成100%")));
        org.hamcrest.MatcherAssert.assertThat(html, containsString("“回头看”后再整改"));
        // the mark of a reopening stays on a measure claimed again; one reopened now says so in its state only
        assertEquals(1, html.split("经“回头看”重新整改", -1).length - 1, html);
        org.hamcrest.MatcherAssert.assertThat(html, containsString("<dt>销号日期</dt><dd>2025年1月10日</dd>"));
        org.hamcrest.MatcherAssert.assertThat(html, containsString("<span class=\"badge overdue\">已逾期</span>"));
        // open: the feedback form of this publication; no report published yet
        org.hamcrest.MatcherAssert.assertThat(html, containsString("/feedback/index.html?publication=" + ledger.publication));
        org.hamcrest.MatcherAssert.assertThat(html, containsString("（公开中）"));
        org.hamcrest.MatcherAssert.assertThat(html, not(containsString("整改情况公布全文")));

        // a minute in a cache, then asked again with its ETag: 304 while the page has not changed
        String etag = given().when().get(page).then().statusCode(200).header("Cache-Control", "public, max-age=60")
                .header("ETag", matchesPattern("\"[0-9a-f]{32}\"")).extract().header("ETag");
        given().header("If-None-Match", etag).when().get(page).then().statusCode(304).header("ETag", etag);

        // the feedback declares more than the ledger holds yet: the page says both, as the report does
        ledger.plan.declareTotals(2, 2, 46, 64);
        await().atMost(WAIT).untilAsserted(() -> given().when().get(page).then().statusCode(200)
                .body(containsString(fact("具体问题", "3项", "46项")))
                .body(containsString(fact("整改任务", "5项", "64项")))
                .body(containsString(fact("反馈意见", "2个方面"))));
        // changed: the old tag no longer matches
        given().header("If-None-Match", etag).when().get(page).then().statusCode(200)
                .header("ETag", not(equalTo(etag)));
    }

    @Test
    void aClaimedMeasureIsDoneAtAHundredAndNotOverdueWhateverItsDeadline() {
        ContractEvents plan = new ContractEvents();
        plan.registerInspection();
        UUID area = plan.registerArea(1, "贯彻落实中央八项规定精神不到位");
        UUID problem = plan.registerProblem(area, 1, "作风建设不扎实");
        // claimed at 90 % after its deadline (30 September) had passed; the other under way and not yet due
        ContractEvents.sendTask("TaskCompletionClaimed", plan.task(UUID.randomUUID(),
                area, problem, 1, "COMPLETION_CLAIMED", "2025-09-30").put("title", "整治违反中央八项规定精神问题")
                .put("percentComplete", 90), 3);
        ContractEvents.sendTask("TaskUpdated", plan.task(UUID.randomUUID(),
                area, problem, 2, "IN_PROGRESS", "2025-12-31").put("title", "健全作风建设长效机制")
                .put("percentComplete", 50), 2);
        plan.publish("2025-11-06T00:00:00+08:00", "2025-11-13T23:59:59+08:00");
        String page = "/reports/" + plan.inspectionId + "/progress.html";
        AdjustableClock.pinAt(Instant.parse("2025-11-07T16:30:00Z")); // 00:30 on 8 November in Shanghai
        await().atMost(WAIT).untilAsserted(() -> given().when().get(page).then().statusCode(200)
                .body(containsString("整治违反中央八项规定精神问题")).body(containsString("健全作风建设长效机制")));

        String html = given().when().get(page).then().statusCode(200).extract().asString();
        // the unit says the work is done and waits on the supervisor: 已完成，待核验 at 100 %, never 逾期未完成
        org.hamcrest.MatcherAssert.assertThat(html, containsString(fact("已完成待核验", "1项")));
        org.hamcrest.MatcherAssert.assertThat(html, containsString(fact("逾期未完成", "0项")));
        org.hamcrest.MatcherAssert.assertThat(html, not(containsString("<span class=\"badge overdue\">")));
        org.hamcrest.MatcherAssert.assertThat(html, containsString("<progress value=\"100\" max=\"100\" aria-label=\"完成进度\">"));
        org.hamcrest.MatcherAssert.assertThat(html, not(containsString("90%")));
        // (100 + 50) / 2 = 75 for the problem, the area and the whole page
        org.hamcrest.MatcherAssert.assertThat(html, containsString("<span class=\"problem-percent\">平均进度75%</span>"));
        org.hamcrest.MatcherAssert.assertThat(html, containsString("已销号0项，共2项整改任务，平均进度75%"));
    }

    /** A figure at the top as the page writes it: its count, and the feedback's declared total if it differs. */
    static String fact(String label, String count, String... declared) {
        return "<dt>" + label + "</dt><dd><span class=\"count\">" + count + "</span>"
                + (declared.length == 0 ? "" : "<span class=\"declared\">（巡视反馈共<span class=\"count\">" + declared[0]
                + "</span>）</span>") + "</dd>";
    }

    /** What Chromium and Firefox send for a navigation. */
    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Test
    void isPublicFromTheFirstMinuteOfTheWindowInShanghaiAndStaysUpAfterItWithoutTheForm() {
        ProgressLedger ledger = new ProgressLedger();
        String page = "/reports/" + ledger.plan.inspectionId + "/progress.html";
        AdjustableClock.pinAt(Instant.parse("2025-11-05T16:00:00Z")); // 2025-11-06 00:00 in Shanghai
        await().atMost(WAIT).untilAsserted(() -> given().when().get(page).then().statusCode(200)
                .body(containsString("完成编制外人员清退工作")));

        AdjustableClock.pinAt(Instant.parse("2025-11-05T15:59:59Z")); // 23:59:59 the day before
        given().when().get(page).then().statusCode(404).contentType(containsString("application/problem+json"));
        // A citizen's browser (a QR code scanned a minute early) reads a page, with the same status.
        given().header("Accept", BROWSER).when().get(page).then().statusCode(404)
                .contentType(containsString("text/html")).body(containsString("整改进展页面尚未公开"))
                .body(containsString("<link rel=\"stylesheet\" href=\"/reports/public.css\">\n<link rel=\"stylesheet\" href=\"/reports/error.css\">"))
                .body(not(containsString("does not exist")));

        AdjustableClock.pinAt(Instant.parse("2025-11-13T16:00:00Z")); // 2025-11-14 00:00: the window has closed
        given().when().get(page).then().statusCode(200)
                .body(containsString("公开期限：2025年11月6日至2025年11月13日（已结束）"))
                .body(not(containsString("/feedback/index.html")));
    }

    @Test
    void linksTheLatestPublishedReport() {
        ProgressLedger ledger = new ProgressLedger();
        String inspection = ledger.plan.inspectionId.toString();
        AdjustableClock.pinAt(Instant.parse("2025-11-08T02:00:00Z"));
        java.util.Map<String, Object> draft = java.util.Map.of("leadershipResponsibility", "党工委坚决扛起巡视整改主体责任。",
                "nextSteps", "持续巩固整改成果。", "issuer", "中共沈阳高新技术产业开发区工作委员会",
                "issuedOn", "2025-11-06", "publicationId", ledger.publication.toString());
        await().atMost(WAIT).untilAsserted(() -> given().header("X-Actor", "office-wang")
                .contentType(io.restassured.http.ContentType.JSON).body(draft)
                .when().put("/reports/" + inspection + "/draft").then().statusCode(200));
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/reports/" + inspection + "/checks")
                .then().statusCode(200).body("publishable", equalTo(true)));
        String reviewed = given().when().get("/reports/" + inspection + "/draft").then().extract().header("ETag");
        given().header("X-Actor", "office-wang").header("If-Match", reviewed).when().post("/reports/" + inspection + "/versions")
                .then().statusCode(201);

        given().when().get("/reports/" + inspection + "/progress.html").then().statusCode(200)
                .body(containsString("/reports/" + inspection + "/versions/1.html\">整改情况公布全文</a>"));
    }

    /**
     * The page numbers its areas as the report does, by place among those shown, with no gap: an area still
     * without a problem between two others, which the report heads, is shown here too (its heading and that
     * its problems are being entered), so the page reads （一）（二）（三） as the report does, never （一）（三）
     * and never a number the report gives another area; an area of other sources only is neither's.
     */
    @Test
    void numbersTheAreasAsTheReportDoesWithNoGap() {
        ContractEvents plan = new ContractEvents();
        plan.registerInspection();
        UUID feedbackArea = plan.registerArea(1, "群众反馈意见建议");
        plan.registerProblem(feedbackArea, 1, "物业收费不透明", "FEEDBACK");
        UUID first = plan.registerArea(2, "政治监督方面");
        UUID firstProblem = plan.registerProblem(first, 1, "营商环境问题");
        plan.registerArea(3, "尚未录入问题的方面");
        UUID last = plan.registerArea(4, "作风建设方面");
        UUID problem = plan.registerProblem(last, 1, "文山会海问题");
        ContractEvents.sendTask("TaskCreated", plan.task(UUID.randomUUID(), first, firstProblem, 1, "PLANNED", "2025-12-31")
                .put("title", "强化服务意识"), 1);
        ContractEvents.sendTask("TaskCreated", plan.task(UUID.randomUUID(), last, problem, 1, "PLANNED", "2025-12-31")
                .put("title", "精简会议文件"), 1);
        plan.publish("2025-11-06T00:00:00+08:00", "2025-11-13T23:59:59+08:00");
        String inspection = plan.inspectionId.toString();
        AdjustableClock.pinAt(Instant.parse("2025-11-08T02:00:00Z"));
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/reports/" + inspection + "/progress.html")
                .then().statusCode(200).body(containsString("精简会议文件")).body(containsString("强化服务意识")));

        given().when().get("/reports/" + inspection + "/preview.md").then().statusCode(200)
                .body(containsString("### （一）政治监督方面\n\n1.营商环境问题。一是强化服务意识。"))
                .body(containsString("### （二）尚未录入问题的方面\n\n### （三）作风建设方面\n\n1.文山会海问题。一是精简会议文件。"))
                .body(containsString("巡视反馈意见指出的3个方面"))
                .body(not(containsString("群众反馈意见建议")));
        String page = given().when().get("/reports/" + inspection + "/progress.html").then().statusCode(200)
                .extract().asString();
        List<String> headings = Jsoup.parse(page).select("section.area > h2").eachText();
        assertEquals(
                List.of("（一）政治监督方面", "（二）尚未录入问题的方面", "（三）作风建设方面"), headings);
        assertTrue(page.contains("<span>" + ProgressPage.NO_PROBLEMS_YET + "</span>"), page);
        assertTrue(page.contains("<span class=\"count\">3个方面</span>"), page);
        assertFalse(page.contains("群众反馈意见建议"), page);
    }

    @Test
    void anUnknownOrMalformedInspectionIsNotFoundOrNamed() {
        given().when().get("/reports/" + UUID.randomUUID() + "/progress.html").then().statusCode(404);
        given().when().get("/reports/not-a-uuid/progress.html").then().statusCode(400)
                .body("errors[0].field", equalTo("inspectionId"));
    }
}
