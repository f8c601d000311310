package io.rectification.tasks.problem;

/** Where a problem came from: the feedback plan, a look-back review (再深挖), or escalated public feedback. */
public enum ProblemSource {
    PLAN, LOOK_BACK, FEEDBACK
}
