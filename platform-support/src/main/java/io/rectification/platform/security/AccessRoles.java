package io.rectification.platform.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Gives a signed-in caller the {@link Access} names their roles hold, so that
 * {@code @RolesAllowed(Access.VERIFY)} admits exactly the roles {@link Access} lists for it. A
 * group in the token that looks like such a name is dropped: only the table grants them.
 */
@ApplicationScoped
public class AccessRoles implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(withAccess(identity));
    }

    static SecurityIdentity withAccess(SecurityIdentity identity) {
        Set<String> roles = new LinkedHashSet<>();
        identity.getRoles().stream().filter(role -> !Access.isAccess(role)).forEach(roles::add);
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addPermissionChecker(identity::checkPermission)
                .addRoles(roles)
                .addRoles(Access.heldBy(roles))
                .build();
    }
}
