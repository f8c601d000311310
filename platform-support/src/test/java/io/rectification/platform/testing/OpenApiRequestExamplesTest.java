package io.rectification.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("fast")
class OpenApiRequestExamplesTest {

    /** A document with /ok's bodies as they should be and {@code %s} for the operation under test. */
    private static final String DOCUMENT = """
            {"openapi": "3.1.0", "paths": {
              "/ok": {
                "post": {"requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Area"},
                         "examples": {"an area": {"value": {"title": "（一）落实主体责任不够有力", "due": "2026-03-31"}}}}}}},
                "put": {"requestBody": {"$ref": "#/components/requestBodies/Named"}},
                "patch": {"requestBody": {"content": {"application/merge-patch+json": {"schema": {"type": "object",
                          "properties": {"title": {"type": "string"}}, "example": {"title": "x"}}}}}},
                "delete": {"requestBody": {"content": {"application/x-www-form-urlencoded": {"schema": {"type": "object",
                           "required": ["code"], "properties": {"code": {"type": "string"}}}, "example": {"code": "complaint"}}}}}},
              "/ok/file": {"post": {"requestBody": {"description": "the task breakdown table, one task a row",
                           "content": {"text/csv": {"schema": {"type": "string", "format": "binary"}}}}}},
              "/ok/nothing": {"post": {"responses": {"204": {}}}},
              "/test": {"post": {"requestBody": %s}}},
             "components": {
               "requestBodies": {"Named": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Named"}}}}},
               "examples": {"area": {"value": {"title": "（二）"}}},
               "schemas": {
                 "Area": {"type": "object", "required": ["title"], "properties": {
                    "title": {"type": "string", "pattern": "\\\\S"}, "due": {"$ref": "#/components/schemas/LocalDate"}}},
                 "Named": {"$ref": "#/components/schemas/Area", "examples": [{"title": "（三）"}]},
                 "LocalDate": {"type": "string", "format": "date"}}}}
            """;

    @Test
    void bodiesWithValidExamplesPass() throws Exception {
        assertEquals(List.of(), problems("""
                {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Area"},
                 "examples": {"from the components": {"$ref": "#/components/examples/area"}}}}}"""));
    }

    @Test
    void aJsonBodyWithoutAnExampleFails() throws Exception {
        assertEquals(List.of("POST /test application/json: no example"), problems("""
                {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Area"}}}}"""));
    }

    @Test
    void aFormBodyWithoutAnExampleFails() throws Exception {
        assertEquals(List.of("POST /test application/x-www-form-urlencoded: no example"), problems("""
                {"content": {"application/x-www-form-urlencoded": {"schema": {"type": "object"}}}}"""));
    }

    @Test
    void anExampleItsSchemaDoesNotAllowFailsNamingIt() throws Exception {
        List<String> problems = problems("""
                {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Area"},
                 "examples": {"good": {"value": {"title": "（一）"}}, "no title": {"value": {"due": "2026-03-31"}}}}}}""");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("POST /test application/json example 'no title' is not valid")
                && problems.get(0).contains("title"), problems.get(0));
    }

    @Test
    void formatsAreAsserted() throws Exception {
        List<String> problems = problems("""
                {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Area"},
                 "example": {"title": "（一）", "due": "31.03.2026"}}}}""");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("due"), problems.get(0));
    }

    @Test
    void anExampleOnTheSchemaIsCheckedToo() throws Exception {
        List<String> problems = problems("""
                {"content": {"application/json": {"schema": {"type": "object", "required": ["title"],
                 "examples": [{"name": "no title"}]}}}}""");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("schema examples[0] is not valid"), problems.get(0));
    }

    @Test
    void aFileBodyNeedsADescriptionInstead() throws Exception {
        assertEquals(List.of("POST /test application/vnd.openxmlformats-officedocument.spreadsheetml.sheet: a file body "
                        + "with neither an example nor a description of what it holds"), problems("""
                {"content": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":
                  {"schema": {"type": "string", "format": "binary"}}}}"""));
    }

    private static List<String> problems(String body) throws Exception {
        JsonNode document = new ObjectMapper().readTree(DOCUMENT.formatted(body));
        return OpenApiRequestExamples.problems(document);
    }
}
