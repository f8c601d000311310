package io.rectification.tasks.lists;

import io.rectification.platform.error.ApiException;
import io.rectification.platform.table.CsvWriter;
import io.rectification.platform.lists.ListColumns;
import io.rectification.platform.lists.RectificationList;
import io.rectification.platform.rest.DownloadName;
import io.rectification.platform.security.Access;
import io.rectification.platform.table.Table;
import io.rectification.platform.table.XlsxWriter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.rectification.tasks.inspection.InspectionService;
import io.rectification.tasks.inspection.InspectionView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The three lists of a plan as JSON (live, with the notice's numbering), and as CSV (UTF-8 with BOM) and
 * XLSX downloads ({@code .csv}, {@code .xlsx}) in the columns every export of the lists has.
 */
@Path("/inspections/{inspectionId}")
@Tag(name = "Lists", description = "问题清单、任务清单、责任清单")
public class LedgerListResource {

    static final String CSV = "text/csv";

    private final LedgerListService lists;
    private final InspectionService inspections;
    private final Clock clock;

    public LedgerListResource(LedgerListService lists, InspectionService inspections, Clock clock) {
        this.lists = lists;
        this.inspections = inspections;
        this.clock = clock;
    }

    @GET
    @Path("problem-list")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "问题清单: every problem in the plan's order, with its task count and percent")
    @RolesAllowed(Access.READ)
    public List<ListRows.ProblemRow> problemList(@PathParam("inspectionId") UUID inspectionId) {
        return lists.problemList(inspectionId);
    }

    @GET
    @Path("task-list")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "任务清单: every task in the plan's order with its measures, deadline and state")
    @RolesAllowed(Access.READ)
    public List<ListRows.TaskRow> taskList(@PathParam("inspectionId") UUID inspectionId) {
        return lists.taskList(inspectionId);
    }

    @GET
    @Path("responsibility-list")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "责任清单: the tasks grouped by lead official and by responsible unit")
    @RolesAllowed(Access.READ)
    public ListRows.ResponsibilityList responsibilityList(@PathParam("inspectionId") UUID inspectionId) {
        return lists.responsibilityList(inspectionId);
    }

    @GET
    @Path("{list}.csv")
    @Produces(CSV)
    @Operation(summary = "A list (problem-list, task-list or responsibility-list) as CSV, UTF-8 with BOM, in the columns every export of the lists has")
    @RolesAllowed(Access.READ)
    @APIResponse(responseCode = "200", description = "The list as it stands, dates as YYYY-MM-DD; named "
            + "整改任务清单-<the inspection's team>-<today>.csv (task-list-<the inspection id's first 8 hex digits>-<today>.csv "
            + "as the ASCII name); the header is the first line (no title line: the CSV is for programs as well)",
            headers = @Header(name = DownloadName.HEADER, description = DownloadName.HEADER_DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response csv(@PathParam("inspectionId") UUID inspectionId,
                        @Parameter(schema = @Schema(enumeration = {PROBLEM_LIST, TASK_LIST, RESPONSIBILITY_LIST}))
                        @PathParam("list") String list) {
        RectificationList which = list(list);
        LocalDate today = LocalDate.now(clock);
        InspectionView inspection = inspections.requireInspection(inspectionId);
        return download(which, inspection, today, CsvWriter.write(table(which, inspectionId, today)),
                CSV + "; charset=UTF-8", "csv");
    }

    @GET
    @Path("{list}.xlsx")
    @Produces(XlsxWriter.MEDIA_TYPE)
    @Operation(summary = "A list (problem-list, task-list or responsibility-list) as XLSX, in the columns every export of the lists has")
    @RolesAllowed(Access.READ)
    @APIResponse(responseCode = "200", description = "The list as it stands: a title line (the inspection's title, the "
            + "list, the day), then the header and the rows, deadlines as date cells (yyyy-mm-dd), numbers as numbers; named "
            + "整改任务清单-<the inspection's team>-<today>.xlsx (task-list-<the inspection id's first 8 hex digits>-<today>.xlsx "
            + "as the ASCII name)",
            headers = @Header(name = DownloadName.HEADER, description = DownloadName.HEADER_DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = XlsxWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response xlsx(@PathParam("inspectionId") UUID inspectionId,
                         @Parameter(schema = @Schema(enumeration = {PROBLEM_LIST, TASK_LIST, RESPONSIBILITY_LIST}))
                         @PathParam("list") String list) {
        RectificationList which = list(list);
        LocalDate today = LocalDate.now(clock);
        InspectionView inspection = inspections.requireInspection(inspectionId);
        String title = inspection.title() != null && !inspection.title().isBlank() ? inspection.title() : inspection.team();
        return download(which, inspection, today,
                XlsxWriter.write(table(which, inspectionId, today), which.sheetTitle(title, today)), XlsxWriter.MEDIA_TYPE, "xlsx");
    }

    static final String PROBLEM_LIST = "problem-list";
    static final String TASK_LIST = "task-list";
    static final String RESPONSIBILITY_LIST = "responsibility-list";
    static final Map<String, RectificationList> LISTS = Map.of(PROBLEM_LIST, RectificationList.PROBLEMS,
            TASK_LIST, RectificationList.TASKS, RESPONSIBILITY_LIST, RectificationList.RESPONSIBILITIES);

    /** The list a path names. The path takes any name, so that a caller without a token hears 401 before a wrong name hears 404. */
    private static RectificationList list(String path) {
        RectificationList list = LISTS.get(path);
        if (list == null) {
            throw ApiException.notFound("list", path).with("allowed", List.of(PROBLEM_LIST, TASK_LIST, RESPONSIBILITY_LIST));
        }
        return list;
    }

    /**
     * The list from the live ledger in the columns of platform {@link ListColumns}, as it stands {@code today} in
     * the organisation's zone (the clock's), which its 是否逾期 is counted on.
     */
    private Table table(RectificationList list, UUID inspectionId, LocalDate today) {
        return switch (list) {
            case PROBLEMS -> ListColumns.PROBLEMS.table(
                    lists.problemList(inspectionId).stream().map(ListRows.ProblemRow::line).toList(), today);
            case TASKS -> ListColumns.TASKS.table(
                    lists.taskList(inspectionId).stream().map(ListRows.TaskRow::line).toList(), today);
            case RESPONSIBILITIES -> ListColumns.RESPONSIBILITIES.table(
                    lists.taskList(inspectionId).stream().map(ListRows.TaskRow::line).toList(), today);
        };
    }

    /**
     * Named as an office files it: the list, the inspection's team and the day it stands on, today (the ASCII
     * name with the inspection id's first 8 hex digits, platform {@link RectificationList#downloadName}).
     */
    private Response download(RectificationList list, InspectionView inspection, LocalDate today, byte[] body,
                              String mediaType, String extension) {
        return Response.ok(body, mediaType)
                .header(DownloadName.HEADER, list.downloadName(inspection.team(), inspection.id(), today, extension)
                        .attachment())
                .build();
    }
}
