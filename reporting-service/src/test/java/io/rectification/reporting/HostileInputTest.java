package io.rectification.reporting;

import io.quarkus.test.junit.QuarkusTest;
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
}
