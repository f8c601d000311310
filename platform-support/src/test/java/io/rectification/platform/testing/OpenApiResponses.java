package io.rectification.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.response.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A service's real answers held to the response schemas of its own OpenAPI document, as a client
 * generated from it or a contract test reads them: a member the schema requires must be there and
 * not null, and the members a test names ("id", "state", "items[].id") must be among the required,
 * so a view that stops sending its id, or a schema that stops promising it, fails.
 */
public final class OpenApiResponses {

    private OpenApiResponses() {
    }

    /**
     * GETs {@code path} (authorised as the test's filters do it), expects 200 JSON, and checks the
     * answer against the document: valid against its schema, and {@code members} required there.
     *
     * @return the answer, for the test to go on with
     */
    public static JsonNode verifyGet(String path, String... members) {
        Response answer = RestAssured.given().accept("application/json").when().get(path);
        assertEquals(200, answer.statusCode(), () -> "GET " + path + ": " + answer.asString());
        String rawPath = path.split("\\?")[0];
        OpenApiDocument document = document();
        assertNull(document.violation("GET", rawPath, 200, answer.contentType(), answer.asString()));
        assertEquals(List.of(), document.notRequired("GET", rawPath, 200, "application/json", List.of(members)),
                "GET " + rawPath + ": members its schema does not require (so lets be absent or null)");
        try {
            return new ObjectMapper().readTree(answer.asString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every member a schema of the running service's document requires is one of its properties. */
    public static void verifyRequiredMembersAreProperties() {
        assertEquals(List.of(), document().requiredButNotProperties());
    }

    private static OpenApiDocument document() {
        return new OpenApiDocument(OpenApiAnswers.document().toString());
    }
}
