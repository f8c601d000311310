package io.rectification.tasks;

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
        HostileInput.verify(TestTokens.allStaff("hostile-input"));
    }

    @Test
    void answersCarrySecurityHeadersAndCorsAdmitsOnlyConfiguredOrigins() {
        SecurityHeaders.verify("/inspections");
    }

    /** Accept chooses a success's body, never which refusal is told: 401, 404, 400 as such, not 406. */
    @Test
    void refusalsAreToldWhateverTheClientAccepts() {
        AnswersWhateverAccepted.verify(TestTokens.allStaff("accept"), "/inspections", "/tasks/7d1f9a52-0000-4000-8000-000000000000", "/tasks/not-an-id", "id");
    }
}
