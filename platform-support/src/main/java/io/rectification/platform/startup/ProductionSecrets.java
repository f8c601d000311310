package io.rectification.platform.startup;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * In production (the prod profile: {@code java -jar}), refuses to start while a secret is missing
 * or still a value shipped with the code, naming the setting and its environment variable: the
 * database password, and the key that verifies tokens. The local stack and the compose demo, which
 * run the prod profile with the shipped values on purpose, say so with
 * {@code platform.allow-default-secrets=true}.
 */
@ApplicationScoped
public class ProductionSecrets {

    /** Passwords that ship with this code (application.properties, compose, the k8s example). */
    static final Set<String> SHIPPED_PASSWORDS = Set.of("rectification", "change-me", "postgres", "password");

    void onStart(@Observes StartupEvent event, Config config) {
        if (LaunchMode.current() != LaunchMode.NORMAL
                || config.getOptionalValue("platform.allow-default-secrets", Boolean.class).orElse(false)) {
            return;
        }
        List<String> problems = problems(name -> config.getOptionalValue(name, String.class));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("refusing to start in production: " + String.join("; ", problems));
        }
    }

    /** What is wrong with the settings, one sentence per setting; empty when all is well. */
    static List<String> problems(Function<String, Optional<String>> setting) {
        List<String> problems = new ArrayList<>();
        Optional<String> user = setting.apply("quarkus.datasource.username").filter(v -> !v.isBlank());
        if (user.isEmpty()) {
            problems.add("quarkus.datasource.username (QUARKUS_DATASOURCE_USERNAME) is not set");
        }
        Optional<String> password = setting.apply("quarkus.datasource.password").filter(v -> !v.isBlank());
        if (password.isEmpty()) {
            problems.add("quarkus.datasource.password (QUARKUS_DATASOURCE_PASSWORD) is not set");
        } else if (SHIPPED_PASSWORDS.contains(password.get()) || password.equals(user)) {
            problems.add("quarkus.datasource.password (QUARKUS_DATASOURCE_PASSWORD) is a default value; set the real one");
        }
        boolean key = setting.apply("mp.jwt.verify.publickey").filter(v -> !v.isBlank()).isPresent()
                || setting.apply("mp.jwt.verify.publickey.location").filter(v -> !v.isBlank()).isPresent();
        if (!key) {
            problems.add("mp.jwt.verify.publickey.location (MP_JWT_VERIFY_PUBLICKEY_LOCATION) or mp.jwt.verify.publickey "
                    + "is not set: no token could be verified");
        }
        return problems;
    }
}
