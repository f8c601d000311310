package io.rectification.tasks;

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
        HostileInput.verify(TestTokens.allStaff("hostile-input"));
    }

    @Test
    void answersCarrySecurityHeadersAndCorsAdmitsOnlyConfiguredOrigins() {
        SecurityHeaders.verify("/inspections");
    }
}
