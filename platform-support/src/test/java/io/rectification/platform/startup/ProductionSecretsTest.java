package io.rectification.platform.startup;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("fast")
class ProductionSecretsTest {

    @Test
    void theShippedPasswordAndAMissingTokenKeyAreRefusedNamingTheSettings() {
        List<String> problems = ProductionSecrets.problems(settings(Map.of(
                "quarkus.datasource.username", "rectification", "quarkus.datasource.password", "rectification")));
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("quarkus.datasource.password (QUARKUS_DATASOURCE_PASSWORD) is a default"));
        assertTrue(problems.get(1).startsWith("mp.jwt.verify.publickey.location (MP_JWT_VERIFY_PUBLICKEY_LOCATION)"));
    }

    @Test
    void missingCredentialsAreNamed() {
        assertEquals(List.of("quarkus.datasource.username (QUARKUS_DATASOURCE_USERNAME) is not set",
                        "quarkus.datasource.password (QUARKUS_DATASOURCE_PASSWORD) is not set"),
                ProductionSecrets.problems(settings(Map.of("mp.jwt.verify.publickey.location", "/keys/public.pem"))));
        assertTrue(ProductionSecrets.problems(settings(Map.of("quarkus.datasource.username", "app",
                        "quarkus.datasource.password", "change-me", "mp.jwt.verify.publickey", "MIIB")))
                .get(0).contains("default value"));
    }

    @Test
    void realSecretsPass() {
        assertEquals(List.of(), ProductionSecrets.problems(settings(Map.of("quarkus.datasource.username", "tasks_app",
                "quarkus.datasource.password", "k3J9-vQ2m-xx81", "mp.jwt.verify.publickey.location",
                "https://idp.example.gov.cn/jwks"))));
    }

    private static java.util.function.Function<String, Optional<String>> settings(Map<String, String> values) {
        return name -> Optional.ofNullable(values.get(name));
    }
}
