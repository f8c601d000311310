package io.rectification.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every operation's success answer in the OpenAPI document has a named schema when it is JSON (a
 * typed view, not an untyped map or a bare Response); files, CSV and XLSX answers name their media type.
 */
@QuarkusTest
class OpenApiSchemaTest {

    @Test
    void everySuccessAnswerHasASchemaOrANonJsonMediaType() throws Exception {
        JsonNode document = new ObjectMapper().readTree(given().accept("application/json").queryParam("format", "json")
                .get("/q/openapi").then().statusCode(200).extract().asString());
        List<String> withoutSchema = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                if (!operation.getValue().has("responses")) {
                    continue;
                }
                for (Map.Entry<String, JsonNode> response : operation.getValue().get("responses").properties()) {
                    if (!response.getKey().startsWith("2")) {
                        continue;
                    }
                    JsonNode content = response.getValue().get("content");
                    if (content == null || content.isEmpty()) {
                        withoutSchema.add(name + " " + response.getKey() + ": no content");
                        continue;
                    }
                    JsonNode json = content.get("application/json");
                    if (json != null && !isTyped(json.get("schema"))) {
                        withoutSchema.add(name + " " + response.getKey() + ": JSON without a named schema "
                                + json.get("schema"));
                    }
                }
            }
        }
        assertEquals(List.of(), withoutSchema);
    }

    /** A named schema, or a list of one: an untyped map would be a bare {@code type: object}. */
    private static boolean isTyped(JsonNode schema) {
        if (schema == null) {
            return false;
        }
        if (schema.has("$ref")) {
            return true;
        }
        return "array".equals(schema.path("type").asText()) && schema.path("items").has("$ref");
    }
}
