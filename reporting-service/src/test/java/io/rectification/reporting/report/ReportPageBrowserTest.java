package io.rectification.reporting.report;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.platform.testing.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.net.URL;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A published report in a real headless Chromium: styled by its stylesheet under the service's strict
 * CSP (style-src 'self'), laid out as an official document, with no CSP violation in the console.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class ReportPageBrowserTest {

    @TestHTTPResource("/")
    URL service;

    @Test
    void publishedReportIsStyledUnderTheStrictCsp() throws Exception {
        ReportFiguresTest.Ledger ledger = new ReportFiguresTest.Ledger();
        String inspection = ledger.plan.inspectionId.toString();
        // section 一 numbered as the notice numbers its points, each on a line of its own
        ledger.draft(Map.of("leadershipResponsibility", "党工委坚决贯彻落实党中央决策部署。\n（一）主要负责同志高度重视，坚定不移把“两个维护”"
                + "贯穿巡视整改工作始终\n党工委书记认真履行巡视整改第一责任人责任。"));
        await().atMost(ReportFiguresTest.WAIT).untilAsserted(() -> given().when().get("/reports/" + inspection + "/checks")
                .then().statusCode(200).body("publishable", equalTo(true)));
        String location = DraftSaves.publishing(inspection).when().post("/reports/" + inspection + "/versions")
                .then().statusCode(201).extract().header("Location");
        given().when().get(location).then().statusCode(200)
                .header("Content-Security-Policy", containsString("style-src 'self'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")));
        // the stylesheet keeps its name from release to release: a browser asks again before using its copy
        given().when().get(ReportPage.STYLESHEET).then().statusCode(200).contentType(containsString("text/css"))
                .header("Cache-Control", "no-cache");

        try (HeadlessChromium chromium = new HeadlessChromium()) {
            WebDriver browser = chromium.browser();
            browser.manage().window().setSize(new Dimension(1280, 900));
            browser.get(service.toString().replaceAll("/$", "") + "/reports/" + inspection + "/versions/1.html");

            WebElement title = browser.findElement(By.tagName("h1"));
            assertEquals("关于省委第七巡视组专项巡视沈阳高新区整改进展情况的通报", title.getText());
            assertEquals("center", title.getCssValue("text-align"));
            // body paragraphs: a first-line indent of two characters of their own size
            List<WebElement> paragraphs = browser.findElements(By.cssSelector("article > p:not(.signature)"));
            assertTrue(paragraphs.size() > 3, "the body has its paragraphs");
            for (WebElement paragraph : paragraphs) {
                assertEquals(pixels(paragraph.getCssValue("font-size")) * 2, pixels(paragraph.getCssValue("text-indent")),
                        0.01, paragraph.getText());
            }
            assertEquals(paragraphs.get(0).getText(), browser.findElement(By.cssSelector("meta[name=description]"))
                    .getDomAttribute("content"), "the page's summary is its opening paragraph");
            assertTrue(paragraphs.get(0).getCssValue("font-family").contains("FangSong"),
                    paragraphs.get(0).getCssValue("font-family"));
            // section 一's points are headings of the level of section 二's areas, set as they are (二级标题 in 楷体,
            // indented two characters), so a screen reader's heading navigation finds both
            List<WebElement> subheadings = browser.findElements(By.cssSelector("article > h3"));
            assertEquals("（一）主要负责同志高度重视，坚定不移把“两个维护”贯穿巡视整改工作始终", subheadings.get(0).getText());
            assertTrue(subheadings.stream().anyMatch(h -> h.getText().startsWith("（一）贯彻落实党中央决策部署")), "section 二's area");
            for (WebElement heading : subheadings) {
                assertEquals(pixels(heading.getCssValue("font-size")) * 2, pixels(heading.getCssValue("text-indent")), 0.01,
                        heading.getText());
                assertTrue(heading.getCssValue("font-family").contains("KaiTi"), heading.getCssValue("font-family"));
            }
            // the signature and the date, right-aligned at the end
            List<WebElement> signature = browser.findElements(By.cssSelector("p.signature"));
            assertEquals(List.of("中共沈阳高新技术产业开发区工作委员会", "2025年11月6日"),
                    signature.stream().map(WebElement::getText).toList());
            signature.forEach(line -> assertEquals("right", line.getCssValue("text-align")));

            // the 目录: a line per area (under its section), its count of findings at the right edge; a click brings its heading
            // into view, and the area's 返回目录 leads back
            List<WebElement> entries = browser.findElements(By.cssSelector("nav#contents ol ol a"));
            assertTrue(entries.size() >= 2, "the areas are listed");
            assertEquals("flex", entries.get(0).getCssValue("display"), "styled by the stylesheet");
            String second = entries.get(1).getDomAttribute("href");
            entries.get(1).click();
            JavascriptExecutor script = (JavascriptExecutor) browser;
            assertEquals(second, script.executeScript("return location.hash"));
            WebElement heading = browser.findElement(By.cssSelector("article > h3" + second));
            assertTrue(entries.get(1).getText().startsWith(heading.getText()), entries.get(1).getText());
            double top = ((Number) script.executeScript("return arguments[0].getBoundingClientRect().top", heading)).doubleValue();
            assertTrue(top >= 0 && top < 900, "the heading is in view: " + top);
            chromium.screenshot("report-contents-jump.png");
            List<WebElement> back = browser.findElements(By.cssSelector("article > p.back a"));
            assertEquals(entries.size(), back.size(), "each area leads back");
            back.get(back.size() - 1).click();
            assertEquals("#contents", script.executeScript("return location.hash"));
            script.executeScript("window.scrollTo(0, 0)");

            List<String> console = chromium.console();
            assertTrue(console.stream().noneMatch(line -> line.contains("Content Security Policy")), String.join("\n", console));
            chromium.screenshot("report-desktop.png");
            ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, document.body.scrollHeight)");
            chromium.screenshot("report-desktop-end.png");

            browser.manage().window().setSize(new Dimension(390, 844));
            ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, document.body.scrollHeight)");
            chromium.screenshot("report-phone-end.png");
            assertTrue(chromium.console().isEmpty(), "nothing in the console on a phone either");
        }
    }

    /** What Chromium and Firefox send for a navigation. */
    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Test
    void thePublicPagesErrorsAreStyledPagesInChinese() throws Exception {
        ReportFiguresTest.Ledger ledger = new ReportFiguresTest.Ledger();
        String inspection = ledger.plan.inspectionId.toString();
        String unknown = java.util.UUID.randomUUID().toString();
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("/reports/" + inspection + "/versions/2.html", "整改情况报告第2版尚未公布");
        pages.put("/reports/" + inspection + "/versions/2.pdf", "整改情况报告第2版尚未公布");
        pages.put("/reports/" + unknown + "/progress.html", "整改进展页面尚未公开");
        pages.put("/reports/e0c1-not-an-id/progress.html", "链接有误");
        pages.put("/reports/" + inspection + "/versions/abc.html", "页面不存在或尚未公开");
        for (var page : pages.entrySet()) {
            String html = given().header("Accept", BROWSER).when().get(page.getKey()).then()
                    .statusCode(page.getKey().contains("not-an-id") ? 400 : 404).contentType(containsString("text/html"))
                    .body(containsString("<link rel=\"stylesheet\" href=\"/reports/public.css\">\n<link rel=\"stylesheet\" href=\"/reports/error.css\">"))
                    .body(not(containsString("<style"))).body(not(containsString("style=")))
                    .extract().asString();
            // the service's words stay with programs (problem+json), and no id the address does not hold
            for (String internal : List.of("Not found", "does not exist", "inspectionId", "Bad request", unknown.substring(0, 8) + "-")) {
                if (!page.getKey().contains(internal)) {
                    assertTrue(!html.contains(internal), internal + " in " + page.getKey() + ":\n" + html);
                }
            }
        }
        given().when().get("/reports/" + inspection + "/versions/2.html").then().statusCode(404)
                .contentType(containsString("application/problem+json")).body("title", equalTo("Not found"));
        given().when().get("/reports/error.css").then().statusCode(200).contentType(containsString("text/css"));
        given().when().get("/reports/public.css").then().statusCode(200).contentType(containsString("text/css"));

        try (HeadlessChromium chromium = new HeadlessChromium()) {
            WebDriver browser = chromium.browser();
            browser.manage().window().setSize(new Dimension(390, 844));
            int shot = 0;
            for (var page : pages.entrySet()) {
                browser.get(service.toString().replaceAll("/$", "") + page.getKey());
                WebElement heading = browser.findElement(By.tagName("h1"));
                String text = browser.findElement(By.tagName("body")).getText();
                assertTrue(text.contains(page.getValue()), page.getKey() + ": " + text);
                assertTrue(!text.matches("(?s).*[A-Za-z].*"), "Chinese only, no English internals: " + text);
                // styled by its stylesheets: the sheet on public.css's grey, the heading larger than the text
                assertEquals("rgba(244, 244, 242, 1)", browser.findElement(By.tagName("html")).getCssValue("background-color"));
                assertTrue(pixels(heading.getCssValue("font-size")) > pixels(browser.findElement(By.tagName("p"))
                        .getCssValue("font-size")), page.getKey());
                chromium.screenshot("public-error-" + (++shot) + ".png");
            }
            List<String> console = chromium.console();
            assertTrue(console.stream().noneMatch(line -> line.contains("Content Security Policy")), String.join("\n", console));
        }
    }

    private static double pixels(String cssLength) {
        assertTrue(cssLength.endsWith("px"), cssLength);
        return Double.parseDouble(cssLength.substring(0, cssLength.length() - 2));
    }
}
