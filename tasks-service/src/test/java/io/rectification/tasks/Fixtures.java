package io.rectification.tasks;

import io.restassured.http.ContentType;

import java.util.Map;

import static io.restassured.RestAssured.given;

/** Builds a small ledger through the API, the way a coordinator would. */
public final class Fixtures {

    public static final String INSPECTION = """
            {"title":"省委第七巡视组专项巡视沈阳高新区","team":"省委第七巡视组",
             "inspectedOrganisation":"沈阳高新技术产业开发区","kind":"SPECIAL",
             "onSiteFrom":"2024-04-07","onSiteTo":"2024-06-20","feedbackDate":"2024-08-18"}""";

    private Fixtures() {
    }

    public static String inspection() {
        return given().contentType(ContentType.JSON).body(INSPECTION)
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
