package io.rectification.reporting.todo;

import io.rectification.platform.security.CurrentActor;
import io.rectification.platform.security.Roles;
import io.rectification.reporting.people.Person;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Whose to-dos: the person's name, roles and unit, from the token (GET /todos) or from the
 * directory (the digest). Nothing else decides what a person sees.
 */
public record Viewer(String username, Set<String> roles, String unit) {

    static final String[] KNOWN_ROLES = {Roles.OFFICER, Roles.COORDINATOR, Roles.FEEDBACK_HANDLER, Roles.SUPERVISOR, Roles.ADMIN};

    public static Viewer of(CurrentActor actor) {
        Set<String> roles = new LinkedHashSet<>();
        for (String role : KNOWN_ROLES) {
            if (actor.hasRole(role)) {
                roles.add(role);
            }
        }
        return new Viewer(actor.require(), roles, actor.unit());
    }

    public static Viewer of(Person person) {
        return new Viewer(person.username(), person.roles(), person.unit());
    }

    /** An officer sees the tasks of their unit; without a unit, none. */
    boolean officerOfUnit() {
        return roles.contains(Roles.OFFICER) && unit != null && !unit.isBlank();
    }

    /** Claims to verify and look-backs: the supervisors (督查), who alone decide them. */
    boolean verifies() {
        return roles.contains(Roles.SUPERVISOR);
    }

    /** Measures for a problem that has none (制定整改措施): the office (整改办), which breaks problems down into tasks. */
    boolean draftsMeasures() {
        return roles.contains(Roles.COORDINATOR);
    }

    /** Deadline extension requests (延期申请): the office (整改办), which alone moves deadlines. */
    boolean decidesDeadlines() {
        return roles.contains(Roles.COORDINATOR);
    }

    /** Feedback replies: those who triage and answer feedback, the coordinators and the feedback handlers. */
    boolean answersFeedback() {
        return roles.contains(Roles.COORDINATOR) || roles.contains(Roles.FEEDBACK_HANDLER);
    }
}
