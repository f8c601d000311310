package io.rectification.reporting.report;

import io.rectification.platform.testing.StaffTokens;
import org.junit.jupiter.api.extension.ExtendWith;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.reporting.ContractEvents;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The demo plan built from section 二 of the real notice (5 areas, 16 problems, 45 measures), sent
 * as the events tasks-service publishes: the rendered report's section 二 must read as the notice's.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class DemoPlanReportTest {

    static final Duration WAIT = Duration.ofSeconds(120);
    static final Pattern AREA = Pattern.compile("^（([一二三四五六七八九十]+)）(.+)$");
    static final Pattern PROBLEM = Pattern.compile("^(\\d+)\\.(.+)$");
    /** A measure starts with 一是, 二是 … right after the full stop of what precedes it. */
    static final String MEASURE_SPLIT = "(?<=。)(?=[一二三四五六七八九十]+是)";
    static final String NUMERALS = "一二三四五六七八九十";

    record Measure(String title, String narrative) {
    }

    record ProblemItem(int number, String title, List<Measure> measures) {
    }

    record Area(int number, String title, List<ProblemItem> problems) {
    }

    @Test
    void demoPlanRendersAsTheNoticeSectionTwo() throws Exception {
        List<String> notice = noticeSectionTwo();
        List<Area> demo = parse(notice);
        assertEquals(5, demo.size());
        assertEquals(16, demo.stream().mapToInt(a -> a.problems().size()).sum());
        assertEquals(45, demo.stream().flatMap(a -> a.problems().stream()).mapToInt(p -> p.measures().size()).sum());

        ContractEvents plan = new ContractEvents();
        plan.registerInspection();
        for (Area area : demo) {
            UUID areaId = plan.registerArea(area.number(), area.title());
            for (ProblemItem problem : area.problems()) {
                UUID problemId = plan.registerProblem(areaId, problem.number(), problem.title());
                for (int i = 0; i < problem.measures().size(); i++) {
                    Measure measure = problem.measures().get(i);
                    ContractEvents.sendTask("TaskVerified", plan.task(UUID.randomUUID(), areaId, problemId, i + 1,
                            "VERIFIED", "2025-06-30").put("title", measure.title())
                            .put("measures", measure.narrative()).put("progressNarrative", measure.narrative()), 3);
                }
            }
        }
        String inspection = plan.inspectionId.toString();
        given().header("X-Actor", "office-wang").contentType(ContentType.JSON)
                .body("{\"leadershipResponsibility\":\"党工委坚决扛起巡视整改主体责任。\",\"nextSteps\":\"持续巩固整改成果。\"}")
                .when().put("/reports/" + inspection + "/draft").then().statusCode(200);

        await().atMost(WAIT).untilAsserted(() -> given().when().get("/reports/" + inspection + "/preview.md")
                .then().statusCode(200)
                .body(containsString("巡视反馈意见指出的5个方面16项具体问题，细化为45项整改任务，目前已完成销号45项。")));

        String markdown = given().when().get("/reports/" + inspection + "/preview.md").then().extract().asString();
        // kept for a reader of the test output: the demo report as printable HTML and as Markdown
        java.nio.file.Path output = java.nio.file.Path.of("target", "demo-report");
        java.nio.file.Files.createDirectories(output);
        java.nio.file.Files.writeString(output.resolve("preview.md"), markdown);
        java.nio.file.Files.write(output.resolve("preview.html"),
                given().when().get("/reports/" + inspection + "/preview.html").then().extract().asByteArray());
        // the same report as PDF: its text, read back with PDFBox, has the headings and numbered problems
        byte[] pdf = given().when().get("/reports/" + inspection + "/preview.pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        java.nio.file.Files.write(output.resolve("preview.pdf"), pdf);
        String pdfText = ReportPdfTest.pdfText(pdf);
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), PdfUa.failures(pdf), "the demo's report as PDF/UA-1");
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(),
                PdfUa.failures(pdf, org.verapdf.pdfa.flavours.PDFAFlavour.PDFA_3_A), "the demo's report as PDF/A-3a");
        for (String expected : List.of("二、巡视整改落实情况", "（一）" + demo.get(0).title(), "（五）" + demo.get(4).title(),
                "1." + demo.get(0).problems().get(0).title(), "三、下一步工作打算")) {
            org.junit.jupiter.api.Assertions.assertTrue(pdfText.contains(expected), expected + " in\n" + pdfText);
        }
        List<String> rendered = sectionTwo(markdown);
        assertEquals(notice.size(), rendered.size(), String.join("\n", rendered));
        for (int i = 0; i < notice.size(); i++) {
            assertEquals(notice.get(i), rendered.get(i), "paragraph " + (i + 1) + " of section 二");
        }
    }

    /** The paragraphs of section 二 in the rendered Markdown, without the counts sentence and heading marks. */
    private static List<String> sectionTwo(String markdown) {
        String section = markdown.substring(markdown.indexOf("## 二、巡视整改落实情况"), markdown.indexOf("## 三、"));
        return Arrays.stream(section.split("\n\n")).map(String::strip)
                .filter(p -> !p.isEmpty() && !p.startsWith("## ") && !p.startsWith("巡视反馈意见指出的"))
                .map(p -> p.startsWith("### ") ? p.substring(4) : p)
                .toList();
    }

    private static List<String> noticeSectionTwo() throws Exception {
        try (InputStream in = DemoPlanReportTest.class.getResourceAsStream("/demo/notice-section-2.zh.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty()).toList();
        }
    }

    private static List<Area> parse(List<String> lines) {
        List<Area> areas = new ArrayList<>();
        for (String line : lines) {
            Matcher area = AREA.matcher(line);
            Matcher problem = PROBLEM.matcher(line);
            if (area.matches()) {
                areas.add(new Area(NUMERALS.indexOf(area.group(1)) + 1, area.group(2), new ArrayList<>()));
            } else if (problem.matches()) {
                String[] parts = problem.group(2).split(MEASURE_SPLIT);
                List<Measure> measures = new ArrayList<>();
                for (int i = 1; i < parts.length; i++) {
                    String measure = parts[i].substring(parts[i].indexOf('是') + 1);
                    int stop = measure.indexOf('。');
                    measures.add(new Measure(measure.substring(0, stop), measure.substring(stop + 1)));
                }
                String title = parts[0].endsWith("。") ? parts[0].substring(0, parts[0].length() - 1) : parts[0];
                areas.get(areas.size() - 1).problems()
                        .add(new ProblemItem(Integer.parseInt(problem.group(1)), title, measures));
            } else {
                throw new IllegalStateException("not an area or a problem: " + line);
            }
        }
        return areas;
    }
}
