package io.rectification.tasks.plan;

import io.rectification.platform.rest.DownloadName;
import io.rectification.platform.security.Access;
import io.rectification.platform.table.CsvWriter;
import io.rectification.platform.table.Table;
import io.rectification.platform.table.XlsxWriter;
import io.rectification.tasks.inspection.InspectionService;
import io.rectification.tasks.inspection.InspectionView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The plan of an inspection taken out in the import's own format (任务分解表, {@link PlanRowsExport}), so
 * an office can correct it and post it back to {@code POST /inspections/{id}/plan-rows}, or carry it to
 * another inspection or system. Named 任务分解表-<team>-<today>.csv/.xlsx.
 */
@Path("/inspections/{inspectionId}")
@Tag(name = "Plans", description = "整改方案 / 任务分解表: import a whole rectification plan at once")
public class PlanExportResource {

    static final String CSV = "text/csv;charset=UTF-8";
    static final String FILE_TITLE = "任务分解表";
    static final String ASCII_TITLE = "plan";
    private static final String DESCRIPTION = "One row per task of the inspection's findings (problems of source PLAN), "
            + "in the plan's order, in the 18 columns of the template (GET /plans/template.csv); the import reads it back "
            + "unchanged: posted to POST /inspections/{id}/plan-rows?dryRun=true every row is UNCHANGED. Not in it: a "
            + "problem's description, a problem without tasks, requireIndicatorsMet, and problems of other sources "
            + "(they are in the lists).";

    private final PlanRowsExport export;
    private final InspectionService inspections;
    private final Clock clock;

    public PlanExportResource(PlanRowsExport export, InspectionService inspections, Clock clock) {
        this.export = export;
        this.inspections = inspections;
        this.clock = clock;
    }

    @GET
    @Path("plan.csv")
    @Produces(CSV)
    @Operation(summary = "The plan as the task breakdown table (任务分解表) the import reads, as CSV", description = DESCRIPTION
            + " CSV: UTF-8 with BOM, dates YYYY-MM-DD; a cell starting with = + - @ gets an apostrophe against formula "
            + "injection, which the import takes off again.")
    @RolesAllowed(Access.EXPORT_PLAN)
    @APIResponse(responseCode = "200", description = "the table, named 任务分解表-<the inspection's team>-<today>.csv "
            + "(plan-<today>.csv as the ASCII name)",
            headers = @Header(name = DownloadName.HEADER, description = DownloadName.HEADER_DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response csv(@PathParam("inspectionId") UUID inspectionId) {
        InspectionView inspection = inspections.requireInspection(inspectionId);
        return download(inspection, CsvWriter.write(export.table(inspectionId)), CSV, "csv");
    }

    @GET
    @Path("plan.xlsx")
    @Produces(XlsxWriter.MEDIA_TYPE)
    @Operation(summary = "The plan as the task breakdown table (任务分解表) the import reads, as XLSX", description = DESCRIPTION
            + " XLSX: one sheet 任务分解表, 完成时限 as date cells (yyyy-mm-dd).")
    @RolesAllowed(Access.EXPORT_PLAN)
    @APIResponse(responseCode = "200", description = "the workbook, named 任务分解表-<the inspection's team>-<today>.xlsx "
            + "(plan-<today>.xlsx as the ASCII name)",
            headers = @Header(name = DownloadName.HEADER, description = DownloadName.HEADER_DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = XlsxWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response xlsx(@PathParam("inspectionId") UUID inspectionId) {
        InspectionView inspection = inspections.requireInspection(inspectionId);
        Table table = export.table(inspectionId);
        return download(inspection, XlsxWriter.write(table), XlsxWriter.MEDIA_TYPE, "xlsx");
    }

    /** Named for today in the organisation's zone, by the services' clock. */
    private Response download(InspectionView inspection, byte[] body, String mediaType, String extension) {
        DownloadName name = DownloadName.dated(FILE_TITLE, inspection.team(), ASCII_TITLE, LocalDate.now(clock), extension);
        return Response.ok(body, mediaType).header(DownloadName.HEADER, name.attachment()).build();
    }
}
