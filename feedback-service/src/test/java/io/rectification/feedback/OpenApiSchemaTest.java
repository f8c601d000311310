package io.rectification.feedback;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.OpenApiAnswers;
import io.rectification.platform.testing.OpenApiHousekeeping;
import io.rectification.platform.testing.OpenApiRequestExamples;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the OpenAPI document says each operation answers: every success answer a named schema when
 * it is JSON, and under /open311/ every answer, errors included, in GeoReport's own shapes (JSON or
 * XML by the suffix), since the platform's problem+json errors are not added there.
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

    @Test
    void everyOpen311AnswerHasANamedSchema() {
        OpenApiAnswers.verifyEveryAnswerUnder("/open311/");
    }

    /** What the server answers beyond the shape's refusals is listed where it happens (F2 of the contract review). */
    @Test
    void theUnknownIdsAndConflictsFeedbackAnswersAreDeclared() {
        OpenApiAnswers.verifyDeclares("POST", "/feedback", "201", "404");
        OpenApiAnswers.verifyDeclares("POST", "/publications", "422");
        OpenApiAnswers.verifyDeclares("PUT", "/publications/{id}", "409", "422", "428");
        OpenApiAnswers.verifyDeclares("POST", "/feedback/{id}/escalate", "409", "422");
        OpenApiAnswers.verifyDeclares("POST", "/feedback/{id}/triage", "409", "422");
        OpenApiAnswers.verifyDeclares("POST", "/feedback/{id}/answer", "409", "412", "428");
        OpenApiAnswers.verifyDeclares("POST", "/feedback/{id}/merge", "400", "409", "412");
        OpenApiAnswers.verifyDeclares("POST", "/publications/{id}/feedback", "404", "409");
        OpenApiAnswers.verifyDeclares("POST", "/admin/personal-data/rekey", "202", "409");
        OpenApiAnswers.verifyDeclares("GET", "/admin/personal-data/rekey", "200", "404");
        OpenApiAnswers.verifyDeclares("POST", "/admin/merges/repair", "200");
    }

    /** The audit trail's path says which entity types it takes (F7 of the contract review). */
    @Test
    void theAuditTrailListsTheEntityTypesItTakes() {
        assertEquals(List.of("Publication", "Feedback", "DeadLetter", "PersonalDataRekey", "PersonalDataErasure"),
                OpenApiAnswers.parameterValues("GET", "/audit/{entityType}/{entityId}", "entityType"));
    }

    @Test
    void everyRequestBodyHasAnExampleItsSchemaAllows() {
        OpenApiRequestExamples.verify();
    }

    /**
     * The feedback bodies say in the document what the intake checks (TextChecks): the text is
     * required, not blank and at most 4000 characters, the honeypot must be empty, and so on; a
     * schema-driven client or tester that sends what the document allows is then not refused.
     */
    @Test
    void theFeedbackBodiesDocumentTheIntakeRules() {
        Map<String, Object> schemas = given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("components.schemas");
        for (String input : List.of("PublicFeedbackInput", "StaffFeedbackInput")) {
            Map<?, ?> schema = (Map<?, ?>) schemas.get(input);
            Map<?, ?> properties = (Map<?, ?>) schema.get("properties");
            assertEquals(true, ((List<?>) schema.get("required")).contains("text"), input + ": text is required");
            Map<?, ?> text = (Map<?, ?>) properties.get("text");
            assertEquals("string", text.get("type"), input + ".text is a string, never null");
            assertEquals(4000, text.get("maxLength"), input + ".text");
            assertEquals(1, text.get("minLength"), input + ".text");
            assertEquals(50, ((Map<?, ?>) properties.get("name")).get("maxLength"), input + ".name");
            assertEquals(300, ((Map<?, ?>) properties.get("address")).get("maxLength"), input + ".address");
            assertEquals("email", ((Map<?, ?>) properties.get("email")).get("format"), input + ".email");
            assertEquals(true, ((Map<?, ?>) properties.get("phone")).containsKey("pattern"), input + ".phone");
        }
        Map<?, ?> publicProperties = (Map<?, ?>) ((Map<?, ?>) schemas.get("PublicFeedbackInput")).get("properties");
        assertEquals(0, ((Map<?, ?>) publicProperties.get("website")).get("maxLength"), "the honeypot must be empty");
        Map<?, ?> submissionKey = (Map<?, ?>) publicProperties.get("submissionKey");
        assertEquals(List.of("^[A-Za-z0-9_-]{22,64}$", 22, 64), List.of(submissionKey.get("pattern"),
                submissionKey.get("minLength"), submissionKey.get("maxLength")), "submissionKey, optional");
        Map<?, ?> channels = (Map<?, ?>) ((Map<?, ?>) schemas.get("Channels")).get("properties");
        assertEquals("email", ((Map<?, ?>) channels.get("email")).get("format"), "Channels.email");
    }
}
