package io.rectification.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Tag("fast")
class OpenApiAnswersTest {

    private static final String NAMED = "{\"schema\":{\"$ref\":\"#/components/schemas/View\"}}";
    private static final String LIST = "{\"schema\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/View\"}}}";

    @Test
    void aSuccessAnswerNeedsContentAndJsonANamedSchema() throws Exception {
        JsonNode document = document("""
                {"paths": {
                  "/a": {"get": {"responses": {"200": {"content": {"application/json": %s}}, "400": {}}},
                         "post": {"responses": {"201": {"content": {"application/json": {"schema": {}}}}}}},
                  "/b": {"get": {"responses": {"200": {"content": {"application/json": %s}}, "304": {}}},
                         "put": {"responses": {"202": {"description": "accepted"}}},
                         "delete": {"responses": {"204": {}}}},
                  "/c.csv": {"get": {"responses": {"200": {"content": {"text/csv": {}}}}}}
                }}""".formatted(NAMED, LIST));
        assertEquals(List.of("POST /a 201 application/json: no named schema {}", "PUT /b 202: no content"),
                OpenApiAnswers.untypedSuccessAnswers(document));
    }

    @Test
    void underAPrefixErrorsAndEveryMediaTypeNeedANamedSchema() throws Exception {
        JsonNode document = document("""
                {"paths": {
                  "/x/a.xml": {"get": {"responses": {"200": {"content": {"text/xml": %s}},
                                                     "404": {"content": {"text/xml": {"schema": {"type": "string"}}}},
                                                     "429": {}}}},
                  "/y": {"get": {"responses": {"400": {}}}}
                }}""".formatted(LIST));
        assertEquals(List.of("GET /x/a.xml 404 text/xml: no named schema {\"type\":\"string\"}",
                        "GET /x/a.xml 429: no content"),
                OpenApiAnswers.untypedAnswersUnder(document, "/x/"));
        assertEquals(List.of("no operation under /z/"), OpenApiAnswers.untypedAnswersUnder(document, "/z/"));
    }

    private static JsonNode document(String json) throws Exception {
        return new ObjectMapper().readTree(json);
    }
}
