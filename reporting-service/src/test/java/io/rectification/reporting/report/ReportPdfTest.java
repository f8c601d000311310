package io.rectification.reporting.report;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.reporting.ContractEvents;
import io.restassured.http.ContentType;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report as PDF: real CJK text in it (read back with PDFBox), and a published version's PDF never changes. */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class ReportPdfTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void publishedVersionIsAPdfWithTheChineseTextOfWhatWasPublished() throws Exception {
        ContractEvents plan = new ContractEvents();
        plan.registerInspection();
        UUID area1 = plan.registerArea(1, "贯彻落实党中央决策部署和省委要求不到位");
        UUID area2 = plan.registerArea(2, "推进管理机制改革不彻底,统筹推动发展不到位");
        UUID problem11 = plan.registerProblem(area1, 1, "深入贯彻落实党的二十大精神");
        UUID problem21 = plan.registerProblem(area2, 1, "深化体制机制改革");
        UUID later = UUID.randomUUID();
        ContractEvents.sendTask("TaskVerified", plan.task(UUID.randomUUID(), area1, problem11, 1, "VERIFIED", "2024-12-31")
                .put("title", "深化细化落实到位").put("progressNarrative", "严格落实第一议题制度。"), 3);
        ContractEvents.sendTask("TaskCreated", plan.task(later, area2, problem21, 1, "PLANNED", "2025-06-30")
                .put("title", "优化高新区布局").put("progressNarrative", ""), 1);
        UUID publication = plan.publish("2025-11-06T00:00:00+08:00", "2025-11-13T23:59:59+08:00");
        String inspection = plan.inspectionId.toString();
        await().atMost(WAIT).untilAsserted(() -> given().header("X-Actor", "office-wang").contentType(ContentType.JSON)
                .body(("{\"leadershipResponsibility\":\"党工委坚决扛起巡视整改主体责任。\",\"nextSteps\":\"持续巩固整改成果。\","
                        + "\"issuer\":\"中共沈阳高新技术产业开发区工作委员会\",\"issuedOn\":\"2025-11-06\",\"publicationId\":\"%s\"}")
                        .formatted(publication))
                .when().put("/reports/" + inspection + "/draft").then().statusCode(200));
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/reports/" + inspection + "/preview.md")
                .then().statusCode(200).body(containsString("一是优化高新区布局。")));

        DraftSaves.publishing(inspection).when().post("/reports/" + inspection + "/versions")
                .then().statusCode(201).body("pdf", equalTo("/reports/" + inspection + "/versions/1.pdf"));
        // a later event changes the preview's PDF; version 1's, first asked for after it, shows what was published
        ContractEvents.sendTask("TaskVerified", plan.task(later, area2, problem21, 1, "VERIFIED", "2025-06-30")
                .put("title", "优化高新区布局").put("progressNarrative", "已拟定划定范围方案"), 2);
        await().atMost(WAIT).untilAsserted(() -> assertTrue(pdfText(given().when()
                .get("/reports/" + inspection + "/preview.pdf").then().statusCode(200).contentType("application/pdf")
                .extract().asByteArray()).contains("已拟定划定范围方案")));

        byte[] v1 = given().header("X-Test-Anonymous", "true").when().get("/reports/" + inspection + "/versions/1.pdf")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        String text = pdfText(v1);
        save("report-v1.pdf", v1);
        assertTrue(text.contains("二、巡视整改落实情况"), text);
        assertTrue(text.contains("（一）贯彻落实党中央决策部署和省委要求不到位"), text);
        assertTrue(text.contains("（二）推进管理机制改革不彻底"), text);
        assertTrue(text.contains("1.深入贯彻落实党的二十大精神"), text);
        assertTrue(text.contains("一是深化细化落实到位"), text);
        assertTrue(text.contains("三、下一步工作打算"), text);
        assertTrue(text.contains("公开期限：2025年11月6日至11月13日"), text);
        assertFalse(text.contains("已拟定划定范围方案"), text);
        String v1Again = pdfText(given().when().get("/reports/" + inspection + "/versions/1.pdf")
                .then().statusCode(200).extract().asByteArray());
        assertEquals(text, v1Again);
    }

    @Test
    void unknownVersionsAreProblems() {
        given().when().get("/reports/" + UUID.randomUUID() + "/versions/1.pdf")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/reports/" + UUID.randomUUID() + "/preview.pdf")
                .then().statusCode(404).contentType("application/problem+json");
    }

    /** The text of a PDF with PDFBox, after checking it is one; line breaks from the layout are dropped. */
    static String pdfText(byte[] pdf) throws IOException {
        assertEquals("%PDF-", new String(Arrays.copyOf(pdf, 5), StandardCharsets.US_ASCII));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s*\\R\\s*", "");
        }
    }

    static void save(String name, byte[] pdf) throws IOException {
        Path output = Path.of("target", "demo-report");
        Files.createDirectories(output);
        Files.write(output.resolve(name), pdf);
    }
}
