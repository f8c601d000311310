package io.rectification.platform.security;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an operation needs, said once. Each operation is annotated {@code @RolesAllowed(Access.X)}
 * with one of these names, and {@link AccessRoles} gives a caller the names their token's roles
 * hold ({@link #holders}): the roles of a decision are changed here, not in forty annotations. The
 * OpenAPI documents list the roles again ({@code openapi.AccessScopes}); docs/security.md's tables
 * say the same per operation, and each service's AccessMatrixTest holds them to it.
 *
 * <p>The names carry a prefix no role has; a token naming one among its groups is not believed
 * ({@link AccessRoles}), so this table stays the only way to them.
 */
public final class Access {

    static final String PREFIX = "access:";

    /** The shared ledger (台账): the plan, tasks, progress, lists, meetings, read models and exports. */
    public static final String READ = PREFIX + "read";
    /**
     * A task's evidence (佐证材料) and its files, and a meeting's minutes (会议纪要): internal documents; an
     * officer's only for their unit's tasks, and for the meetings that gave their unit a decision (tasks-service).
     */
    public static final String READ_EVIDENCE = PREFIX + "read-evidence";
    /** The dashboards; the wall screen's role reads these and nothing else. */
    public static final String DASHBOARDS = PREFIX + "dashboards";
    /** Inspections, areas, problems, tasks, plan imports, stage goals, indicators, leading groups, meetings, accountability. */
    public static final String MANAGE_PLAN = PREFIX + "manage-plan";
    /**
     * The plan taken out as the task breakdown table the import reads (任务分解表): by the office that
     * imports and corrects it, and by the supervisors (督查, 纪检) who check it against the notice.
     * What it holds is readable under {@link #READ} row by row; as one file for re-import it is theirs.
     */
    public static final String EXPORT_PLAN = PREFIX + "export-plan";
    /** Publications (整改情况公布) and the rectification report's draft and versions. */
    public static final String PUBLISH = PREFIX + "publish";
    /** Work on a task: start, progress, evidence, stage goals reached, indicator values, completion claims, meeting decisions done. */
    public static final String WORK_ON_TASKS = PREFIX + "work-on-tasks";
    /** Close out (销号: verify, consolidate), reject a completion claim, run look-back reviews (which reopen). */
    public static final String VERIFY = PREFIX + "verify";
    /** Public feedback as staff see it: the inbox, one feedback and its history (contact details masked). */
    public static final String READ_FEEDBACK = PREFIX + "read-feedback";
    /** Handle feedback: register a call or letter, triage, answer, close, escalate, merge. */
    public static final String HANDLE_FEEDBACK = PREFIX + "handle-feedback";
    /** The report's draft, its checks and previews before publication. */
    public static final String READ_REPORT_DRAFTS = PREFIX + "read-report-drafts";
    /** One's own to-dos, the staff directory's names and one's notice settings. */
    public static final String STAFF = PREFIX + "staff";
    /** The audit trails and their verification. */
    public static final String AUDIT = PREFIX + "audit";
    /**
     * One task's change history (its audit entries: who changed what, when, why): those accountable for
     * the ledger, the office that edits it and the supervisors who verify it, and the operator.
     */
    public static final String TASK_HISTORY = PREFIX + "task-history";
    /** Watching the machinery: consumer lag, the rebuild's state. */
    public static final String MONITOR = PREFIX + "monitor";
    /** Running it: rebuilds, dead letters (read, replay, dismiss), webhook dead letters. */
    public static final String OPERATE = PREFIX + "operate";

    private static final Map<String, List<String>> HOLDERS = holders();

    private Access() {
    }

    private static Map<String, List<String>> holders() {
        Map<String, List<String>> holders = new LinkedHashMap<>();
        // The feedback handler reads the plan and its progress to link feedback to it and to answer about it.
        holders.put(READ, List.of(Roles.OFFICER, Roles.COORDINATOR, Roles.FEEDBACK_HANDLER, Roles.SUPERVISOR,
                Roles.INTEGRATION, Roles.ADMIN));
        // Evidence is its unit's (台账, minutes, internal documents), and a meeting's minutes are the units' it gave
        // decisions to: not other systems', not the operator's, not the feedback handler's; an officer's only
        // for their unit (tasks-service UnitScope).
        holders.put(READ_EVIDENCE, List.of(Roles.OFFICER, Roles.COORDINATOR, Roles.SUPERVISOR));
        holders.put(DASHBOARDS, List.of(Roles.OFFICER, Roles.COORDINATOR, Roles.FEEDBACK_HANDLER, Roles.SUPERVISOR,
                Roles.INTEGRATION, Roles.ADMIN, Roles.DASHBOARD_VIEWER));
        // Business decisions are the business's: the operator (admin) runs the system, reads, and
        // decides none of them (separation of duties, docs/security.md "Roles").
        holders.put(MANAGE_PLAN, List.of(Roles.COORDINATOR));
        holders.put(EXPORT_PLAN, List.of(Roles.COORDINATOR, Roles.SUPERVISOR));
        holders.put(PUBLISH, List.of(Roles.COORDINATOR));
        holders.put(WORK_ON_TASKS, List.of(Roles.OFFICER, Roles.COORDINATOR));
        holders.put(VERIFY, List.of(Roles.SUPERVISOR));
        holders.put(READ_FEEDBACK, List.of(Roles.COORDINATOR, Roles.FEEDBACK_HANDLER, Roles.SUPERVISOR, Roles.ADMIN));
        holders.put(HANDLE_FEEDBACK, List.of(Roles.COORDINATOR, Roles.FEEDBACK_HANDLER));
        holders.put(READ_REPORT_DRAFTS, List.of(Roles.COORDINATOR, Roles.SUPERVISOR, Roles.ADMIN));
        holders.put(STAFF, List.of(Roles.OFFICER, Roles.COORDINATOR, Roles.FEEDBACK_HANDLER, Roles.SUPERVISOR, Roles.ADMIN));
        holders.put(AUDIT, List.of(Roles.SUPERVISOR, Roles.ADMIN));
        // The office moves deadlines and owners and answers for the ledger (台账), so it reads how a task
        // came to be as it is; not the officers (a task's entries name evidence files, which are only
        // its unit's) nor other systems. The whole trail and its verification stay AUDIT.
        holders.put(TASK_HISTORY, List.of(Roles.COORDINATOR, Roles.SUPERVISOR, Roles.ADMIN));
        holders.put(MONITOR, List.of(Roles.INTEGRATION, Roles.ADMIN));
        holders.put(OPERATE, List.of(Roles.ADMIN));
        return Map.copyOf(holders);
    }

    /** The roles holding {@code access}, in a fixed order; empty for a name that is none of these. */
    public static List<String> holders(String access) {
        return HOLDERS.getOrDefault(access, List.of());
    }

    /** Whether {@code name} is one of these names rather than a role. */
    public static boolean isAccess(String name) {
        return name.startsWith(PREFIX);
    }

    /** The names the given roles hold. */
    static Set<String> heldBy(Set<String> roles) {
        Set<String> held = new LinkedHashSet<>();
        HOLDERS.forEach((access, holders) -> {
            if (holders.stream().anyMatch(roles::contains)) {
                held.add(access);
            }
        });
        return held;
    }
}
