package io.rectification.platform.testing;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("fast")
class OpenApiDocumentTest {

    private static final String DOCUMENT = """
            {"openapi": "3.1.0", "paths": {
              "/tasks/{id}": {"get": {"responses": {
                "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Task"}}}},
                "404": {"content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}},
              "/tasks/summary": {"get": {"responses": {
                "200": {"content": {"application/json": {"schema": {"type": "object", "required": ["open"],
                        "properties": {"open": {"type": "integer"}}}}}}}}},
              "/inspections/{id}/{list}.csv": {"get": {"responses": {"200": {"content": {"text/csv": {}}},
                "default": {"content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}}},
             "components": {"schemas": {
               "Task": {"type": "object", "required": ["id"], "properties": {
                  "id": {"type": "string"}, "title": {"type": ["string", "null"]}}},
               "Problem": {"type": "object", "properties": {"status": {"type": "integer"}}}}}}
            """;

    private final OpenApiDocument answers = new OpenApiDocument(DOCUMENT);

    @Test
    void anAnswerAsDocumentedPasses() {
        assertNull(answers.violation("GET", "/tasks/7", 200, "application/json", "{\"id\":\"7\",\"title\":null}"));
        assertNull(answers.violation("GET", "/tasks/7", 404, "application/problem+json", "{\"status\":404}"));
        assertNull(answers.violation("GET", "/inspections/1/task-list.csv", 200, "text/csv;charset=UTF-8", "a,b"));
        assertNull(answers.violation("GET", "/inspections/1/task-list.csv", 409, "application/problem+json", "{}"));
    }

    @Test
    void anUndocumentedStatusIsNamed() {
        String violation = answers.violation("GET", "/tasks/7", 409, "application/problem+json", "{}");
        assertTrue(violation != null && violation.contains("409") && violation.contains("200, 404"), violation);
    }

    @Test
    void anUndocumentedMediaTypeIsNamed() {
        String violation = answers.violation("GET", "/tasks/7", 404, "text/plain", "nothing");
        assertTrue(violation != null && violation.contains("text/plain"), violation);
    }

    @Test
    void aBodyOutsideItsSchemaIsNamed() {
        String violation = answers.violation("GET", "/tasks/7", 200, "application/json", "{\"title\":\"x\"}");
        assertTrue(violation != null && violation.contains("id"), violation);
    }

    @Test
    void aRequiredMemberSentAsNullIsNamed() {
        String violation = answers.violation("GET", "/tasks/7", 200, "application/json", "{\"id\":null}");
        assertTrue(violation != null && violation.contains("id"), violation);
    }

    @Test
    void theMembersASchemaDoesNotRequireAreNamed() {
        assertEquals(List.of("title", "owner"),
                answers.notRequired("GET", "/tasks/7", 200, "application/json", List.of("id", "title", "owner")));
        assertEquals(List.of(), answers.notRequired("GET", "/tasks/summary", 200, "application/json", List.of("open")));
        OpenApiDocument pages = new OpenApiDocument("""
                {"openapi": "3.1.0", "paths": {"/tasks": {"get": {"responses": {"200": {"content": {"application/json":
                  {"schema": {"$ref": "#/components/schemas/Page"}}}}}}}},
                 "components": {"schemas": {
                  "Task": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"},
                           "title": {"type": ["string", "null"]}}},
                  "Page": {"type": "object", "required": ["items"], "properties": {"items": {"type": "array",
                           "items": {"$ref": "#/components/schemas/Task"}}}}}}}""");
        assertEquals(List.of("items[].title"), pages.notRequired("GET", "/tasks", 200, "application/json",
                List.of("items", "items[].id", "items[].title")));
    }

    @Test
    void aRequiredNameThatIsNoPropertyIsNamed() {
        OpenApiDocument mistyped = new OpenApiDocument("""
                {"openapi": "3.1.0", "paths": {}, "components": {"schemas": {
                  "Task": {"type": "object", "required": ["id", "stat"], "properties": {"id": {"type": "string"}}},
                  "Page": {"type": "object", "required": ["items"], "properties": {"items": {"type": "array",
                           "items": {"$ref": "#/components/schemas/Task"}}}}}}}""");
        assertEquals(List.of("Task.stat"), mistyped.requiredButNotProperties());
        assertEquals(List.of(), answers.requiredButNotProperties());
    }

    @Test
    void theLiteralPathWinsOverATemplate() {
        assertNull(answers.violation("GET", "/tasks/summary", 200, "application/json", "{\"open\":3}"));
        assertTrue(answers.violation("GET", "/tasks/summary", 200, "application/json", "{}") != null);
    }

    @Test
    void requestsOutsideTheDocumentAreNotJudged() {
        assertNull(answers.violation("GET", "/q/health", 503, "application/json", "{}"));
        assertNull(answers.violation("DELETE", "/tasks/7", 405, "text/plain", "no"));
    }
}
