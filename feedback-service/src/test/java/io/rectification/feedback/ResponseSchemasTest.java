package io.rectification.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.OpenApiResponses;
import io.rectification.platform.testing.StaffTokens;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;


/**
 * Publications' and feedback's main answers keep the response schemas the OpenAPI document declares,
 * strictly: ids, versions, statuses and dates always sent are promised present and not null, and real
 * answers, of data this test makes, are valid against those schemas (a required member missing or null fails).
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class ResponseSchemasTest {

    @Test
    void publicationsAndFeedbackKeepTheirDeclaredSchemas() {
        OpenApiResponses.verifyRequiredMembersAreProperties();
        String publicationId = Publications.openNow();
        String trackingCode = Clients.citizen().contentType(ContentType.JSON)
                .body("{\"text\":\"请公开整改台账。\",\"name\":\"司马光明\",\"phone\":\"13700001111\"}")
                .when().post("/publications/" + publicationId + "/feedback")
                .then().statusCode(201).extract().path("trackingCode");

        OpenApiResponses.verifyGet("/publications/" + publicationId, "id", "version", "inspectionId", "title",
                "windowStart", "windowEnd", "timeZone", "open", "channels", "createdAt", "updatedAt");
        OpenApiResponses.verifyGet("/publications?size=5", "items", "page", "size", "total", "items[].id");
        OpenApiResponses.verifyGet("/publications/" + publicationId + "/form-choices", "categories",
                "categories[].category", "defaultReplyDays", "areas");
        JsonNode page = OpenApiResponses.verifyGet("/feedback?publicationId=" + publicationId, "items[].id",
                "items[].version", "items[].status", "items[].trackingCode", "items[].submitterMasked", "total");
        String feedbackId = page.path("items").path(0).path("id").asText();
        OpenApiResponses.verifyGet("/feedback/" + feedbackId, "id", "version", "publicationId", "inspectionId",
                "channel", "status", "text", "anonymous", "receivedAt", "replyDueAt");
        OpenApiResponses.verifyGet("/feedback/" + feedbackId + "/history", "[].at", "[].actor", "[].action");
        OpenApiResponses.verifyGet("/feedback/track/" + trackingCode, "trackingCode", "status", "receivedAt",
                "replyDueDate");
        OpenApiResponses.verifyGet("/audit/Publication/" + publicationId, "[].seq", "[].hash");
    }
}
