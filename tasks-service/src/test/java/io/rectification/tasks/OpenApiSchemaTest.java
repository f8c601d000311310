package io.rectification.tasks;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.OpenApiAnswers;
import io.rectification.platform.testing.OpenApiRequestExamples;
import org.junit.jupiter.api.Test;

/**
 * Every operation's success answer in the OpenAPI document has a named schema when it is JSON (a
 * typed view, not an untyped map or a bare Response); files, CSV and XLSX answers name their media type.
 */
@QuarkusTest
class OpenApiSchemaTest {

    @Test
    void everySuccessAnswerHasASchemaOrANonJsonMediaType() {
        OpenApiAnswers.verifySuccessAnswers();
    }

    @Test
    void everyRequestBodyHasAnExampleItsSchemaAllows() {
        OpenApiRequestExamples.verify();
    }
}
