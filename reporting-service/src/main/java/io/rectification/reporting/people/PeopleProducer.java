package io.rectification.reporting.people;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The directory named by {@code notices.directory.source}: {@code keycloak} or {@code configured}. */
@ApplicationScoped
public class PeopleProducer {

    @Produces
    @ApplicationScoped
    People people(DirectoryConfig config, Clock clock) {
        return switch (config.source()) {
            case "keycloak" -> new KeycloakPeople(config.keycloak(), clock);
            case "configured" -> new ConfiguredPeople(config);
            default -> throw new IllegalStateException(
                    "notices.directory.source must be keycloak or configured, not " + config.source());
        };
    }

    @Produces
    @Singleton
    PersonNames names(People people) {
        return PersonNames.of(people);
    }
}
