package io.rectification.tasks.lists;

import io.rectification.platform.error.ApiException;
import io.rectification.platform.table.CsvWriter;
import io.rectification.platform.lists.ListColumns;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
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

    public LedgerListResource(LedgerListService lists) {
        this.lists = lists;
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
    public Response csv(@PathParam("inspectionId") UUID inspectionId,
                        @Parameter(schema = @Schema(enumeration = {PROBLEM_LIST, TASK_LIST, RESPONSIBILITY_LIST}))
                        @PathParam("list") String list) {
        return download(list + ".csv", CsvWriter.write(table(list, inspectionId)), CSV + "; charset=UTF-8");
    }

    @GET
    @Path("{list}.xlsx")
    @Produces(XlsxWriter.MEDIA_TYPE)
    @Operation(summary = "A list (problem-list, task-list or responsibility-list) as XLSX, in the columns every export of the lists has")
    @RolesAllowed(Access.READ)
    public Response xlsx(@PathParam("inspectionId") UUID inspectionId,
                         @Parameter(schema = @Schema(enumeration = {PROBLEM_LIST, TASK_LIST, RESPONSIBILITY_LIST}))
                         @PathParam("list") String list) {
        return download(list + ".xlsx", XlsxWriter.write(table(list, inspectionId)), XlsxWriter.MEDIA_TYPE);
    }

    static final String PROBLEM_LIST = "problem-list";
    static final String TASK_LIST = "task-list";
    static final String RESPONSIBILITY_LIST = "responsibility-list";
    static final List<String> LISTS = List.of(PROBLEM_LIST, TASK_LIST, RESPONSIBILITY_LIST);

    /**
     * The list from the live ledger in the columns of platform {@link ListColumns}. The path takes any name, so
     * that a caller without a token hears 401 before a wrong name hears 404.
     */
    private Table table(String list, UUID inspectionId) {
        return switch (list) {
            case PROBLEM_LIST ->
                    ListColumns.PROBLEMS.table(lists.problemList(inspectionId).stream().map(ListRows.ProblemRow::line).toList());
            case TASK_LIST ->
                    ListColumns.TASKS.table(lists.taskList(inspectionId).stream().map(ListRows.TaskRow::line).toList());
            case RESPONSIBILITY_LIST -> ListColumns.RESPONSIBILITIES.table(
                    lists.taskList(inspectionId).stream().map(ListRows.TaskRow::line).toList());
            default -> throw ApiException.notFound("list", list).with("allowed", LISTS);
        };
    }

    private static Response download(String filename, byte[] body, String mediaType) {
        return Response.ok(body, mediaType)
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .build();
    }
}
