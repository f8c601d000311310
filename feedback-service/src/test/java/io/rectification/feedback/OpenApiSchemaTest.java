package io.rectification.feedback;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.OpenApiAnswers;
import io.rectification.platform.testing.OpenApiRequestExamples;
import org.junit.jupiter.api.Test;

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
    void everyOpen311AnswerHasANamedSchema() {
        OpenApiAnswers.verifyEveryAnswerUnder("/open311/");
    }

    @Test
    void everyRequestBodyHasAnExampleItsSchemaAllows() {
        OpenApiRequestExamples.verify();
    }
}
