package io.rectification.reporting.dashboard;

import io.rectification.platform.error.ApiException;
import io.rectification.platform.rest.QueryParameters;
import io.rectification.reporting.dashboard.DirectorQueries.FigureScope;
import io.rectification.reporting.support.ReportingConfig;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * What the tasks behind a figure are asked with ({@code GET /dashboard/director/tasks} and its paged
 * {@code task-page}, one list): the figure's own inspection, deadline range, as-of day and source, and
 * the part of it clicked (a unit, a lead official, a week). Taken as {@code @BeanParam}, so the two say
 * it once; the values are read here, a bad one a 400 naming its parameter.
 */
public class FigureTasksQuery {

    private static final String UNIT = "responsible unit; empty for tasks without one";
    private static final String OFFICIAL = "lead official; empty for tasks without one";
    private static final String WEEK = "the Monday a week starts on (YYYY-MM-DD)";

    @QueryParam("inspectionId")
    public String inspectionId;

    @QueryParam("from")
    public String from;

    @QueryParam("to")
    public String to;

    @QueryParam("asOf")
    public String asOf;

    @QueryParam("unit")
    @Parameter(description = UNIT)
    public String unit;

    @QueryParam("official")
    @Parameter(description = OFFICIAL)
    public String official;

    @QueryParam("week")
    @Parameter(description = WEEK)
    public String week;

    @QueryParam("source")
    @Parameter(description = DashboardResource.SOURCE)
    public SourceScope source;

    /** The figure's tasks: the same deadline range as the ranking or week clicked, or the list would not be its. */
    TaskFilter filter(ReportingConfig config) {
        return TaskFilter.of(inspectionId, from, to, asOf, 0, source, config);
    }

    /** The part of the figure clicked; a week must start on a Monday. */
    FigureScope scope() {
        LocalDate weekStart = QueryParameters.date("week", week);
        if (weekStart != null && weekStart.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw ApiException.badRequest("week", "'" + week + "' is not a Monday: a week starts on Monday");
        }
        return new FigureScope(unit, official, weekStart);
    }
}
