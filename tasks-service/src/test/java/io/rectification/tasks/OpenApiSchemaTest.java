package io.rectification.tasks;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.OpenApiAnswers;
import io.rectification.platform.testing.OpenApiHousekeeping;
import io.rectification.platform.testing.OpenApiRequestExamples;
import io.rectification.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation's success answer in the OpenAPI document has a named schema when it is JSON (a
 * typed view, not an untyped map or a bare Response); files, CSV and XLSX answers name their media type.
 * A method a path does not take is 405 with the Allow header RFC 9110 requires, taken from the document.
 */
@QuarkusTest
class OpenApiSchemaTest {

    @Test
    void everySuccessAnswerHasASchemaOrANonJsonMediaType() {
        OpenApiAnswers.verifySuccessAnswers();
    }

    @Test
    void everyOperationIsNamedAndSaysWhetherItIsPublic() {
        OpenApiHousekeeping.verify();
    }

    /**
     * Swagger UI reads the document relative to its page, so it works on the service's port and
     * through the gateway's /api/tasks/ alike, and sends the document's address to no online validator.
     */
    @Test
    void theInteractiveDocsWorkBehindTheGatewayAndCallNoOutsideValidator() {
        given().when().get("/q/swagger-ui/").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("url: '../openapi'"))
                .body(org.hamcrest.Matchers.containsString("validatorUrl: 'none'"));
    }

    /** What the server answers beyond the shape's refusals is listed where it happens (F2 of the contract review). */
    @Test
    void theConflictsAndPreconditionsTheLedgerAnswersAreDeclared() {
        OpenApiAnswers.verifyDeclares("POST", "/inspections", "201", "409");
        OpenApiAnswers.verifyDeclares("POST", "/plans", "409");
        OpenApiAnswers.verifyDeclares("POST", "/tasks/{id}/verification", "409", "412");
        OpenApiAnswers.verifyDeclares("POST", "/tasks/{id}/evidence", "409");
        OpenApiAnswers.verifyDeclares("PUT", "/problems/{id}", "409", "412", "428");
        OpenApiAnswers.verifyDeclares("PUT", "/inspections/{inspectionId}/leading-group", "412", "428");
        OpenApiAnswers.verifyDeclares("GET", "/tasks/{id}", "200", "404");
    }

    /** Every download the ledger sends under a generated name documents the header that names it. */
    @Test
    void downloadsDocumentTheirFileName() {
        var paths = OpenApiAnswers.document().path("paths");
        for (String path : List.of("/inspections/{inspectionId}/{list}.csv", "/inspections/{inspectionId}/{list}.xlsx",
                "/inspections/{inspectionId}/plan.csv", "/inspections/{inspectionId}/plan.xlsx", "/plans/template.csv",
                "/plans/template.xlsx")) {
            OpenApiAnswers.verifyDeclares("GET", path, "200", "404");
            var ok = paths.path(path).path("get").path("responses").path("200");
            assertTrue(ok.path("headers").has("Content-Disposition"), path + ": " + ok);
        }
    }

    /** A parameter the server holds to a fixed set of values says which (F7 of the contract review). */
    @Test
    void parametersThatTakeAFixedSetOfValuesListThem() {
        assertEquals(List.of("PLANNED", "IN_PROGRESS", "COMPLETION_CLAIMED", "VERIFIED", "CONSOLIDATING", "REOPENED"),
                OpenApiAnswers.parameterValues("GET", "/tasks", "state"));
        assertEquals(List.of("IMMEDIATE", "TIME_BOUND", "LONG_TERM"), OpenApiAnswers.parameterValues("GET", "/tasks", "kind"));
        assertTrue(OpenApiAnswers.parameterValues("GET", "/problems", "source").contains("ANALOGY"));
        for (String format : List.of("csv", "xlsx")) {
            assertEquals(List.of("problem-list", "task-list", "responsibility-list"),
                    OpenApiAnswers.parameterValues("GET", "/inspections/{inspectionId}/{list}." + format, "list"));
        }
        assertEquals(List.of("Inspection", "Area", "Problem", "Task", "Meeting", "LeadingGroup", "AccountabilityOutcome",
                "RecoveredFunds", "FeedbackEscalation", "DeadLetter"),
                OpenApiAnswers.parameterValues("GET", "/audit/{entityType}/{entityId}", "entityType"));
    }

    @Test
    void everyRequestBodyHasAnExampleItsSchemaAllows() {
        OpenApiRequestExamples.verify();
    }

    @Test
    void aMethodAPathDoesNotTakeIs405NamingTheMethodsItDoes() {
        String token = TestTokens.allStaff("allow-check");
        given().auth().oauth2(token).when().delete("/tasks")
                .then().statusCode(405).contentType("application/problem+json").header("Allow", "GET, HEAD, OPTIONS");
        given().auth().oauth2(token).when().delete("/tasks/00000000-0000-4000-8000-000000000000")
                .then().statusCode(405).header("Allow", "PUT, PATCH, GET, HEAD, OPTIONS");
        // The router answers such a path (a parameter inside a segment) 404 of its own accord.
        given().auth().oauth2(token).when().post("/inspections/00000000-0000-4000-8000-000000000000/task-list.csv")
                .then().statusCode(405).header("Allow", "GET, HEAD, OPTIONS");
        given().auth().oauth2(token).when().delete("/nothing-here").then().statusCode(404);
    }

    /**
     * ProblemInput serves three operations with different rules for source, so its enum stays whole
     * and the rule is said where a client reads it: registering under an area takes PLAN, SELF_FOUND
     * or ANALOGY only. The cross-field rules of a task are in its schema's description.
     */
    @Test
    void theRulesASchemaCannotStateAreInTheDescriptions() {
        Map<String, Object> document = given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("");
        Map<?, ?> schemas = (Map<?, ?>) ((Map<?, ?>) document.get("components")).get("schemas");
        Map<?, ?> source = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) schemas.get("ProblemInput")).get("properties")).get("source");
        String description = String.valueOf(source.get("description"));
        assertTrue(description.contains("PLAN (the default), SELF_FOUND or ANALOGY") && description.contains("LOOK_BACK"),
                "ProblemInput.source says which sources registering under an area takes: " + source);
        assertTrue(String.valueOf(source.get("anyOf")).contains("null"), "source stays optional: " + source);
        Map<?, ?> register = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) document.get("paths")).get("/areas/{areaId}/problems")).get("post");
        assertTrue(String.valueOf(register.get("description")).contains("LOOK_BACK and FEEDBACK are refused"),
                "POST /areas/{areaId}/problems: " + register.get("description"));
        String task = String.valueOf(((Map<?, ?>) schemas.get("TaskInput")).get("description"));
        assertTrue(task.contains("on-site start") && task.contains("LONG_TERM"), "TaskInput: " + task);
        Map<?, ?> patchTitle = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) schemas.get("TaskPatch")).get("properties")).get("title");
        // ECMA 262 (no (?s)), and blank as the platform says it (openapi.InputRules)
        assertEquals(io.rectification.platform.text.BlankText.SCHEMA_PATTERN, patchTitle.get("pattern"),
                "TaskPatch.title's pattern is ECMA 262: " + patchTitle);
        assertEquals(List.of("outcome"), ((Map<?, ?>) schemas.get("LookBackInput")).get("required"));
    }
}
