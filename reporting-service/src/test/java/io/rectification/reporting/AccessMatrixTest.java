package io.rectification.reporting;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.AccessMatrix;
import org.junit.jupiter.api.Test;

/** Every operation of this service × every caller, against the reporting-service table of docs/security.md. */
@QuarkusTest
class AccessMatrixTest {

    @Test
    void everyOperationAnswersEveryCallerAsDocumented() throws Exception {
        AccessMatrix.verify("reporting-service");
    }
}
