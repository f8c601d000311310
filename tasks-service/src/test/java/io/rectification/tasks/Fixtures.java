package io.rectification.tasks;

import io.restassured.http.ContentType;

import java.util.Map;

import static io.restassured.RestAssured.given;

/** Builds a small ledger through the API, the way a coordinator would. */
public final class Fixtures {

    private Fixtures() {
    }

    /**
     * The notice's inspection under a team name of its own: one inspection per team, organisation and
     * on-site period is the rule, and the test databases outlive a run.
     */
    public static String inspectionJson() {
        return """
                {"title":"省委第七巡视组专项巡视沈阳高新区","team":"%s",
                 "inspectedOrganisation":"沈阳高新技术产业开发区","kind":"SPECIAL",
                 "onSiteFrom":"2024-04-07","onSiteTo":"2024-06-20","feedbackDate":"2024-08-18"}""".formatted(uniqueTeam());
    }

    /** 省委第七巡视组 with a suffix no other inspection of any run has. */
    public static String uniqueTeam() {
        return "省委第七巡视组(" + java.util.UUID.randomUUID().toString().substring(0, 8) + ")";
    }

    /** deploy/demo/demo-plan.json with a team name of its own (see {@link #inspectionJson()}). */
    public static String demoPlan(String team) throws java.io.IOException {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var plan = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(
                java.nio.file.Files.readString(java.nio.file.Path.of("..", "deploy", "demo", "demo-plan.json")));
        ((com.fasterxml.jackson.databind.node.ObjectNode) plan.get("inspection")).put("team", team);
        return mapper.writeValueAsString(plan);
    }

    public static String inspection() {
        return given().contentType(ContentType.JSON).body(inspectionJson())
                .when().post("/inspections").then().statusCode(201).extract().path("id");
    }

    public static String area(String inspectionId, String title) {
        return given().contentType(ContentType.JSON).body(Map.of("title", title))
                .when().post("/inspections/" + inspectionId + "/areas").then().statusCode(201).extract().path("id");
    }

    public static String problem(String areaId, String title) {
        return given().contentType(ContentType.JSON).body(Map.of("title", title, "description", "反馈意见原文"))
                .when().post("/areas/" + areaId + "/problems").then().statusCode(201).extract().path("id");
    }

    public static String task(String problemId, String body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/problems/" + problemId + "/tasks").then().statusCode(201).extract().path("id");
    }

    /** A time-bound task; {@code extra} is spliced in as further JSON members. */
    public static String taskJson(String title, String deadline, String kind, String extra) {
        return """
                {"title":"%s","measures":"建立专属欠款台账,全力推进兑付程序。","leadOfficial":"王副主任",
                 "responsiblePerson":"李科长","responsibleUnit":"财政金融局","deadline":"%s","kind":"%s"%s}"""
                .formatted(title, deadline, kind, extra.isEmpty() ? "" : "," + extra);
    }

    /** A fresh inspection → area → problem; returns the problem id. */
    public static String freshProblem() {
        return problem(area(inspection(), "推进管理机制改革不彻底,统筹推动发展不到位"), "做好优化营商环境重点工作");
    }
}
