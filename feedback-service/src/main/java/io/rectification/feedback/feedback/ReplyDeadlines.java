package io.rectification.feedback.feedback;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Days from receipt to the reply deadline: before triage the default, after it the category's. */
@ConfigMapping(prefix = "feedback.reply-days")
public interface ReplyDeadlines {

    @WithName("default")
    @WithDefault("15")
    int defaultDays();

    @WithDefault("15")
    int opinion();

    @WithDefault("15")
    int suggestion();

    @WithDefault("10")
    int complaint();

    @WithDefault("5")
    int misconductReport();

    default int daysFor(FeedbackCategory category) {
        if (category == null) {
            return defaultDays();
        }
        return switch (category) {
            case OPINION -> opinion();
            case SUGGESTION -> suggestion();
            case COMPLAINT -> complaint();
            case MISCONDUCT_REPORT -> misconductReport();
        };
    }
}
