package io.rectification.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A caller's access comes from their roles through {@link Access}'s table, and from nothing else. */
@Tag("fast")
class AccessRolesTest {

    @Test
    void theRolesHoldTheirAccessAndKeepThemselves() {
        SecurityIdentity supervisor = AccessRoles.withAccess(identity("ducha", Roles.SUPERVISOR));

        assertTrue(supervisor.hasRole(Roles.SUPERVISOR));
        assertTrue(supervisor.hasRole(Access.VERIFY));
        assertTrue(supervisor.hasRole(Access.READ));
        assertFalse(supervisor.hasRole(Access.MANAGE_PLAN));
        assertEquals("ducha", supervisor.getPrincipal().getName());
    }

    @Test
    void anAccessNamedInTheTokenIsNotBelieved() {
        SecurityIdentity forged = AccessRoles.withAccess(identity("dzb", Roles.OFFICER, Access.VERIFY, Access.OPERATE));

        assertFalse(forged.hasRole(Access.VERIFY));
        assertFalse(forged.hasRole(Access.OPERATE));
        assertTrue(forged.hasRole(Access.WORK_ON_TASKS));
    }

    @Test
    void everyAccessIsHeldBySomeRole() {
        for (String access : new String[] {Access.READ, Access.READ_EVIDENCE, Access.DASHBOARDS, Access.MANAGE_PLAN,
                Access.EXPORT_PLAN, Access.PUBLISH, Access.WORK_ON_TASKS, Access.VERIFY, Access.READ_FEEDBACK, Access.HANDLE_FEEDBACK,
                Access.READ_REPORT_DRAFTS, Access.STAFF, Access.AUDIT, Access.TASK_HISTORY, Access.MONITOR, Access.OPERATE}) {
            assertFalse(Access.holders(access).isEmpty(), access);
            assertTrue(Access.holders(access).stream().noneMatch(Access::isAccess), access);
        }
    }

    private static SecurityIdentity identity(String name, String... roles) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(name))
                .addRoles(java.util.Set.of(roles)).build();
    }
}
