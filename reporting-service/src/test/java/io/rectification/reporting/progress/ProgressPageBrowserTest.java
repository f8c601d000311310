package io.rectification.reporting.progress;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.AdjustableClock;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.platform.testing.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.net.URL;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The progress page in a real headless Chromium at a phone's and a desktop's width: styled by its
 * stylesheet under the strict CSP, no CSP violation in the console, nothing wider than the window,
 * and a problem opens to show its measures' state and progress.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class ProgressPageBrowserTest {

    @TestHTTPResource("/")
    URL service;

    @AfterEach
    void releaseClock() {
        AdjustableClock.release();
    }

    @Test
    void progressPageIsStyledUnderTheStrictCspOnAPhoneAndADesktop() throws Exception {
        ProgressLedger ledger = new ProgressLedger();
        // the feedback declares more than the ledger holds: the longest figures, 3项（巡视反馈共46项）
        ledger.plan.declareTotals(2, 2, 46, 64);
        String page = "/reports/" + ledger.plan.inspectionId + "/progress.html";
        AdjustableClock.pinAt(Instant.parse("2025-11-08T02:00:00Z"));
        await().atMost(ProgressPageTest.WAIT).untilAsserted(() -> given().when().get(page).then().statusCode(200)
                .body(containsString("完成编制外人员清退工作")).body(containsString("空编率降低：10%"))
                .body(containsString("巡视反馈共")));
        given().when().get(ProgressPage.STYLESHEET).then().statusCode(200).contentType(containsString("text/css"))
                .header("Cache-Control", "no-cache");
        // the page itself says its own caching (a minute), not the static files' rule
        given().when().get(page).then().statusCode(200).header("Cache-Control", "public, max-age=60");

        try (HeadlessChromium chromium = new HeadlessChromium()) {
            WebDriver browser = chromium.browser();
            for (Dimension size : List.of(new Dimension(390, 844), new Dimension(1280, 900))) {
                browser.manage().window().setSize(size);
                browser.get(service.toString().replaceAll("/$", "") + page);
                String name = size.getWidth() < 600 ? "phone" : "desktop";

                // the stylesheet applies: the masthead's colour and the bars' look come only from it
                WebElement masthead = browser.findElement(By.cssSelector("header.masthead"));
                assertEquals("rgba(158, 27, 27, 1)", masthead.getCssValue("background-color"));
                // the page's summary for search results and shared links: who inspected whom, and the window
                assertEquals(browser.findElement(By.cssSelector(".lede")).getText()
                                + browser.findElement(By.cssSelector(".window")).getText(),
                        browser.findElement(By.cssSelector("meta[name=description]")).getDomAttribute("content"));
                WebElement overall = browser.findElement(By.cssSelector(".summary progress"));
                assertEquals("68", overall.getDomAttribute("value"));
                assertEquals("none", overall.getCssValue("appearance"));
                assertEquals(2, browser.findElements(By.cssSelector("section.area")).size());
                // nothing wider than the window (a phone would have to scroll sideways)
                long scrollWidth = (Long) ((JavascriptExecutor) browser)
                        .executeScript("return document.documentElement.scrollWidth");
                long clientWidth = (Long) ((JavascriptExecutor) browser)
                        .executeScript("return document.documentElement.clientWidth");
                assertTrue(scrollWidth <= clientWidth, name + ": " + scrollWidth + " > " + clientWidth);
                assertFiguresKeepTogether(browser, name);
                chromium.screenshot("progress-" + name + ".png");

                // a problem opens on a tap and shows each measure's state in words, its bar and its deadline
                WebElement problem = browser.findElement(By.xpath("//details[.//li[contains(@class, 'state-reopened')]]"));
                WebElement measure = problem.findElement(By.cssSelector("li.measure.state-reopened"));
                assertFalse(measure.isDisplayed(), "closed until opened");
                problem.findElement(By.tagName("summary")).click();
                assertTrue(measure.isDisplayed());
                assertEquals("“回头看”后再整改", measure.findElement(By.cssSelector(".badge.state-reopened")).getText());
                assertEquals("80", measure.findElement(By.tagName("progress")).getDomAttribute("value"));
                assertTrue(measure.getText().contains("完成时限\n2025年12月31日") || measure.getText().contains("完成时限 2025年12月31日"),
                        measure.getText());
                ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", problem);
                chromium.screenshot("progress-" + name + "-open.png");

                List<String> console = chromium.console();
                assertTrue(console.isEmpty(), name + ": " + String.join("\n", console));
            }
        }
    }

    /**
     * The figures at the top: every number stays on one line with its unit (16项, 46项; never 46 on one
     * line and 项 on the next), each box holds its text, and the boxes fill whole rows (no 逾期未完成
     * alone under seven others).
     */
    @SuppressWarnings("unchecked")
    private static void assertFiguresKeepTogether(WebDriver browser, String name) {
        List<Long> linesPerCount = (List<Long>) ((JavascriptExecutor) browser).executeScript("""
                return Array.from(document.querySelectorAll('.facts .count'), count => {
                    const range = document.createRange();
                    range.selectNodeContents(count);
                    return new Set(Array.from(range.getClientRects(), rect => Math.round(rect.top))).size;
                });""");
        assertEquals(10, linesPerCount.size(), name + ": eight counts and two declared totals");
        assertTrue(linesPerCount.stream().allMatch(lines -> lines == 1), name + ": lines per count " + linesPerCount);
        List<Boolean> fits = (List<Boolean>) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('.facts > div'), box => box.scrollWidth <= box.clientWidth);");
        assertFalse(fits.contains(false), name + ": a figure spills out of its box " + fits);
        List<Long> rowTops = (List<Long>) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('.facts > div'), box => Math.round(box.getBoundingClientRect().top));");
        java.util.Map<Long, Long> perRow = rowTops.stream().collect(java.util.stream.Collectors.groupingBy(
                top -> top, java.util.TreeMap::new, java.util.stream.Collectors.counting()));
        assertEquals(1, perRow.values().stream().distinct().count(), name + ": figures per row " + perRow.values());
        assertEquals(name.equals("phone") ? 2L : 4L, perRow.values().iterator().next(), name + ": " + perRow.values());
    }
}
