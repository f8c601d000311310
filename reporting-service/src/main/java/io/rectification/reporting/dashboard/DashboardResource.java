package io.rectification.reporting.dashboard;

import io.rectification.platform.rest.PageOf;
import io.rectification.platform.rest.PageRequest;
import io.rectification.platform.rest.QueryParameters;
import io.rectification.platform.security.Access;
import io.rectification.reporting.dashboard.DashboardViews.AreaProgress;
import io.rectification.reporting.dashboard.DashboardViews.FeedbackSeries;
import io.rectification.reporting.dashboard.DashboardViews.IndicatorSeries;
import io.rectification.reporting.dashboard.DashboardViews.InspectionChoice;
import io.rectification.reporting.dashboard.DashboardViews.OverdueTask;
import io.rectification.reporting.dashboard.DashboardViews.Responsibility;
import io.rectification.reporting.dashboard.DashboardViews.Summary;
import io.rectification.reporting.support.ReportingConfig;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * Dashboard figures for other systems. Task figures cover the tasks of one inspection (or all) whose
 * deadline is within [from, to] and whose problem is of the source asked for (the inspection's findings
 * by default, {@link SourceScope}), taken as of a day (default today in the organisation's zone). Pages
 * poll them with If-None-Match ({@link Revalidated}); the figures read from the tasks alone are kept
 * until the tasks change ({@link FigureCache}).
 */
@Path("/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dashboard", description = "整改进展: rectification figures built from the events")
@Revalidated
// The 200 named so that its content is still made from each method's return type.
@APIResponse(responseCode = "200", description = "the figures; ETag names them")
@APIResponse(responseCode = "304", description = "unchanged since the ETag sent in If-None-Match")
public class DashboardResource {

    /** The source parameter's words, the same on every figure of tasks (the director's too). */
    static final String SOURCE = "whose tasks the figures count, by their problem's source: PLAN (the default) the "
            + "inspection's findings, as the report and the progress page count them; ANALOGY (举一反三), SELF_FOUND, "
            + "LOOK_BACK or FEEDBACK (群众反映); ALL every source";

    private final DashboardQueries queries;
    private final DashboardInspections inspections;
    private final FigureCache figures;
    private final ReportingConfig config;

    public DashboardResource(DashboardQueries queries, DashboardInspections inspections, FigureCache figures,
                             ReportingConfig config) {
        this.queries = queries;
        this.inspections = inspections;
        this.figures = figures;
        this.config = config;
    }

    @GET
    @Path("inspections")
    @Operation(summary = "The inspections the figures can be asked for, the one to show first at the top",
            description = "In progress (a standing task not closed out) first, the most recently registered first; "
                    + "then the others, newest first. The figures without inspectionId add every inspection up: the "
                    + "dashboard page never asks them so, it shows the first of this list or the one asked for.")
    @RolesAllowed(Access.DASHBOARDS)
    public List<InspectionChoice> inspections() {
        return inspections.all();
    }

    @GET
    @Path("summary")
    @Operation(summary = "Tasks by state and kind, completion and verification rates, overdue and at-risk counts",
            description = "At risk: not closed out, not overdue, and the deadline is within riskDays of asOf, or no "
                    + "progress report came within the task's reporting cadence.")
    @APIResponse(responseCode = "200", description = "the figures; ETag names them",
            content = @Content(schema = @Schema(implementation = Summary.class)))
    @RolesAllowed(Access.DASHBOARDS)
    public TaggedJson summary(@QueryParam("inspectionId") String inspectionId,
                           @Parameter(description = "first deadline covered (YYYY-MM-DD)") @QueryParam("from") String from,
                           @Parameter(description = "last deadline covered (YYYY-MM-DD)") @QueryParam("to") String to,
                           @Parameter(description = "the day the figures are taken on; default today") @QueryParam("asOf") String asOf,
                           @QueryParam("riskDays") @DefaultValue("7") @Min(0) @Max(366) int riskDays,
                           @Parameter(description = SOURCE) @QueryParam("source") SourceScope source) {
        TaskFilter filter = filter(inspectionId, from, to, asOf, riskDays, source);
        return figures.answer(new FigureCache.Key("summary", filter), () -> queries.summary(filter));
    }

    @GET
    @Path("areas")
    @Operation(summary = "Progress per area (方面), with the average percent complete of its tasks")
    @RolesAllowed(Access.DASHBOARDS)
    public List<AreaProgress> areas(@QueryParam("inspectionId") String inspectionId, @QueryParam("from") String from,
                                    @QueryParam("to") String to, @QueryParam("asOf") String asOf,
                                    @Parameter(description = SOURCE) @QueryParam("source") SourceScope source) {
        return queries.areas(filter(inspectionId, from, to, asOf, 0, source));
    }

    @GET
    @Path("units")
    @Operation(summary = "Progress per responsible unit (责任单位)")
    @APIResponse(responseCode = "200", description = "the figures; ETag names them",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Responsibility.class)))
    @RolesAllowed(Access.DASHBOARDS)
    public TaggedJson units(@QueryParam("inspectionId") String inspectionId, @QueryParam("from") String from,
                                      @QueryParam("to") String to, @QueryParam("asOf") String asOf,
                                      @Parameter(description = SOURCE) @QueryParam("source") SourceScope source) {
        return responsibilities("responsible_unit", filter(inspectionId, from, to, asOf, 0, source));
    }

    @GET
    @Path("officials")
    @Operation(summary = "Progress per lead official (牵头领导)")
    @APIResponse(responseCode = "200", description = "the figures; ETag names them",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Responsibility.class)))
    @RolesAllowed(Access.DASHBOARDS)
    public TaggedJson officials(@QueryParam("inspectionId") String inspectionId,
                                          @QueryParam("from") String from, @QueryParam("to") String to,
                                          @QueryParam("asOf") String asOf,
                                          @Parameter(description = SOURCE) @QueryParam("source") SourceScope source) {
        return responsibilities("lead_official", filter(inspectionId, from, to, asOf, 0, source));
    }

    @GET
    @Path("overdue")
    @Operation(summary = "Tasks past their deadline and not closed out, oldest deadline first")
    @RolesAllowed(Access.DASHBOARDS)
    public PageOf<OverdueTask> overdue(@QueryParam("inspectionId") String inspectionId, @QueryParam("from") String from,
                                       @QueryParam("to") String to, @QueryParam("asOf") String asOf,
                                       @Parameter(description = SOURCE) @QueryParam("source") SourceScope source,
                                       @Valid @BeanParam PageRequest paging) {
        return queries.overdue(filter(inspectionId, from, to, asOf, 0, source), paging.page, paging.size);
    }

    @GET
    @Path("indicators")
    @Operation(summary = "Indicator values over time, with baseline and target (from/to bound the recording day)")
    @RolesAllowed(Access.DASHBOARDS)
    public List<IndicatorSeries> indicators(@QueryParam("inspectionId") String inspectionId,
                                            @QueryParam("taskId") String taskId, @QueryParam("from") String from,
                                            @QueryParam("to") String to) {
        QueryParameters.Days days = QueryParameters.days(from, to);
        return queries.indicators(QueryParameters.uuid("inspectionId", inspectionId), QueryParameters.uuid("taskId", taskId), days.from(),
                days.to(), config.zone());
    }

    @GET
    @Path("feedback")
    @Operation(summary = "Public feedback by day, channel, category and status, and the time to answer "
            + "(from/to bound the day received)")
    @RolesAllowed(Access.DASHBOARDS)
    public FeedbackSeries feedback(@QueryParam("inspectionId") String inspectionId, @QueryParam("from") String from,
                                   @QueryParam("to") String to) {
        QueryParameters.Days days = QueryParameters.days(from, to);
        return queries.feedback(QueryParameters.uuid("inspectionId", inspectionId), days.from(), days.to(), config.zone());
    }

    private TaggedJson responsibilities(String column, TaskFilter filter) {
        return figures.answer(new FigureCache.Key(column, filter), () -> queries.responsibilities(column, filter));
    }

    private TaskFilter filter(String inspectionId, String from, String to, String asOf, int riskDays,
                              SourceScope source) {
        return TaskFilter.of(inspectionId, from, to, asOf, riskDays, source, config);
    }
}
