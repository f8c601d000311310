package io.rectification.reporting.dashboard;

import io.rectification.platform.testing.StaffTokens;
import org.junit.jupiter.api.extension.ExtendWith;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.security.Roles;
import io.rectification.platform.testing.TestTokens;
import io.rectification.reporting.ContractEvents;
import io.rectification.platform.testing.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dashboard page in a real headless Chromium: it shows what the API returns. */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class DashboardPageTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @TestHTTPResource("/ui/dashboard.html")
    URL page;

    private HeadlessChromium chromium;
    private WebDriver browser;

    @BeforeEach
    void startBrowser() throws Exception {
        chromium = new HeadlessChromium();
        browser = chromium.browser();
    }

    @AfterEach
    void stopBrowser() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void pageShowsTheFiguresTheApiReturns() throws Exception {
        ContractEvents plan = new ContractEvents();
        plan.registerInspection();
        UUID area1 = plan.registerArea(1, "贯彻落实党中央决策部署不到位");
        UUID area2 = plan.registerArea(2, "推进管理机制改革不彻底");
        UUID problem1 = plan.registerProblem(area1, 1, "深入贯彻落实党的二十大精神");
        // a title as long as the notice's longest, so the overdue table must wrap it to show every column
        UUID problem2 = plan.registerProblem(area2, 1, "深化体制机制改革，优化高新区布局，强化高新区职能，健全以绩效为核心的薪酬制度和招商人员正向激励机制");
        ContractEvents.sendTask("TaskVerified", plan.task(UUID.randomUUID(), area1, problem1, 1, "VERIFIED", "2025-03-31"), 2);
        var measured = plan.task(UUID.randomUUID(), area1, problem1, 2, "IN_PROGRESS", "2025-02-28").put("title", "持续跟进抓好落实");
        ContractEvents.sendTask("TaskCreated", measured, 1);
        // an indicator below its target; recorded at 07:30 on 1 April in Beijing (still 31 March in UTC)
        String indicatorId = UUID.randomUUID().toString();
        measured.putArray("indicators").addObject().put("id", indicatorId).put("name", "新增亿元以上主导产业项目占比")
                .put("unit", "%").put("baseline", 80).put("targetKind", "ABSOLUTE").put("targetValue", 90)
                .put("direction", "INCREASE").put("met", false);
        ContractEvents.sendTask("IndicatorRecorded", measured, 2, Map.of("indicatorId", indicatorId, "value", 85,
                "source", "2025年一季度招商引资项目统计台账", "recordedAt", "2025-04-01T07:30:00+08:00"));
        ContractEvents.sendTask("TaskCreated", plan.task(UUID.randomUUID(), area2, problem2, 1, "IN_PROGRESS", "2025-01-31")
                .put("title", "优化高新区布局").put("responsibleUnit", "党政办公室"), 1);
        // a 群众反映 problem's overdue task: beside the figures, not in them
        UUID complaint = plan.registerProblem(area2, 2, "园区道路积水治理不及时", "FEEDBACK");
        ContractEvents.sendTask("TaskCreated", plan.task(UUID.randomUUID(), area2, complaint, 1, "IN_PROGRESS", "2025-02-28")
                .put("title", "排查整治园区道路积水点").put("responsibleUnit", "建设管理局"), 1);
        UUID publication = plan.publish("2025-11-06T00:00:00+08:00", "2025-11-13T23:59:59+08:00");
        ContractEvents.sendFeedback("FeedbackAnswered", plan.feedback(UUID.randomUUID(), publication, "PHONE", "ANSWERED",
                "2025-11-06T10:00:00+08:00").put("answeredAt", "2025-11-07T10:00:00+08:00"), 3, Map.of());
        ContractEvents.sendFeedback("FeedbackReceived", plan.feedback(UUID.randomUUID(), publication, "WEB", "RECEIVED",
                "2025-11-07T10:00:00+08:00"), 1, Map.of());
        String inspection = plan.inspectionId.toString();
        await().atMost(WAIT).untilAsserted(() -> {
            given().queryParam("inspectionId", inspection).queryParam("asOf", "2025-04-15")
                    .when().get("/dashboard/summary").then().body("tasks", equalTo(3))
                    .body("otherSources[0].tasks", equalTo(1));
            given().queryParam("inspectionId", inspection).when().get("/dashboard/feedback")
                    .then().body("received", equalTo(2));
            given().queryParam("inspectionId", inspection).when().get("/dashboard/indicators")
                    .then().body("[0].points.value", equalTo(List.of(85)));
        });
        var summary = given().queryParam("inspectionId", inspection).queryParam("asOf", "2025-04-15")
                .when().get("/dashboard/summary").then().extract().jsonPath();
        int overdueTotal = given().queryParam("inspectionId", inspection).queryParam("asOf", "2025-04-15")
                .when().get("/dashboard/overdue").then().extract().path("total");

        browser.manage().window().setSize(new Dimension(1366, 900));
        // The page takes its token from the address's fragment, as a projector's bookmark would carry it.
        browser.get(page + "?inspectionId=" + inspection + "&asOf=2025-04-15#token="
                + TestTokens.token("大屏", Roles.INTEGRATION));
        new WebDriverWait(browser, WAIT).until(driver ->
                "true".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-loaded"))
                        || driver.findElement(By.id("error")).isDisplayed());
        assertFalse(browser.findElement(By.id("error")).isDisplayed(), browser.findElement(By.id("error")).getText());

        assertEquals(String.valueOf(summary.getInt("tasks")), text("figure-tasks"));
        assertEquals(String.valueOf(summary.getInt("verified")), text("figure-verified"));
        assertEquals(String.valueOf(summary.getInt("overdue")), text("figure-overdue"));
        assertEquals("33.3%", text("figure-completion"));
        assertEquals("2/1", text("figure-feedback"));
        assertEquals(2, overdueTotal);
        assertEquals(overdueTotal, browser.findElements(By.cssSelector("#overdue tbody tr")).size());
        // the task as every staff screen names it, its problem as the notice numbers it under its area
        assertEquals("（二）1.一是 优化高新区布局", browser.findElement(By.cssSelector("#overdue tbody tr td:nth-child(3)")).getText());
        assertTrue(browser.findElement(By.cssSelector("#overdue tbody tr td:nth-child(2)")).getText().startsWith("1. 深化体制机制改革"));
        // which problems the figures count, and the 群众反映 task beside them
        assertEquals("以上任务数字只计巡视反馈意见指出的问题，与整改情况报告一致；另有群众反映任务 1 项（已销号 0 项，逾期 1 项），不计入以上数字。",
                text("scope"));
        assertEquals(List.of("整改任务", "已销号（含巩固中）", "完成率（含待核验）"), browser.findElements(By.cssSelector(".figure .label"))
                .stream().limit(3).map(WebElement::getText).toList());
        assertTrue(browser.findElements(By.cssSelector("#chart-areas canvas")).size() > 0, "the area chart is drawn");
        assertTrue(browser.findElements(By.cssSelector("#chart-feedback canvas")).size() > 0, "the trend is drawn");
        // the state breakdown: every state in the order a task goes through, as the summary counts them
        assertTrue(browser.findElements(By.cssSelector("#chart-states canvas")).size() > 0, "the states are drawn");
        assertEquals(List.of("未开始 0", "整改中 2", "待核验 0", "已销号 1", "已销号（巩固中） 0", "再整改 0"),
                browser.findElements(By.cssSelector("#states-table tbody tr")).stream().map(row -> row.findElements(By.tagName("td"))
                        .stream().limit(2).map(e -> e.getAttribute("textContent")).reduce((a, b) -> a + " " + b).orElse("")).toList());
        // the indicators against baseline and target: the latest value, its source and its day in Beijing
        assertEquals(List.of("新增亿元以上主导产业项目占比", "80%", "≥ 90%", "85%", "2025年一季度招商引资项目统计台账",
                        "2025-04-01", "未达标"),
                browser.findElements(By.cssSelector("#indicators-table tbody tr td")).stream().map(WebElement::getText).toList());
        assertTrue(browser.findElement(By.cssSelector("#indicators-table tbody tr a")).getDomAttribute("href")
                .equals("/console/tasks/" + measured.get("id").asText()));
        chromium.screenshot("dashboard-projector.png");

        // a director's screens: every overdue column (牵头领导, 责任单位, 完成时限, 逾期天数 included) inside the
        // panel without scrolling sideways; the units ranked, most overdue and lowest close-out rate first
        for (int width : new int[]{1280, 1920}) {
            browser.manage().window().setSize(new Dimension(width, 1000));
            browser.navigate().refresh();
            new WebDriverWait(browser, WAIT).until(driver ->
                    "true".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
            for (String table : List.of("#overdue", "#units", "#officials")) {
                WebElement wrap = browser.findElement(By.cssSelector(table)).findElement(By.xpath(".."));
                long scroll = ((Number) ((JavascriptExecutor) browser).executeScript("return arguments[0].scrollWidth", wrap)).longValue();
                long client = ((Number) ((JavascriptExecutor) browser).executeScript("return arguments[0].clientWidth", wrap)).longValue();
                assertTrue(scroll <= client, width + " px: the table " + table + " is cut off (" + scroll + " > " + client + ")");
            }
            List<String> headers = browser.findElements(By.cssSelector("#overdue th")).stream().map(WebElement::getText).toList();
            assertEquals(List.of("方面", "问题", "整改任务", "牵头领导", "责任单位", "完成时限", "逾期天数"), headers);
            for (WebElement cell : browser.findElements(By.cssSelector("#overdue th, #overdue td"))) {
                assertTrue(cell.isDisplayed() && cell.getRect().getX() + cell.getRect().getWidth() <= width,
                        width + " px: " + cell.getText() + " lies beyond the window");
            }
            List<WebElement> ranked = browser.findElements(By.cssSelector("#units tbody tr"));
            assertEquals(2, ranked.size());
            assertEquals(List.of("1", "党政办公室", "1", "0", "0", "0%", "1", "0", "0"),
                    ranked.get(0).findElements(By.tagName("td")).stream().map(WebElement::getText).toList());
            assertEquals("经济发展局", ranked.get(1).findElements(By.tagName("td")).get(1).getText());
            ((JavascriptExecutor) browser).executeScript("document.getElementById('overdue').scrollIntoView()");
            chromium.screenshot("dashboard-" + width + ".png");
        }

        // the director's figures: the lead officials ranked, the burn-up and the funnel drawn, each with its table
        assertEquals(List.of("1", "张副主任", "3"), browser.findElements(By.cssSelector("#officials tbody tr")).get(0)
                .findElements(By.tagName("td")).stream().limit(3).map(WebElement::getText).toList());
        assertTrue(browser.findElements(By.cssSelector("#chart-burn-up canvas")).size() > 0, "the burn-up is drawn");
        assertTrue(browser.findElements(By.cssSelector("#chart-funnel canvas")).size() > 0, "the funnel is drawn");
        assertEquals(List.of("收到", "2"), browser.findElements(By.cssSelector("#funnel-table tbody tr")).get(0)
                .findElements(By.tagName("td")).stream().map(e -> e.getAttribute("textContent")).toList());
        assertTrue(browser.findElements(By.cssSelector("#burn-up-table tbody tr")).size() > 0);

        // drill-down: a unit's name opens its tasks, each linked to the task's page in the console
        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.findElement(By.cssSelector("#units tbody tr:first-child button")).click();
        new WebDriverWait(browser, WAIT).until(driver ->
                driver.findElements(By.cssSelector("#drill-table tbody tr")).size() == 1);
        WebElement link = browser.findElement(By.cssSelector("#drill-table tbody tr a"));
        assertEquals("（二）1.一是 优化高新区布局", link.getText());
        assertTrue(link.getDomAttribute("href").startsWith("/console/tasks/"), link.getDomAttribute("href"));
        // it says how many tasks the figure has, and offers no more when all are shown
        assertEquals("共 1 项", browser.findElement(By.id("drill-count")).getText());
        assertFalse(browser.findElement(By.id("drill-more")).isDisplayed());
        chromium.screenshot("dashboard-drill-1280.png");

        // live: a task falls overdue while the page is open; the page shows it without being reloaded
        browser.get(page + "?inspectionId=" + inspection + "&asOf=2025-04-15&refresh=5");
        new WebDriverWait(browser, WAIT).until(driver ->
                "true".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
        ((JavascriptExecutor) browser).executeScript("document.body.setAttribute('data-same-page', 'yes')");
        // a screen reader hears a refresh only when the figures changed, never the clock alone (accessibility
        // review, finding 6): the clock is no live region, and a refresh answered 304 throughout says nothing
        assertNull(browser.findElement(By.id("live")).getDomAttribute("aria-live"));
        new WebDriverWait(browser, WAIT).until(driver ->
                Integer.parseInt(driver.findElement(By.tagName("body")).getDomAttribute("data-loads")) >= 2);
        assertEquals("", said(), "an unchanged refresh (and the first load) says nothing");
        ContractEvents.sendTask("TaskCreated", plan.task(UUID.randomUUID(), area2, problem2, 2, "IN_PROGRESS", "2025-03-31")
                .put("title", "健全薪酬制度").put("responsibleUnit", "党政办公室"), 1);
        new WebDriverWait(browser, WAIT).until(driver ->
                driver.findElements(By.cssSelector("#overdue tbody tr")).size() == 3);
        assertEquals("yes", browser.findElement(By.tagName("body")).getDomAttribute("data-same-page"));
        assertEquals("3", text("figure-overdue"));
        new WebDriverWait(browser, WAIT).until(driver -> "数据已更新".equals(said()));

        browser.manage().window().setSize(new Dimension(390, 844));
        chromium.screenshot("dashboard-phone.png");

        // the wall screen: no controls, the figures and one panel at a time, turning by itself
        browser.manage().window().setSize(new Dimension(1920, 1080));
        browser.get(page + "?inspectionId=" + inspection + "&asOf=2025-04-15&wall=1&rotate=5");
        new WebDriverWait(browser, WAIT).until(driver ->
                "true".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
        assertFalse(browser.findElement(By.id("wall-link")).isDisplayed(), "no controls on the wall screen");
        String first = browser.findElement(By.tagName("body")).getDomAttribute("data-wall-panel");
        assertEquals(1, browser.findElements(By.cssSelector("[data-panel]")).stream().filter(WebElement::isDisplayed).count());
        chromium.screenshot("dashboard-wall-" + first + ".png");
        new WebDriverWait(browser, WAIT).until(driver ->
                !first.equals(driver.findElement(By.tagName("body")).getDomAttribute("data-wall-panel")));
        // a presenter's clicker steps it (the turning set to an hour, so only the keys move it): Page Down
        // on, Page Up back, then Page Down through every panel
        browser.get(page + "?inspectionId=" + inspection + "&asOf=2025-04-15&wall=1&rotate=3600");
        new WebDriverWait(browser, WAIT).until(driver ->
                "true".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
        WebElement body = browser.findElement(By.tagName("body"));
        assertEquals(first, body.getDomAttribute("data-wall-panel"));
        body.sendKeys(Keys.PAGE_DOWN);
        assertNotEquals(first, body.getDomAttribute("data-wall-panel"));
        body.sendKeys(Keys.PAGE_UP);
        assertEquals(first, body.getDomAttribute("data-wall-panel"));
        long innerHeight = ((Number) ((JavascriptExecutor) browser).executeScript("return window.innerHeight")).longValue();
        for (String panel : List.of("areas", "states", "overdue", "units", "officials", "burn-up", "indicators", "funnel",
                "feedback")) {
            if (!panel.equals(body.getDomAttribute("data-wall-panel"))) {
                body.sendKeys(Keys.PAGE_DOWN);
            }
            assertEquals(panel, body.getDomAttribute("data-wall-panel"));
            WebElement shown = browser.findElement(By.cssSelector("[data-panel='" + panel + "']"));
            assertTrue(shown.getRect().getY() + shown.getRect().getHeight() <= innerHeight,
                    panel + " fits the wall screen: " + shown.getRect() + " in " + innerHeight);
            assertEquals("", cutOff(), panel + ": rows cut off at the panel's foot");
            chromium.screenshot("dashboard-wall-" + panel + ".png");
        }

        // a screen too low for the units' two rows: it shows those it has room for, whole, and says how
        // many more there are (the window lowered until the second row no longer fits)
        body.sendKeys(Keys.PAGE_DOWN, Keys.PAGE_DOWN, Keys.PAGE_DOWN, Keys.PAGE_DOWN);
        assertEquals("units", body.getDomAttribute("data-wall-panel"));
        WebElement more = browser.findElement(By.id("units-more"));
        for (int height = 1000; height > 200 && !more.isDisplayed(); height -= 20) {
            browser.manage().window().setSize(new Dimension(1280, height));
            assertEquals("", cutOff(), "units at 1280 × " + height + ": rows cut off at the panel's foot");
        }
        assertTrue(more.isDisplayed(), "the units' second row never left the panel");
        long shownRows = browser.findElements(By.cssSelector("#units tbody tr")).stream().filter(WebElement::isDisplayed).count();
        assertEquals("另有 " + (2 - shownRows) + " 个责任单位", more.getText());
        chromium.screenshot("dashboard-wall-units-low.png");
    }

    /**
     * 主要指标 at scale (612 indicators at 2,000 tasks): the panel shows the first 20, unmet first, and its
     * data-more line offers the rest, 显示全部（共N项）, and back, 收起; the choice outlives a refresh.
     */
    @Test
    void theIndicatorsShowTheFirstTwentyAndTheRestOnAsking() throws Exception {
        ContractEvents plan = new ContractEvents();
        plan.registerInspection();
        UUID area = plan.registerArea(1, "贯彻落实党中央决策部署不到位");
        UUID problem = plan.registerProblem(area, 1, "深入贯彻落实党的二十大精神");
        var task = plan.task(UUID.randomUUID(), area, problem, 1, "IN_PROGRESS", "2025-12-31").put("title", "持续跟进抓好落实");
        ContractEvents.sendTask("TaskCreated", task, 1);
        // 25 indicators met but the last two, which the page puts on top
        int total = 25;
        var indicators = task.putArray("indicators");
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 1; i <= total; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            indicators.addObject().put("id", id).put("name", "指标" + i).put("unit", "%").put("baseline", 80)
                    .put("targetKind", "ABSOLUTE").put("targetValue", 90).put("direction", "INCREASE").put("met", i <= total - 2);
        }
        for (int i = 0; i < total; i++) {
            ContractEvents.sendTask("IndicatorRecorded", task, 2 + i, Map.of("indicatorId", ids.get(i), "value", 95,
                    "source", "统计台账", "recordedAt", "2025-04-01T10:00:00+08:00"));
        }
        String inspection = plan.inspectionId.toString();
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("inspectionId", inspection).when()
                .get("/dashboard/indicators").then().body("size()", equalTo(total)));

        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.get(page + "?inspectionId=" + inspection + "&refresh=5#token=" + TestTokens.token("大屏", Roles.INTEGRATION));
        new WebDriverWait(browser, WAIT).until(driver ->
                "true".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
        List<WebElement> rows = browser.findElements(By.cssSelector("#indicators-table tbody tr"));
        assertEquals(total, rows.size(), "every indicator is on the page");
        // (the two in the server's order, which is by the indicators' ids)
        assertEquals(List.of("指标24", "指标25"), rows.stream().limit(2)
                .map(row -> row.findElement(By.tagName("td")).getText()).sorted().toList(), "unmet first");
        assertEquals(20, shownIndicators());
        WebElement toggle = browser.findElement(By.cssSelector("#indicators-more button"));
        assertEquals("显示全部（共25项）", toggle.getText());
        assertEquals("false", toggle.getDomAttribute("aria-expanded"));
        toggle.click();
        assertEquals(total, shownIndicators());
        assertEquals("收起", toggle.getText());
        assertEquals("true", toggle.getDomAttribute("aria-expanded"));
        // a refresh redraws the rows and keeps them all shown
        int loads = Integer.parseInt(browser.findElement(By.tagName("body")).getDomAttribute("data-loads"));
        new WebDriverWait(browser, WAIT).until(driver ->
                Integer.parseInt(driver.findElement(By.tagName("body")).getDomAttribute("data-loads")) > loads);
        assertEquals(total, shownIndicators());
        chromium.screenshot("dashboard-indicators-all.png");
        toggle.click();
        assertEquals(20, shownIndicators());
        assertEquals("显示全部（共25项）", toggle.getText());
    }

    private long shownIndicators() {
        return browser.findElements(By.cssSelector("#indicators-table tbody tr")).stream().filter(WebElement::isDisplayed).count();
    }

    /**
     * 「HH:MM:SS 已更新」 is Beijing time, as 数据截至 is Beijing's day, whatever zone the screen's browser
     * is set to: a wall screen in UTC said 11:52 while it was 19:52 in the office (review finding 12).
     */
    @Test
    void updatedAtIsBeijingTimeWhateverTheBrowsersZone() {
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "UTC"));
        browser.get(page + "?inspectionId=" + UUID.randomUUID() + "#token=" + TestTokens.token("大屏", Roles.INTEGRATION));
        new WebDriverWait(browser, WAIT).until(driver ->
                "true".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
        assertEquals(0L, ((Number) ((JavascriptExecutor) browser).executeScript("return new Date().getTimezoneOffset()")).longValue(),
                "the browser runs in UTC");
        Matcher shown = Pattern.compile("(\\d{2}):(\\d{2}):(\\d{2}) 已更新").matcher(text("live"));
        assertTrue(shown.find(), text("live"));
        LocalTime updated = LocalTime.of(Integer.parseInt(shown.group(1)), Integer.parseInt(shown.group(2)),
                Integer.parseInt(shown.group(3)));
        LocalTime beijing = LocalTime.now(ZoneId.of("Asia/Shanghai"));
        long apart = Math.abs(Duration.between(updated, beijing).toMinutes());
        // within a few minutes of Beijing time (and of it across midnight); UTC is eight hours away
        assertTrue(Math.min(apart, 24 * 60 - apart) <= 5, updated + " is not Beijing time (" + beijing + ")");
    }

    /**
     * The rows and "more" lines of the panel on the wall that reach below its foot or their table's
     * visible area (empty: none), read two frames on, so that a resize's handlers have run.
     */
    private String cutOff() {
        return (String) ((JavascriptExecutor) browser).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                requestAnimationFrame(function () { requestAnimationFrame(function () {
                    var panel = document.querySelector('[data-panel].on-wall');
                    var foot = panel.getBoundingClientRect().bottom - parseFloat(getComputedStyle(panel).paddingBottom);
                    done(Array.from(panel.querySelectorAll('tbody tr, .more'))
                        .filter(function (e) {
                            var wrap = e.closest('.table-wrap');
                            var clip = wrap ? Math.min(foot, wrap.getBoundingClientRect().bottom) : foot;
                            return e.offsetParent !== null && e.getBoundingClientRect().bottom > clip + 0.5;
                        })
                        .map(function (e) { return e.textContent; }).join(' | '));
                }); });""");
    }

    /** What the refresh's live region holds (visually hidden, so its text content, not Selenium's shown text). */
    private String said() {
        return browser.findElement(By.id("live-said")).getDomProperty("textContent");
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }
}
