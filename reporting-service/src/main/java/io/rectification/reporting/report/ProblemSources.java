package io.rectification.reporting.report;

/**
 * The problem sources of the tasks events, as the report names them. PLAN is the inspection's own
 * finding (巡视反馈); the others are real work but never counted as the inspection's. Named so in the
 * report and on the progress page.
 */
public final class ProblemSources {

    private ProblemSources() {
    }

    /** A problem without a source predates the field: every problem then came from the plan. */
    public static boolean isInspectionFinding(String source) {
        return source == null || "PLAN".equals(source);
    }

    /** The label of a problem's own part: 举一反三发现, 自查发现, 回头看发现, 群众反映. */
    public static String label(String source) {
        return switch (source) {
            case "ANALOGY" -> "举一反三发现";
            case "SELF_FOUND" -> "自查发现";
            case "LOOK_BACK" -> "“回头看”发现";
            case "FEEDBACK" -> "群众反映";
            default -> "其他来源";
        };
    }
}
