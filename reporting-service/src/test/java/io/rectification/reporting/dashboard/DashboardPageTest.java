package io.rectification.reporting.dashboard;

import io.rectification.platform.testing.StaffTokens;
import org.junit.jupiter.api.extension.ExtendWith;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.security.Roles;
import io.rectification.platform.testing.TestTokens;
import io.rectification.reporting.ContractEvents;
import io.rectification.reporting.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        UUID problem2 = plan.registerProblem(area2, 1, "深化体制机制改革");
        ContractEvents.sendTask("TaskVerified", plan.task(UUID.randomUUID(), area1, problem1, 1, "VERIFIED", "2025-03-31"), 2);
        ContractEvents.sendTask("TaskCreated", plan.task(UUID.randomUUID(), area1, problem1, 2, "IN_PROGRESS", "2025-02-28")
                .put("title", "持续跟进抓好落实"), 1);
        ContractEvents.sendTask("TaskCreated", plan.task(UUID.randomUUID(), area2, problem2, 1, "IN_PROGRESS", "2025-01-31")
                .put("title", "优化高新区布局"), 1);
        UUID publication = plan.publish("2025-11-06T00:00:00+08:00", "2025-11-13T23:59:59+08:00");
        ContractEvents.sendFeedback("FeedbackAnswered", plan.feedback(UUID.randomUUID(), publication, "PHONE", "ANSWERED",
                "2025-11-06T10:00:00+08:00").put("answeredAt", "2025-11-07T10:00:00+08:00"), 3, Map.of());
        ContractEvents.sendFeedback("FeedbackReceived", plan.feedback(UUID.randomUUID(), publication, "WEB", "RECEIVED",
                "2025-11-07T10:00:00+08:00"), 1, Map.of());
        String inspection = plan.inspectionId.toString();
        await().atMost(WAIT).untilAsserted(() -> {
            given().queryParam("inspectionId", inspection).queryParam("asOf", "2025-04-15")
                    .when().get("/dashboard/summary").then().body("tasks", equalTo(3));
            given().queryParam("inspectionId", inspection).when().get("/dashboard/feedback")
                    .then().body("received", equalTo(2));
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
        assertEquals("优化高新区布局", browser.findElement(By.cssSelector("#overdue tbody tr td:nth-child(3)")).getText());
        assertTrue(browser.findElements(By.cssSelector("#chart-areas canvas")).size() > 0, "the area chart is drawn");
        assertTrue(browser.findElements(By.cssSelector("#chart-feedback canvas")).size() > 0, "the trend is drawn");
        chromium.screenshot("dashboard-projector.png");

        browser.manage().window().setSize(new Dimension(390, 844));
        chromium.screenshot("dashboard-phone.png");
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }
}
