package io.rectification.reporting.people;

import java.util.Collection;
import java.util.List;

/**
 * The seam to whoever knows the staff: notices and digests ask it who holds a role (of a unit) and
 * where to write to them. Two implementations: {@link KeycloakPeople} (the identity provider's
 * admin API, the source of people) and {@link ConfiguredPeople} (a list in the configuration, for
 * tests and organisations without that API). Chosen by {@code notices.directory.source}.
 */
public interface People {

    /** Everyone enabled who has an e-mail address. */
    List<Person> everyone();

    /** Those holding any of {@code roles}; of {@code unit} too when it is not null. */
    default List<Person> holding(Collection<String> roles, String unit) {
        return everyone().stream()
                .filter(p -> roles.stream().anyMatch(p::hasRole))
                .filter(p -> unit == null || unit.equals(p.unit()))
                .toList();
    }
}
