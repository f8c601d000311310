package io.rectification.reporting.people;

import java.util.Set;

/**
 * A member of staff as the identity provider knows them: the username (the token's upn), the
 * address notices go to, the realm roles, the unit (the {@code unit} attribute, "" for none) and
 * the name people know them by ("" when the directory has none).
 */
public record Person(String username, String email, Set<String> roles, String unit, String name) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** How a notice names this person: a colleague reads 李科长（党政办公室）, not dzb; the username only when no name is known. */
    public String displayName() {
        return name == null || name.isBlank() ? username : name;
    }
}
