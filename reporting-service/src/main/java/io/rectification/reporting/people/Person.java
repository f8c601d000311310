package io.rectification.reporting.people;

import java.util.Set;

/**
 * A member of staff as the identity provider knows them: the username (the token's upn), the
 * address notices go to, the realm roles and the unit (the {@code unit} attribute, "" for none).
 */
public record Person(String username, String email, Set<String> roles, String unit) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
