package io.rectification.tasks.lists;

import io.rectification.platform.table.CsvWriter;
import io.rectification.platform.security.Roles;
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

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The three lists of a plan as JSON, and as CSV (UTF-8 with BOM) and XLSX downloads ({@code .csv}, {@code .xlsx}). */
@Path("/inspections/{inspectionId}")
@Tag(name = "Lists", description = "问题清单、任务清单、责任清单")
public class LedgerListResource {

    static final String CSV = "text/csv";
    static final List<String> TASK_HEADER = List.of("编号", "反馈意见方面", "具体问题", "整改任务", "整改措施", "任务类型",
            "完成时限", "状态", "完成进度(%)", "牵头领导", "具体责任人", "责任单位");

    static final List<String> PROBLEM_HEADER = List.of("编号", "反馈意见方面", "具体问题", "来源", "整改任务数", "完成进度(%)");
    static final List<String> RESPONSIBILITY_HEADER = List.of("牵头领导", "责任单位", "具体责任人", "编号", "整改任务", "完成时限", "状态");

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
        List<List<Object>> rows = new ArrayList<>();
        for (ListRows.ProblemRow row : lists.problemList(inspectionId)) {
            rows.add(List.of(row.label(), row.areaTitle(), row.title(), row.source(), row.taskCount(), row.percentComplete()));
        }
        return csv("problem-list.csv", PROBLEM_HEADER, rows);
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
        return csv("task-list.csv", TASK_HEADER, lists.taskList(inspectionId).stream().map(LedgerListResource::cells).toList());
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
        return csv("responsibility-list.csv", RESPONSIBILITY_HEADER, responsibilityRows(inspectionId));
    }

    private List<List<Object>> responsibilityRows(UUID inspectionId) {
        List<List<Object>> rows = new ArrayList<>();
        ListRows.ResponsibilityList list = lists.responsibilityList(inspectionId);
        for (ListRows.Responsibility lead : list.byLeadOfficial()) {
            lead.tasks().stream()
                    .sorted(java.util.Comparator.comparing(ListRows.TaskRow::responsibleUnit))
                    .forEach(row -> rows.add(List.of(row.leadOfficial(), row.responsibleUnit(), row.responsiblePerson(),
                            row.label(), row.title(), row.deadline(), row.state())));
        }
        return rows;
    }

    @GET
    @Path("problem-list.xlsx")
    @Produces(XlsxWriter.MEDIA_TYPE)
    @RolesAllowed({Roles.OFFICER, Roles.COORDINATOR, Roles.SUPERVISOR, Roles.INTEGRATION, Roles.ADMIN})
    public Response problemListXlsx(@PathParam("inspectionId") UUID inspectionId) {
        List<List<Object>> rows = new ArrayList<>();
        for (ListRows.ProblemRow row : lists.problemList(inspectionId)) {
            rows.add(List.of(row.label(), row.areaTitle(), row.title(), row.source(), row.taskCount(), row.percentComplete()));
        }
        return xlsx("problem-list.xlsx", "问题清单", PROBLEM_HEADER, rows);
    }

    @GET
    @Path("task-list.xlsx")
    @Produces(XlsxWriter.MEDIA_TYPE)
    @RolesAllowed({Roles.OFFICER, Roles.COORDINATOR, Roles.SUPERVISOR, Roles.INTEGRATION, Roles.ADMIN})
    public Response taskListXlsx(@PathParam("inspectionId") UUID inspectionId) {
        return xlsx("task-list.xlsx", "任务清单", TASK_HEADER,
                lists.taskList(inspectionId).stream().map(LedgerListResource::cells).toList());
    }

    @GET
    @Path("responsibility-list.xlsx")
    @Produces(XlsxWriter.MEDIA_TYPE)
    @RolesAllowed({Roles.OFFICER, Roles.COORDINATOR, Roles.SUPERVISOR, Roles.INTEGRATION, Roles.ADMIN})
    public Response responsibilityListXlsx(@PathParam("inspectionId") UUID inspectionId) {
        return xlsx("responsibility-list.xlsx", "责任清单", RESPONSIBILITY_HEADER, responsibilityRows(inspectionId));
    }

    private static Response xlsx(String filename, String sheet, List<String> header, List<List<Object>> rows) {
        return Response.ok(XlsxWriter.write(sheet, header, rows), XlsxWriter.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .build();
    }

    private static List<Object> cells(ListRows.TaskRow row) {
        return List.of(row.label(), row.areaTitle(), row.problemTitle(), row.title(), row.measures(), row.kind(),
                row.deadline(), row.state(), row.percentComplete(), row.leadOfficial(), row.responsiblePerson(),
                row.responsibleUnit());
    }

    private static Response csv(String filename, List<String> header, List<List<Object>> rows) {
        return Response.ok(CsvWriter.write(header, rows), CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .build();
    }
}
