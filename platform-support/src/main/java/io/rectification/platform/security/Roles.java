package io.rectification.platform.security;

/**
 * The roles a token can carry (claim {@code groups}), as in docs/security.md. Anonymous members of
 * the public carry no token at all.
 */
public final class Roles {

    /** 具体责任人: reads the plan, reports progress and adds evidence on the tasks of their unit. */
    public static final String OFFICER = "officer";
    /** 整改办: manages inspections, plans, tasks and imports; triages feedback. */
    public static final String COORDINATOR = "coordinator";
    /**
     * 受理人员 (来信来电): takes calls and letters and handles feedback (triage, answer, close,
     * escalate, merge); reads the plan to link feedback to it, and changes nothing of it.
     */
    public static final String FEEDBACK_HANDLER = "feedback-handler";
    /** 督查/纪检: verifies or rejects completion, runs look-back reviews, reads the audit trail. */
    public static final String SUPERVISOR = "supervisor";
    /** Another government system: read-only access. */
    public static final String INTEGRATION = "integration";
    /** 运维: runs the system (rebuilds, dead letters, audit verification) and reads; decides nothing of the business. */
    public static final String ADMIN = "admin";
    /**
     * A wall screen (大屏): reads the dashboards and nothing else; its credential lives for days on
     * a screen nobody watches over (docs/security.md, "Wall screens").
     */
    public static final String DASHBOARD_VIEWER = "dashboard-viewer";
    /** A permission of its own: seeing the personal data of feedback submitters. */
    public static final String PERSONAL_DATA = "personal-data";

    public static final String ISSUER = "https://rectification.local/issuer";

    private Roles() {
    }
}
