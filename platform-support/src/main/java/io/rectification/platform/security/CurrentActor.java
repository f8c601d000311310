package io.rectification.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.rectification.platform.error.ApiException;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.Principal;
import java.util.Optional;

/** Who is acting in this request: the verified token's subject, its roles and unit. */
@RequestScoped
public class CurrentActor {

    private final SecurityIdentity identity;

    public CurrentActor(SecurityIdentity identity) {
        this.identity = identity;
    }

    /**
     * The acting person's name (the token's upn or sub), where a rule or record depends on who acts
     * (claimant, verifier, author); 401 when the request carries no valid token.
     */
    public String require() {
        if (identity.isAnonymous()) {
            throw new ApiException(401, "Unauthenticated", "a valid bearer token is required");
        }
        return identity.getPrincipal().getName();
    }

    /** The acting person where one is only recorded; empty for an anonymous caller. */
    public Optional<String> optional() {
        return identity.isAnonymous() ? Optional.empty() : Optional.of(identity.getPrincipal().getName());
    }

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** The unit claim of the token ("" when it has none): officers act only on their unit's tasks. */
    public String unit() {
        Principal principal = identity.getPrincipal();
        if (principal instanceof JsonWebToken token) {
            Object unit = token.getClaim("unit");
            return unit == null ? "" : unit.toString().replace("\"", "");
        }
        return "";
    }
}
