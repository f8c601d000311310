package io.rectification.tasks.plan;

import io.rectification.platform.rest.Versions;
import io.rectification.platform.security.Access;
import io.rectification.tasks.inspection.InspectionService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import io.rectification.platform.rest.Flags;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.util.UUID;

@Path("/inspections/{inspectionId}/plan-rows")
@Tag(name = "Plans", description = "整改方案 / 任务分解表: import a whole rectification plan at once")
public class SpreadsheetPlanResource {

    static final String XLSX = io.rectification.platform.table.XlsxWriter.MEDIA_TYPE;

    static final String BODY = "The task breakdown table (任务分解表), one task a row under a header row with the columns "
            + "of the template (GET /plans/template.csv or /plans/template.xlsx): as CSV (UTF-8, UTF-16 with its byte "
            + "order mark, or GB18030/GBK as Excel saves it) or as XLSX (the first sheet with the header)";

    /** The documented CSV body; CsvPlanImportTest imports it as the document shows it. */
    static final String CSV_EXAMPLE = "反馈意见方面,具体问题,整改任务,整改措施,牵头领导,具体责任人,责任单位,完成时限,任务类型,调度频次,"
            + "阶段性目标,整改进展\r\n推进管理机制改革不彻底,推进机构人事改革,积极招聘事业编制人员,"
            + "\"制定招聘方案,完成公开招聘\",管委会主任,组织人事部负责人,组织人事部,2024-12-31,TIME_BOUND,MONTHLY,,\r\n";

    private final SpreadsheetPlanImportService service;
    private final PlanStatistics statistics;
    private final InspectionService inspections;

    public SpreadsheetPlanResource(SpreadsheetPlanImportService service, PlanStatistics statistics,
                                   InspectionService inspections) {
        this.service = service;
        this.statistics = statistics;
        this.inspections = inspections;
    }

    @POST
    @Consumes("text/csv")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import the task breakdown table as CSV (one row per task) into an inspection; all or nothing, "
            + "errors by row number and column",
            description = "Tasks already in the ledger (same area, problem and task title) are not stored again: UNCHANGED, "
                    + "or CHANGED and refused (409 naming row and column); an area or problem title resembling one of the "
                    + "ledger, or a title the ledger holds more than once, is ambiguous: a CONFLICT row, refused (409); "
                    + "the same task twice in the sheet is 400. 201 when rows were added, else 200; dryRun=true answers "
                    + "every row's status as the import would (CONFLICT, never ADDED, for an ambiguous row) with the "
                    + "refused cells and their reasons in conflicts, and stores nothing. The header may sit below a title "
                    + "(first 10 rows); blank rows are skipped; an empty 反馈意见方面/具体问题 continues the row above (XLSX: "
                    + "a merged cell reads as its region's top-left cell); a title's own numbering ((一), 1., 一是) is "
                    + "removed and titles differing only in numbering, blanks, width or a final 。/； are one; warnings "
                    + "lists what was read otherwise than written or looks mistaken (near-duplicate titles, a 责任单位 one "
                    + "character from a known unit), in a dry run and an import alike. At most 2,000 tasks (rows).")
    @RolesAllowed(Access.MANAGE_PLAN)
    @APIResponse(responseCode = "201", description = "the tasks created; Location is the inspection, ETag its version",
            content = @Content(schema = @Schema(implementation = SpreadsheetImportResult.class)))
    @APIResponse(responseCode = "200", description = "a dry run, or every row already in the ledger: nothing stored",
            content = @Content(schema = @Schema(implementation = SpreadsheetImportResult.class)))
    public Response importCsv(@PathParam("inspectionId") UUID inspectionId, @QueryParam("dryRun") String dryRun,
            @RequestBody(description = BODY, content = @Content(mediaType = "text/csv",
                    schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "oneTask", summary = "the header row and one task (UTF-8)",
                            value = CSV_EXAMPLE)))
            byte[] body,
                              @Context UriInfo uri) {
        return answer(service.importCsv(inspectionId, body, Flags.parse(dryRun, "dryRun")), uri);
    }

    @POST
    @Consumes(XLSX)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import the task breakdown table as XLSX (the first sheet holding the header, one row per task); all or nothing, "
            + "errors by row number and column")
    @RolesAllowed(Access.MANAGE_PLAN)
    @APIResponse(responseCode = "201", description = "the tasks created; Location is the inspection, ETag its version",
            content = @Content(schema = @Schema(implementation = SpreadsheetImportResult.class)))
    @APIResponse(responseCode = "200", description = "a dry run, or every row already in the ledger: nothing stored",
            content = @Content(schema = @Schema(implementation = SpreadsheetImportResult.class)))
    public Response importXlsx(@PathParam("inspectionId") UUID inspectionId, @QueryParam("dryRun") String dryRun,
            @RequestBody(description = BODY, content = @Content(mediaType = XLSX,
                    schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "template", summary = "the template, filled in: one task a row "
                            + "under its header (GET /plans/template.xlsx)", externalValue = "../plans/template.xlsx")))
            byte[] body,
                               @Context UriInfo uri) {
        return answer(service.importXlsx(inspectionId, body, Flags.parse(dryRun, "dryRun")), uri);
    }

    /**
     * 201 with the inspection as Location and its version as ETag (as its GET gives them) when tasks were stored,
     * else 200 (a dry run, or every row already there).
     */
    private Response answer(SpreadsheetImportResult result, UriInfo uri) {
        if (result.taskCount() == 0) {
            return Response.ok(result).build();
        }
        statistics.renewAfter(result.taskCount());
        return Response.created(uri.getBaseUriBuilder().path("inspections").path(result.inspectionId().toString()).build())
                .tag(Versions.etag(inspections.requireInspection(result.inspectionId()).version())).entity(result).build();
    }
}
