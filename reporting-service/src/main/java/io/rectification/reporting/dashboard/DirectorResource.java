package io.rectification.reporting.dashboard;

import io.rectification.platform.rest.PageOf;
import io.rectification.platform.rest.PageRequest;
import io.rectification.platform.rest.QueryParameters;
import io.rectification.platform.security.Access;
import io.rectification.reporting.dashboard.DirectorQueries.FigureScope;
import io.rectification.reporting.dashboard.DirectorViews.BurnUp;
import io.rectification.reporting.dashboard.DirectorViews.FeedbackFunnel;
import io.rectification.reporting.dashboard.DirectorViews.FigureTask;
import io.rectification.reporting.dashboard.DirectorViews.Rankings;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * The figures a director acts on. Each answer carries an ETag: a page polling with If-None-Match
 * gets 304 while nothing changed ({@link Revalidated}).
 */
@Path("/dashboard/director")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dashboard", description = "整改进展: rectification figures built from the events")
@RolesAllowed(Access.DASHBOARDS)
@Revalidated
// The 200 named so that its content is still made from each method's return type.
@APIResponse(responseCode = "200", description = "the figures; ETag names them")
@APIResponse(responseCode = "304", description = "unchanged since the ETag sent in If-None-Match")
public class DirectorResource {

    private final DirectorQueries queries;
    private final FigureCache figures;
    private final ReportingConfig config;

    public DirectorResource(DirectorQueries queries, FigureCache figures, ReportingConfig config) {
        this.queries = queries;
        this.figures = figures;
        this.config = config;
    }

    @GET
    @Path("rankings")
    @Operation(summary = "Responsible units (责任单位) and lead officials (牵头领导) ranked: completion, close-out, "
            + "overdue, progress reports missing, regressions (reopens after 回头看); rank 1 needs attention most")
    @APIResponse(responseCode = "200", description = "the figures; ETag names them",
            content = @Content(schema = @Schema(implementation = Rankings.class)))
    public TaggedJson rankings(@QueryParam("inspectionId") String inspectionId, @QueryParam("from") String from,
                             @QueryParam("to") String to, @QueryParam("asOf") String asOf,
                             @Parameter(description = DashboardResource.SOURCE) @QueryParam("source") SourceScope source) {
        TaskFilter filter = filter(inspectionId, from, to, asOf, source);
        return figures.answer(new FigureCache.Key("rankings", filter), () -> queries.rankings(filter));
    }

    @GET
    @Path("burn-up")
    @Operation(summary = "Close-outs (销号) per week against the plan's deadlines per week, with running totals; "
            + "weeks are Monday to Sunday in the organisation's zone")
    @APIResponse(responseCode = "200", description = "the figures; ETag names them",
            content = @Content(schema = @Schema(implementation = BurnUp.class)))
    public TaggedJson burnUp(@QueryParam("inspectionId") String inspectionId, @QueryParam("from") String from,
                         @QueryParam("to") String to, @QueryParam("asOf") String asOf,
                         @Parameter(description = DashboardResource.SOURCE) @QueryParam("source") SourceScope source) {
        TaskFilter filter = filter(inspectionId, from, to, asOf, source);
        return figures.answer(new FigureCache.Key("burn-up", filter), () -> queries.burnUp(filter));
    }

    @GET
    @Path("feedback-funnel")
    @Operation(summary = "Public feedback received → answered (in time or late) → escalated to a rectification problem "
            + "(from/to bound the day received, as for /dashboard/feedback)")
    public FeedbackFunnel feedbackFunnel(@QueryParam("inspectionId") String inspectionId, @QueryParam("from") String from,
                                         @QueryParam("to") String to) {
        // the page sends the same from/to to the trend and the funnel: both count the same feedback
        QueryParameters.Days days = QueryParameters.days(from, to);
        return queries.funnel(QueryParameters.uuid("inspectionId", inspectionId), days.from(), days.to(), config.zone());
    }

    @GET
    @Path("tasks")
    @Operation(summary = "The tasks behind a figure: of a unit and/or lead official, and/or closed out or due in a "
            + "week; most overdue first. from/to bound the deadline as they bound the figure's. Only the first "
            + "`limit` (default 200), and nothing says how many there are: director/task-page gives them a page at a "
            + "time with the total")
    public List<FigureTask> tasks(@BeanParam FigureTasksQuery query,
                                  @QueryParam("limit") @DefaultValue("200") @Min(1) @Max(1000) int limit) {
        return queries.tasks(query.filter(config), query.scope(), limit, 0);
    }

    @GET
    @Path("task-page")
    @Operation(summary = "The tasks behind a figure as director/tasks lists them (same parameters, same order), a page "
            + "at a time with how many there are in all (total), as every list answers")
    public PageOf<FigureTask> taskPage(@BeanParam FigureTasksQuery query, @Valid @BeanParam PageRequest paging) {
        TaskFilter filter = query.filter(config);
        FigureScope scope = query.scope();
        return new PageOf<>(queries.tasks(filter, scope, paging.size, (long) paging.page * paging.size),
                paging.page, paging.size, queries.countTasks(filter, scope));
    }

    private TaskFilter filter(String inspectionId, String from, String to, String asOf, SourceScope source) {
        return TaskFilter.of(inspectionId, from, to, asOf, 0, source, config);
    }
}
