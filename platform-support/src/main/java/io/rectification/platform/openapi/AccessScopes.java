package io.rectification.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.rectification.platform.security.Access;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Names roles, not {@link Access} names, in each operation's security requirement: the generator
 * copies {@code @RolesAllowed(Access.VERIFY)} as it stands, and a client reading the document must
 * learn that it needs {@code supervisor}. Runs after the generator's own security filter.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = -100)
public class AccessScopes implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getSecurity() == null) {
            return operation;
        }
        List<SecurityRequirement> requirements = new ArrayList<>();
        for (SecurityRequirement requirement : operation.getSecurity()) {
            SecurityRequirement roles = OASFactory.createSecurityRequirement();
            if (requirement.getSchemes() != null) {
                requirement.getSchemes().forEach((scheme, scopes) -> roles.addScheme(scheme, roles(scopes)));
            }
            requirements.add(roles);
        }
        operation.setSecurity(requirements);
        return operation;
    }

    static List<String> roles(List<String> scopes) {
        if (scopes == null) {
            return null;
        }
        Set<String> roles = new LinkedHashSet<>();
        for (String scope : scopes) {
            if (Access.isAccess(scope)) {
                roles.addAll(Access.holders(scope));
            } else {
                roles.add(scope);
            }
        }
        return List.copyOf(roles);
    }
}
