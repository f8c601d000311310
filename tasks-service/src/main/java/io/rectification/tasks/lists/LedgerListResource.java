package io.rectification.tasks.lists;

import io.rectification.platform.table.CsvWriter;
import io.rectification.platform.lists.ListColumns;
import io.rectification.platform.security.Roles;
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
    @RolesAllowed({Roles.OFFICER, Roles.COORDINATOR, Roles.SUPERVISOR, Roles.INTEGRATION, Roles.ADMIN})
    public List<ListRows.ProblemRow> problemList(@PathParam("inspectionId") UUID inspectionId) {
        return lists.problemList(inspectionId);
    }

    @GET
    @Path("problem-list.csv")
    @Produces(CSV)
    @RolesAllowed({Roles.OFFICER, Roles.COORDINATOR, Roles.SUPERVISOR, Roles.INTEGRATION, Roles.ADMIN})
    public Response problemListCsv(@PathParam("inspectionId") UUID inspectionId) {
        return csv("problem-list.csv", problemTable(inspectionId));
    }

    @GET
    @Path("task-list")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "任务清单: every task in the plan's order with its measures, deadline and state")
    @RolesAllowed({Roles.OFFICER, Roles.COORDINATOR, Roles.SUPERVISOR, Roles.INTEGRATION, Roles.ADMIN})
    public List<ListRows.TaskRow> taskList(@PathParam("inspectionId") UUID inspectionId) {
        return lists.taskList(inspectionId);
    }

    @GET
    @Path("task-list.csv")
    @Produces(CSV)
    @RolesAllowed({Roles.OFFICER, Roles.COORDINATOR, Roles.SUPERVISOR, Roles.INTEGRATION, Roles.ADMIN})
    public Response taskListCsv(@PathParam("inspectionId") UUID inspectionId) {
        return csv("task-list.csv", taskTable(inspectionId));
    }

    @GET
    @Path("responsibility-list")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "责任清单: the tasks grouped by lead official and by responsible unit")
    @RolesAllowed({Roles.OFFICER, Roles.COORDINATOR, Roles.SUPERVISOR, Roles.INTEGRATION, Roles.ADMIN})
    public ListRows.ResponsibilityList responsibilityList(@PathParam("inspectionId") UUID inspectionId) {
        return lists.responsibilityList(inspectionId);
    }

    @GET
    @Path("responsibility-list.csv")
    @Produces(CSV)
    @Operation(summary = "责任清单 as CSV: one row per task, grouped by lead official, then by unit")
    @RolesAllowed({Roles.OFFICER, Roles.COORDINATOR, Roles.SUPERVISOR, Roles.INTEGRATION, Roles.ADMIN})
    public Response responsibilityListCsv(@PathParam("inspectionId") UUID inspectionId) {
        return csv("responsibility-list.csv", responsibilityTable(inspectionId));
    }

    /** The columns every export of the lists has (platform {@link ListColumns}), from the live ledger. */
    private Table problemTable(UUID inspectionId) {
        return ListColumns.PROBLEMS.table(lists.problemList(inspectionId).stream().map(ListRows.ProblemRow::line).toList());
    }

    private Table taskTable(UUID inspectionId) {
        return ListColumns.TASKS.table(lists.taskList(inspectionId).stream().map(ListRows.TaskRow::line).toList());
    }

    private Table responsibilityTable(UUID inspectionId) {
        return ListColumns.RESPONSIBILITIES.table(lists.taskList(inspectionId).stream().map(ListRows.TaskRow::line).toList());
    }

    @GET
    @Path("problem-list.xlsx")
    @Produces(XlsxWriter.MEDIA_TYPE)
    @RolesAllowed({Roles.OFFICER, Roles.COORDINATOR, Roles.SUPERVISOR, Roles.INTEGRATION, Roles.ADMIN})
    public Response problemListXlsx(@PathParam("inspectionId") UUID inspectionId) {
        return xlsx("problem-list.xlsx", problemTable(inspectionId));
    }

    @GET
    @Path("task-list.xlsx")
    @Produces(XlsxWriter.MEDIA_TYPE)
    @RolesAllowed({Roles.OFFICER, Roles.COORDINATOR, Roles.SUPERVISOR, Roles.INTEGRATION, Roles.ADMIN})
    public Response taskListXlsx(@PathParam("inspectionId") UUID inspectionId) {
        return xlsx("task-list.xlsx", taskTable(inspectionId));
    }

    @GET
    @Path("responsibility-list.xlsx")
    @Produces(XlsxWriter.MEDIA_TYPE)
    @RolesAllowed({Roles.OFFICER, Roles.COORDINATOR, Roles.SUPERVISOR, Roles.INTEGRATION, Roles.ADMIN})
    public Response responsibilityListXlsx(@PathParam("inspectionId") UUID inspectionId) {
        return xlsx("responsibility-list.xlsx", responsibilityTable(inspectionId));
    }

    private static Response xlsx(String filename, Table table) {
        return Response.ok(XlsxWriter.write(table), XlsxWriter.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .build();
    }

    private static Response csv(String filename, Table table) {
        return Response.ok(CsvWriter.write(table), CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .build();
    }
}
