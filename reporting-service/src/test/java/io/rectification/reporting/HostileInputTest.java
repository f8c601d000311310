package io.rectification.reporting;

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
        HostileInput.verify(TestTokens.allStaff("hostile-input"),
                // The read models are written by the consumers, not the API; so are notice causes, and
                // the notice job queues mails and webhook calls in the background. Preferences are the API's.
                table -> !table.startsWith("rm_") && !table.matches("notice_(cause|mail|webhook)"));
    }

    @Test
    void answersCarrySecurityHeadersAndCorsAdmitsOnlyConfiguredOrigins() {
        SecurityHeaders.verify("/dashboard/summary");
    }

    /** Accept chooses a success's body, never which refusal is told: 401, 404, 400 as such, not 406. */
    @Test
    void refusalsAreToldWhateverTheClientAccepts() {
        AnswersWhateverAccepted.verify(TestTokens.allStaff("accept"), "/dashboard/summary", "/read-models/tasks/7d1f9a52-0000-4000-8000-000000000000", "/read-models/tasks/not-an-id", "id");
    }
}
