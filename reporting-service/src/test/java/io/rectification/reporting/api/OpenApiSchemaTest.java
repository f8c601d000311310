package io.rectification.reporting.api;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.lists.RectificationList;
import io.rectification.platform.testing.OpenApiAnswers;
import io.rectification.platform.testing.OpenApiHousekeeping;
import io.rectification.platform.testing.OpenApiRequestExamples;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation's success answer in the OpenAPI document has a named schema when it is JSON (a
 * typed view, not an untyped map or a bare Response); reports, files, CSV and XLSX name their media type.
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

    /** What the server answers beyond the shape's refusals is listed where it happens (F2 of the contract review). */
    @Test
    void theConflictsAndPreconditionsReportingAnswersAreDeclared() {
        OpenApiAnswers.verifyDeclares("GET", "/admin/rebuild", "200", "404");
        OpenApiAnswers.verifyDeclares("POST", "/admin/rebuild", "202", "409");
        OpenApiAnswers.verifyDeclares("PUT", "/reports/{inspectionId}/draft", "200", "412", "428");
        OpenApiAnswers.verifyDeclares("POST", "/reports/{inspectionId}/versions", "201", "409");
    }

    /** An export names its 404 for an unknown inspection, and the header that names its file. */
    @Test
    void exportsDeclareTheirNotFoundAndTheirFileName() {
        for (String format : List.of("csv", "xlsx")) {
            OpenApiAnswers.verifyDeclares("GET", "/exports/{list}." + format, "200", "404");
            var responses = OpenApiAnswers.document().path("paths").path("/exports/{list}." + format).path("get")
                    .path("responses");
            assertTrue(responses.path("404").path("description").asText().contains("inspection inspectionId"),
                    responses.toString());
            assertTrue(responses.path("200").path("headers").has("Content-Disposition"), responses.toString());
        }
    }

    /** A parameter the server holds to a fixed set of values says which (F7 of the contract review). */
    @Test
    void parametersThatTakeAFixedSetOfValuesListThem() {
        for (String format : List.of("csv", "xlsx")) {
            assertEquals(Arrays.stream(RectificationList.values()).map(RectificationList::path).toList(),
                    OpenApiAnswers.parameterValues("GET", "/exports/{list}." + format, "list"));
        }
        assertEquals(List.of("ReportDraft", "ReadModelRebuild", "DeadLetter"),
                OpenApiAnswers.parameterValues("GET", "/audit/{entityType}/{entityId}", "entityType"));
    }

    @Test
    void everyRequestBodyHasAnExampleItsSchemaAllows() {
        OpenApiRequestExamples.verify();
    }
}
