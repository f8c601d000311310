package io.rectification.tasks.problem;

/**
 * Where a problem came from. PLAN is the inspection's own finding (巡视反馈, INSPECTION in the domain
 * notes), SELF_FOUND one the office found itself (自查发现), LOOK_BACK one found in a look-back review
 * (回头看发现, 再深挖), FEEDBACK one taken from escalated public feedback (群众反映, PUBLIC_FEEDBACK),
 * ANALOGY one found by extending a finding to other units or fields (举一反三; it names the finding).
 * The names are those of the published events and stay as they are; only PLAN counts as the inspection's
 * (the event contract's {@code TasksEvent.ProblemSnapshot.INSPECTION_FINDING}, which the other services read).
 */
public enum ProblemSource {
    PLAN, LOOK_BACK, FEEDBACK, SELF_FOUND, ANALOGY
}
