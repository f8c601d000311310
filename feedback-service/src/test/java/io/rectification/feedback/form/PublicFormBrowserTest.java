package io.rectification.feedback.form;

import io.rectification.feedback.Clients;
import io.rectification.platform.testing.HeadlessChromium;
import io.rectification.platform.testing.StaffTokens;
import org.junit.jupiter.api.extension.ExtendWith;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.feedback.Ledger;
import io.rectification.feedback.Publications;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public form in a real headless Chromium: fill, submit, see the code, look it up; errors next to the field. */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class PublicFormBrowserTest {

    @TestHTTPResource("/")
    URL root;

    static HeadlessChromium chromium;
    static WebDriver browser;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = new HeadlessChromium("--window-size=412,915", "--lang=zh-CN");
        browser = chromium.browser();
    }

    @AfterAll
    static void stopBrowser() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    @AfterEach
    void nothingWasRefusedByTheContentSecurityPolicy() {
        assertEquals(java.util.List.of(), chromium.cspViolations(), "the pages load nothing their CSP refuses");
    }

    WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    WebElement byId(String id) {
        return browser.findElement(By.id(id));
    }

    @Test
    void fillSubmitSeeTheCodeAndLookItUp() throws IOException {
        String publication = Publications.openNow();
        browser.get(root + "index.html?publication=" + publication);
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("publication-title"), "整改进展情况"));
        // which inspection the publication is about, from the ledger, above its free-text title
        assertEquals("所涉巡视：" + Ledger.INSPECTION_TITLE, byId("inspection-title").getText());
        // one way of writing dates and times on the public pages (dates.js): 2026年12月12日 23:59（北京时间）
        assertTrue(byId("publication-window").getText().matches(
                "\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}至\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}（北京时间）"),
                byId("publication-window").getText());
        assertTrue(byId("publication-channels").getText().contains("024-12345678"));
        assertTrue(byId("publication-channels").getText().contains("工作日 9:00-17:30"));
        // the public progress page of the publication's inspection (reporting-service, behind the same gateway)
        assertTrue(byId("publication-progress-link").getAttribute("href").matches(".*/reports/[0-9a-f-]{36}/progress\\.html"),
                byId("publication-progress-link").getAttribute("href"));
        assertTrue(byId("privacy").getText().contains("只有本单位负责办理意见建议的工作人员可以查看"));

        // An error from the service is shown next to its field and the field is marked invalid.
        byId("text").sendKeys("<b>建议</b>延长政务服务大厅周末开放时间。");
        byId("phone").sendKeys("请打电话");
        // the postal address may run over two lines (a textarea: HTML allows street-address autofill only there)
        assertEquals("textarea", byId("address").getTagName());
        byId("address").sendKeys("沈阳市浑南区新隆街8号\n安姆大厦B1座");
        byId("submit").click();
        WebElement phoneError = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("phone-error")));
        assertTrue(phoneError.getText().contains("电话号码"), phoneError.getText());
        assertEquals("true", byId("phone").getAttribute("aria-invalid"));
        assertTrue(byId("phone").getAttribute("aria-describedby").contains("phone-error"));
        assertEquals(byId("phone"), browser.switchTo().activeElement(), "focus moves to the field at fault");
        assertFalse(byId("text-error").isDisplayed());

        byId("phone").clear();
        byId("phone").sendKeys("13812345678");
        byId("submit").click();
        WebElement code = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("tracking-code")));
        String trackingCode = code.getText();
        assertTrue(trackingCode.matches("[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}"), trackingCode);
        assertTrue(byId("reply-due").getText().matches("\\d{4}年\\d{1,2}月\\d{1,2}日"), byId("reply-due").getText());
        chromium.screenshot("public-form-receipt.png");

        byId("track-link").click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
        assertEquals(trackingCode, byId("result-code").getText());
        assertEquals(Publications.TITLE, byId("result-publication").getText());
        assertEquals(Ledger.INSPECTION_TITLE, byId("result-inspection").getText());
        assertEquals("已收到，等待办理", byId("result-status").getText());
        assertEquals("暂无答复", byId("result-answer").getText());
        assertTrue(byId("back-link").getAttribute("href").endsWith("index.html?publication=" + publication),
                "返回 keeps the publication: " + byId("back-link").getAttribute("href"));
        assertTrue(byId("result-received").getText().matches("\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}（北京时间）"),
                byId("result-received").getText());
        assertTrue(byId("result-due").getText().matches("\\d{4}年\\d{1,2}月\\d{1,2}日"), byId("result-due").getText());

        // An answer containing markup is shown as text, never run.
        String id = io.restassured.RestAssured.given().queryParam("publicationId", publication)
                .when().get("/feedback").then().statusCode(200).extract().path("items[0].id");
        io.restassured.RestAssured.given().header("X-Actor", "xinfang.li").header("X-Test-Roles", "feedback-handler,personal-data")
                .when().get("/feedback/" + id + "/submitter").then().statusCode(200)
                .body("address", org.hamcrest.Matchers.equalTo("沈阳市浑南区新隆街8号\n安姆大厦B1座"));
        String markup = "<img src=x onerror=\"document.title='pwned'\">已办结";
        io.restassured.RestAssured.given().contentType(io.restassured.http.ContentType.JSON).header("X-Actor", "wang.kezhang")
                .body("{\"category\":\"SUGGESTION\"}").when().post("/feedback/" + id + "/triage").then().statusCode(200);
        io.restassured.RestAssured.given().contentType(io.restassured.http.ContentType.JSON).header("X-Actor", "wang.kezhang")
                .body("{\"answer\":" + io.rectification.platform.testing.EventProbe.toJson(markup) + "}")
                .when().post("/feedback/" + id + "/answer").then().statusCode(200);
        browser.navigate().refresh();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("result-answer"), "已办结"));
        assertEquals(markup, byId("result-answer").getText());
        assertEquals("已答复", byId("result-status").getText());
        assertTrue(byId("result-answer").findElements(By.tagName("img")).isEmpty());
        assertFalse(browser.getTitle().contains("pwned"));
    }

    /**
     * The form sends one submission key for the text it composes, kept across a refused try and a
     * retry; an answer lost on the way (stored, but the browser never heard) is recovered by
     * submitting again: the service knows the form by its key and names the earlier code, which
     * the form shows as received.
     */
    @Test
    void aLostAnswerIsRecoveredBySubmittingAgainWithTheSameKey() {
        String publication = Publications.openNow();
        browser.get(root + "index.html?publication=" + publication);
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("submit")));
        loseTheFirstAnswer();
        byId("text").sendKeys("建议公开开发区闲置土地清理处置进展。");
        byId("phone").sendKeys("请打电话");
        byId("submit").click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("phone-error")));
        byId("phone").clear();
        byId("submit").click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-error"), "网络异常"));
        // the text may well have been stored: the citizen is asked to send it again from this page
        assertLostAnswerIsExplained();
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("submit"))).click();

        String code = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("tracking-code"))).getText();
        assertTrue(code.matches("[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}"), code);
        assertEquals("已收到", byId("receipt-heading").getText());
        assertTrue(byId("receipt").getText().contains("此前已收到您提交的相同内容"), byId("receipt").getText());
        assertFalse(byId("reply-due-line").isDisplayed(), "the 409 does not say when the reply is due");
        Clients.citizen().when().get("/feedback/track/" + code).then().statusCode(200);
        assertEquals(1, io.restassured.RestAssured.given().header("X-Actor", "li.ganshi").queryParam("publicationId", publication)
                .when().get("/feedback").then().statusCode(200).extract().jsonPath().getList("items").size());

        @SuppressWarnings("unchecked")
        java.util.List<java.util.Map<String, Object>> sent = (java.util.List<java.util.Map<String, Object>>)
                ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.sentBodies");
        assertEquals(3, sent.size(), sent.toString());
        Object key = sent.get(0).get("submissionKey");
        assertTrue(key instanceof String k && k.matches("[A-Za-z0-9_-]{22,64}"), "a 128-bit base64url key: " + key);
        sent.forEach(body -> assertEquals(key, body.get("submissionKey"), "one key for the text composed"));
    }

    /** What the form says when no answer came: the text may have been stored; send it again from this page. */
    void assertLostAnswerIsExplained() {
        String said = byId("form-error").getText();
        assertTrue(said.contains("可能已经提交成功"), said);
        assertTrue(said.contains("请不要刷新页面，直接再次点击“提交”"), said);
        assertTrue(said.contains("不会重复登记"), said);
        assertFalse(said.contains("提交未成功"), "it does not say that nothing was stored: " + said);
    }

    /** Loses the answer to the page's first 201 (stored, but the browser never hears) and records what is posted. */
    void loseTheFirstAnswer() {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
                window.sentBodies = [];
                const real = window.fetch;
                let lost = false;
                window.fetch = async (url, options) => {
                  const posting = options && options.method === 'POST';
                  if (posting) window.sentBodies.push(JSON.parse(options.body));
                  const response = await real(url, options);
                  if (posting && response.status === 201 && !lost) {
                    lost = true;
                    throw new TypeError('the answer was lost on the way');
                  }
                  return response;
                };""");
    }

    Object sentKey(int index) {
        return ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return window.sentBodies[" + index + "].submissionKey");
    }

    java.util.List<String> storedCodes(String publication) {
        return io.restassured.RestAssured.given().header("X-Actor", "li.ganshi").queryParam("publicationId", publication)
                .when().get("/feedback").then().statusCode(200).extract().jsonPath().getList("items.trackingCode");
    }

    /**
     * A citizen told 网络异常 often reloads before sending again. The tab keeps the key with the text
     * it belongs to (sessionStorage), so the same text sent after the reload is the same form's retry:
     * it gets the code stored with the first try, which it never saw, and nothing is stored twice.
     * Another tab (no key) sending the same text from the same address is not told the code.
     */
    @Test
    void aResendAfterAReloadOfTheTabGetsTheCodeOfTheTextStoredBefore() throws IOException {
        String publication = Publications.openNow();
        String text = "建议公开开发区闲置土地清理处置的进展和结果。";
        browser.get(root + "index.html?publication=" + publication);
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("submit")));
        loseTheFirstAnswer();
        byId("text").sendKeys(text);
        byId("submit").click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-error"), "网络异常"));
        assertLostAnswerIsExplained();
        Object firstKey = sentKey(0);
        java.util.List<String> stored = storedCodes(publication);
        assertEquals(1, stored.size(), "the first try was stored: " + stored);

        browser.navigate().refresh();
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("submit")));
        loseTheFirstAnswer(); // records the bodies again; this page's 201, if one came, would be lost too
        byId("text").clear();
        byId("text").sendKeys(" " + text + "\n"); // written again, a space and a line break apart
        byId("submit").click();
        String code = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("tracking-code"))).getText();
        assertEquals(stored.get(0), code, "the code of the text stored before the reload");
        assertEquals("已收到", byId("receipt-heading").getText());
        assertEquals(firstKey, sentKey(0), "the key kept across the reload");
        assertEquals(stored, storedCodes(publication), "nothing stored twice");
        chromium.screenshot("public-form-received-after-reload.png");

        // the code shown, the text's key is let go: another text, or the same one later, draws anew
        browser.navigate().refresh();
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("submit")));
        loseTheFirstAnswer();
        byId("text").clear();
        byId("text").sendKeys(text);
        byId("submit").click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-error"), "相同内容已于近期收到"));
        assertFalse(firstKey.equals(sentKey(0)), "a new key once the text was received");
        assertFalse(byId("main").getText().contains(code), "a form without the key is not told the code");
        assertFalse(byId("receipt").isDisplayed());
    }

    @Test
    void aPublicationAnnouncedAheadOfItsWindowDoesNotLinkTheProgressPageYet() {
        // two days ahead: a run near midnight in Shanghai still stands before the window
        LocalDateTime ahead = LocalDateTime.now(Publications.SHANGHAI).truncatedTo(ChronoUnit.DAYS).plusDays(2);
        String publication = Publications.create(Publications.json(UUID.randomUUID(), ahead,
                ahead.plusDays(7).minusSeconds(1), null));
        browser.get(root + "index.html?publication=" + publication);
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("publication-status"), "当前不在受理时间内"));
        // reporting-service answers 404 for the inspection's progress page until the window begins
        assertFalse(byId("publication-progress").isDisplayed(), byId("publication-progress-link").getAttribute("href"));
    }

    @Test
    void theTrackingPageShowsBeijingTimeAndLeadsBackToItsPublication() {
        String publication = Publications.openNow();
        browser.get(root + "track.html?publication=" + publication);
        WebElement back = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("back-link")));
        // 07:30 on 30 November in Beijing is 23:30 on the 29th in UTC; the reader's device zone does not matter
        Object shown = ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return PublicDates.moment('2026-11-29T23:30:00Z')");
        assertEquals("2026年11月30日 07:30（北京时间）", shown);
        assertEquals("2028年2月29日 00:00（北京时间）", ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return PublicDates.moment('2028-02-28T16:00:00Z')"));
        back.click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("publication-title"), "整改进展情况"));
        assertTrue(browser.getCurrentUrl().endsWith("index.html?publication=" + publication), browser.getCurrentUrl());

        // a reader who comes back to look up an earlier submission goes from the form's footer, and back again
        byId("footer-track-link").click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("back-link")));
        assertTrue(byId("back-link").getAttribute("href").endsWith("index.html?publication=" + publication),
                "返回 from the footer's way in: " + byId("back-link").getAttribute("href"));

        // without a publication there is nowhere to go back to: no link into an error page
        browser.get(root + "track.html");
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("code")));
        assertFalse(byId("back-link").isDisplayed());
    }

    /**
     * A letter staff registered without its time and closed without an answer: the page shows the day it came
     * (not 00:00), no date an answer is expected by, and says it was closed without a separate reply, never the
     * office's reason for closing (its own note, which may hold anything).
     */
    @Test
    void aLetterClosedWithoutAnAnswerShowsItsDayAndThatNoReplyFollows() {
        String publication = Publications.openNow();
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        var created = io.restassured.RestAssured.given().contentType("application/json").header("X-Actor", "li.ganshi")
                .body("""
                        {"publicationId":"%s","channel":"POST","receivedOn":"%s","text":"来信反映补偿款兑付拖延的问题。"}"""
                        .formatted(publication, today))
                .when().post("/feedback").then().statusCode(201).extract();
        String id = created.path("id");
        String code = created.path("trackingCode");
        io.restassured.RestAssured.given().contentType("application/json").header("X-Actor", "li.ganshi")
                .body("{\"reason\":\"内部备注：已电话联系张三\"}").when().post("/feedback/" + id + "/close")
                .then().statusCode(200);
        Clients.citizen().get("/feedback/track/" + code).then().statusCode(200)
                .body("receivedOn", org.hamcrest.Matchers.equalTo(today.toString()));

        browser.get(root + "track.html?code=" + code + "&publication=" + publication);
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
        assertEquals("已办结", byId("result-status").getText());
        assertEquals(today.getYear() + "年" + today.getMonthValue() + "月" + today.getDayOfMonth() + "日",
                byId("result-received").getText(), "the day alone, not 00:00（北京时间）");
        assertFalse(byId("result-due").isDisplayed(), "no reply is to come: no date is promised");
        assertFalse(byId("result-due-label").isDisplayed());
        assertEquals("本件已办结，未另行单独答复。", byId("result-answer").getText());
        assertFalse(byId("result").getText().contains("张三"), "the office's reason for closing stays in the office");
    }

    @Test
    void thePagesAreServedWithAStrictContentSecurityPolicy() {
        for (String page : new String[]{"index.html", "track.html"}) {
            io.restassured.RestAssured.given().when().get("/" + page)
                    .then().statusCode(200)
                    .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self'"))
                    .header("Content-Security-Policy", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("unsafe-inline")))
                    .header("X-Content-Type-Options", "nosniff");
        }
    }

    /**
     * The files keep their names from release to release, so a browser asks again before using its
     * copy (no-cache) and gets 304 while the file is the same: never yesterday's form.js after an upgrade.
     */
    @Test
    void thePagesAndTheirFilesAreRevalidatedNotKeptForADay() {
        for (String file : new String[]{"", "index.html", "track.html", "form.js", "copy.js", "track.js", "form.css"}) {
            String lastModified = io.restassured.RestAssured.given().when().get("/" + file)
                    .then().statusCode(200).header("Cache-Control", "no-cache")
                    .extract().header("Last-Modified");
            io.restassured.RestAssured.given().header("If-Modified-Since", lastModified).when().get("/" + file)
                    .then().statusCode(304);
        }
    }

    @Test
    void aCodeThatCannotExistIsExplainedNextToTheField() {
        browser.get(root + "track.html");
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("code"))).sendKeys("ABC");
        // the hint names the letters a code never has (TrackingCodes.ALPHABET leaves out 0, 1, I and O)
        assertTrue(byId("code-hint").getText().contains("不含容易混淆的 0、1、I、O"), byId("code-hint").getText());
        byId("lookup").click();
        WebElement error = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("code-error")));
        assertTrue(error.getText().contains("16 位"), error.getText());
        assertEquals("true", byId("code").getAttribute("aria-invalid"));
        assertFalse(byId("result").isDisplayed());
    }

    String clipboard() {
        return (String) ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done, e => done('failed: ' + e));");
    }

    /**
     * The form offers the categories with their reply days (from the service's one rule) and the
     * inspection's findings as tasks-service announced them and the report lists them (an area without
     * one is not offered; FormChoicesTest has the rule), numbered as the report numbers them; the choice reaches the
     * feedback; the code is copied with a button on the receipt and on the tracking page, which
     * says the feedback became a rectification problem and shows its progress.
     */
    @Test
    void aCategoryAreaAndMeasureAreChosenTheCodeIsCopiedAndAnEscalationShowsItsProblem() throws IOException {
        String publication = Publications.openNow();
        java.util.UUID inspection = java.util.UUID.fromString(io.restassured.RestAssured.given()
                .get("/publications/" + publication).then().extract().path("inspectionId"));
        java.util.UUID area1 = java.util.UUID.randomUUID();
        java.util.UUID area2 = java.util.UUID.randomUUID();
        java.util.UUID problem = java.util.UUID.randomUUID();
        java.util.UUID task = java.util.UUID.randomUUID();
        io.rectification.feedback.Ledger.area(inspection, area1, 1, "推进管理机制改革不彻底");
        io.rectification.feedback.Ledger.area(inspection, area2, 2, "规范资金资产使用管理不到位");
        io.rectification.feedback.Ledger.problem(inspection, area2, problem, 3, "征收补偿款兑付不及时", "PLAN", null, 0, 0);
        io.rectification.feedback.Ledger.task(inspection, area2, problem, task, 2, "建立征收补偿款兑付台账", "IN_PROGRESS", 40, 0);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                io.restassured.RestAssured.given().get("/publications/" + publication + "/form-choices").then()
                        .extract().jsonPath().getList("areas[0].measures").size() == 1);
        io.restassured.RestAssured.given().get("/publications/" + publication + "/form-choices").then()
                .body("categories.label", org.hamcrest.Matchers.contains("意见", "建议", "投诉", "举报"))
                .body("categories.replyDays", org.hamcrest.Matchers.contains(15, 15, 10, 5))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("李某某")));

        ((ChromeDriver) browser).executeCdpCommand("Browser.grantPermissions", java.util.Map.of(
                "origin", root.toString().replaceAll("/$", ""),
                "permissions", java.util.List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        browser.get(root + "index.html?publication=" + publication);
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("subject-fields")));
        var category = new org.openqa.selenium.support.ui.Select(byId("category"));
        assertEquals(java.util.List.of("不选择", "意见（15日内答复）", "建议（15日内答复）", "投诉（10日内答复）", "举报（5日内答复）"),
                category.getOptions().stream().map(WebElement::getText).toList());
        assertTrue(byId("category-hint").getText().contains("不选择时在15日内答复"), byId("category-hint").getText());
        assertFalse(byId("taskId").isEnabled(), "a measure is chosen within an area");
        category.selectByValue("COMPLAINT");
        var area = new org.openqa.selenium.support.ui.Select(byId("areaId"));
        assertEquals(java.util.List.of("不选择", "（二）规范资金资产使用管理不到位"),
                area.getOptions().stream().map(WebElement::getText).toList(), "（一） has no finding yet");
        area.selectByVisibleText("（二）规范资金资产使用管理不到位");
        var measure = new org.openqa.selenium.support.ui.Select(byId("taskId"));
        // numbered as the report numbers the measure under its area, by place: its problem and it are the first
        // shown (the ledger numbers them 3 and 2), 1.一是
        assertEquals(java.util.List.of("不选择", "1.一是 建立征收补偿款兑付台账"),
                measure.getOptions().stream().map(WebElement::getText).toList());
        measure.selectByValue(task.toString());
        byId("text").sendKeys("征收补偿款兑付台账迟迟未建立。");
        chromium.screenshot("public-form-choices.png");
        byId("submit").click();
        String code = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("tracking-code"))).getText();
        byId("copy-code").click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("copy-code-status"), "已复制"));
        assertEquals(code, clipboard());
        chromium.screenshot("public-form-receipt-copied.png");

        var staff = io.restassured.RestAssured.given().header("X-Actor", "li.ganshi").queryParam("publicationId", publication)
                .when().get("/feedback").then().statusCode(200).extract().jsonPath();
        assertEquals("COMPLAINT", staff.getString("items[0].category"));
        assertEquals(area2.toString(), staff.getString("items[0].areaId"));
        assertEquals(task.toString(), staff.getString("items[0].taskId"));
        java.time.OffsetDateTime received = java.time.OffsetDateTime.parse(staff.getString("items[0].receivedAt"));
        assertEquals(received.plusDays(10).toInstant(),
                java.time.OffsetDateTime.parse(staff.getString("items[0].replyDueAt")).toInstant(), "a complaint: 10 days");

        // the measure chosen turns out to have been entered by mistake (撤销): the tracking page says so, no reason
        io.rectification.feedback.Ledger.cancelTask(inspection, area2, problem, task, 2, "建立征收补偿款兑付台账", 1);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                Clients.citizen().get("/feedback/track/" + code).then().extract().path("linkNotice") != null);
        browser.get(root + "track.html?code=" + code + "&publication=" + publication);
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("result-link")));
        assertEquals("您的意见建议所关联的整改事项因录入有误，已从整改台账中撤销；您的意见建议仍在办理中，将重新研判。",
                byId("result-link").getText());
        chromium.screenshot("tracking-link-cancelled.png");

        // escalated, registered by tasks-service as a problem with a measure under way
        String id = staff.getString("items[0].id");
        io.restassured.RestAssured.given().contentType(io.restassured.http.ContentType.JSON).header("X-Actor", "wang.kezhang")
                .body("{\"title\":\"征收补偿款兑付台账未建立\",\"description\":\"经核实，需立项整改。\"}")
                .when().post("/feedback/" + id + "/escalate").then().statusCode(200);
        java.util.UUID escalatedProblem = java.util.UUID.randomUUID();
        io.rectification.feedback.Ledger.problem(inspection, area2, escalatedProblem, 4, "征收补偿款兑付台账未建立", "FEEDBACK",
                java.util.UUID.fromString(id), 0, 0);
        io.rectification.feedback.Ledger.task(inspection, area2, escalatedProblem, java.util.UUID.randomUUID(), 1,
                "三个月内建立兑付台账", "IN_PROGRESS", 30, 0);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                Integer.valueOf(30).equals(Clients.citizen().get("/feedback/track/" + code).then()
                        .extract().path("problem.percentComplete")));
        browser.get(root + "track.html?code=" + code + "&publication=" + publication);
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("result-problem")));
        assertEquals("已转为整改问题办理", byId("result-status").getText());
        assertFalse(byId("result-link").isDisplayed(), "an escalated feedback is followed by its problem, not its old link");
        assertTrue(byId("result-problem").getText().contains("已列为整改问题：征收补偿款兑付台账未建立"), byId("result-problem").getText());
        assertTrue(byId("result-problem").getText().contains("整改进度 30%（整改措施 1 项，已完成 0 项）"), byId("result-problem").getText());
        assertEquals("30", byId("result-problem").findElement(By.tagName("progress")).getAttribute("value"));
        byId("copy-code").click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("copy-code-status"), "已复制"));
        assertEquals(code, clipboard());
        chromium.screenshot("tracking-escalated.png");
    }
}
