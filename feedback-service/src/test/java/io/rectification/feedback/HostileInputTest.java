package io.rectification.feedback;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.AnswersWhateverAccepted;
import io.rectification.platform.testing.HostileInput;
import io.rectification.platform.testing.SecurityHeaders;
import io.rectification.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Typical attack strings against every write endpoint: only 4xx, never a changed database. */
@QuarkusTest
class HostileInputTest {

    @Test
    void everyWriteEndpointRefusesHostileInputCleanly() throws Exception {
        // The public endpoints' rate-limit counters count refused requests too: bookkeeping, not data.
        // The known_* tables are what tasks-service's events say exists, written by the consumer while
        // the test runs (the tasks tests before it fill the shared test topics).
        HostileInput.verify(TestTokens.allStaff("hostile-input"),
                table -> !table.equals("rate_limit") && !table.startsWith("known_"));
    }

    @Test
    void answersCarrySecurityHeadersAndCorsAdmitsOnlyConfiguredOrigins() {
        SecurityHeaders.verify("/feedback");
    }

    /** Accept chooses a success's body, never which refusal is told: 401, 404, 400 as such, not 406. */
    @Test
    void refusalsAreToldWhateverTheClientAccepts() {
        AnswersWhateverAccepted.verify(TestTokens.allStaff("accept"), "/feedback", "/feedback/7d1f9a52-0000-4000-8000-000000000000", "/feedback/not-an-id", "id");
    }
}
