package io.rectification.reporting.todo;

/** The feedback categories as the public form names them (意见、建议、投诉、举报). */
public final class FeedbackCategories {

    private FeedbackCategories() {
    }

    public static String label(String category) {
        if (category == null) {
            return "未分类";
        }
        return switch (category) {
            case "OPINION" -> "意见";
            case "SUGGESTION" -> "建议";
            case "COMPLAINT" -> "投诉";
            case "MISCONDUCT_REPORT" -> "举报";
            default -> "其他";
        };
    }
}
