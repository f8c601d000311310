package io.rectification.reporting.report;

/**
 * The problem sources of the tasks events, as the report names them. PLAN is the inspection's own
 * finding (巡视反馈); the others are real work but never counted as the inspection's. Named so in the
 * report and on the progress page. Which of them counts as the inspection's: {@link io.rectification.reporting.support.InspectionFindings}.
 */
public final class ProblemSources {

    private ProblemSources() {
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
