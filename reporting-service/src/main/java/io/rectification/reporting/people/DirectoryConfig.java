package io.rectification.reporting.people;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code notices.directory.*}: where the people notices go to come from (docs/notices.md). */
@ConfigMapping(prefix = "notices.directory")
public interface DirectoryConfig {

    /** {@code keycloak} or {@code configured}. */
    @WithDefault("configured")
    String source();

    /** The configured directory: username → e-mail, roles, unit and the name notices call them by. */
    Map<String, Entry> people();

    Keycloak keycloak();

    interface Entry {
        String email();

        List<String> roles();

        Optional<String> unit();

        /** e.g. 李科长（党政办公室）; without it, notices name the person by the username */
        Optional<String> name();
    }

    interface Keycloak {
        /** Keycloak's base URL, e.g. http://127.0.0.1:8187/auth */
        Optional<String> url();

        @WithDefault("rectification")
        String realm();

        @WithDefault("notices")
        String clientId();

        Optional<String> clientSecret();

        /** The realm roles whose holders are read (the users of other roles get no notices). */
        @WithDefault("officer,coordinator,feedback-handler,supervisor")
        List<String> roles();

        /** How long the list read from Keycloak is used before it is read again. */
        @WithDefault("5m")
        Duration cacheFor();

        /** The longest wait for one of Keycloak's answers, head and body. */
        @WithDefault("10s")
        Duration timeout();
    }
}
