package io.rectification.reporting.report;

/**
 * The public's words for a task's state (tasks-service's TaskState), one mapping for everything
 * published: the progress page's badges and the report's note after a measure not yet closed out, so
 * the two never describe one measure in different words.
 */
public final class PublicStates {

    private PublicStates() {
    }

    public static String label(String state) {
        return switch (state == null ? "" : state) {
            case "PLANNED" -> "未开始";
            case "IN_PROGRESS" -> "整改中";
            case "COMPLETION_CLAIMED" -> "已完成，待核验";
            case "VERIFIED" -> "已销号";
            case "CONSOLIDATING" -> "已销号，巩固提升中";
            case "REOPENED" -> "“回头看”后再整改";
            default -> "状态待更新";
        };
    }
}
