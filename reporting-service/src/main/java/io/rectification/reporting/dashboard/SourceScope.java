package io.rectification.reporting.dashboard;

import io.rectification.reporting.support.InspectionFindings;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Which tasks a dashboard's task figures count, by the source of their problem: PLAN (the default) the
 * inspection's findings, as the report and the public progress page count them
 * ({@link InspectionFindings}); one other source (举一反三 ANALOGY, 自查 SELF_FOUND, 回头看 LOOK_BACK,
 * 群众反映 FEEDBACK); or ALL of them. The summary counts the tasks outside the scope beside it
 * (otherSources), so a figure never mixes the inspection's findings with other work unsaid.
 */
@Schema(description = "The problem source whose tasks the figures count: PLAN (default) the inspection's findings "
        + "as the report counts them; ANALOGY 举一反三, SELF_FOUND 自查, LOOK_BACK 回头看, FEEDBACK 群众反映; ALL every source")
public enum SourceScope {
    PLAN, ANALOGY, SELF_FOUND, LOOK_BACK, FEEDBACK, ALL;

    /** The condition on a problem-source {@code column} (rm_task's or the tally's) for this scope. */
    String sql(String column) {
        return switch (this) {
            case ALL -> "TRUE";
            case PLAN -> InspectionFindings.findingSql(column);
            default -> InspectionFindings.sourceSql(column) + " = '" + name() + "'";
        };
    }
}
