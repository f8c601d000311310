package io.rectification.reporting.export;

import io.rectification.platform.rest.DownloadName;
import io.rectification.platform.rest.QueryParameters;
import io.rectification.platform.error.ApiException;
import io.rectification.platform.lists.RectificationList;
import io.rectification.platform.security.Access;
import io.rectification.platform.table.CsvWriter;
import io.rectification.platform.table.Table;
import io.rectification.platform.table.XlsxWriter;
import io.rectification.reporting.support.KnownInspections;
import io.rectification.reporting.support.ReportingConfig;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.UUID;

@Path("/exports")
@Tag(name = "Exports", description = "问题清单、任务清单、责任清单 as CSV or XLSX, as of a day")
public class ExportResource {

    static final String CSV = "text/csv;charset=UTF-8";
    static final String XLSX = XlsxWriter.MEDIA_TYPE;
    static final String NOT_FOUND = "list is not problems, tasks or responsibilities, or the read model knows no "
            + "inspection inspectionId (mistyped, or its events not consumed yet): never an empty file";

    private final ListExports exports;
    private final KnownInspections inspections;
    private final ReportingConfig config;

    public ExportResource(ListExports exports, KnownInspections inspections, ReportingConfig config) {
        this.exports = exports;
        this.inspections = inspections;
        this.config = config;
    }

    @GET
    @Path("{list}.csv")
    @Produces(CSV)
    @Operation(summary = "A list (problems, tasks or responsibilities) as CSV, as it stood at the end of asOf")
    @RolesAllowed(Access.READ)
    @APIResponse(responseCode = "200", description = "The list, UTF-8 with a BOM, dates as YYYY-MM-DD; named "
            + "整改任务清单-<the inspection's team>-<asOf>.csv (task-list-<the inspection id's first 8 hex digits>-<asOf>.csv "
            + "as the ASCII name); the header is the first line (no title line: the CSV is for programs as well)",
            headers = @Header(name = DownloadName.HEADER, description = DownloadName.HEADER_DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public Response csv(@Parameter(schema = @Schema(enumeration = {RectificationList.Paths.PROBLEMS,
                                RectificationList.Paths.TASKS, RectificationList.Paths.RESPONSIBILITIES}))
                        @PathParam("list") String list, @QueryParam("inspectionId") String inspectionId,
                        @QueryParam("asOf") String asOf) {
        return export(list, inspectionId, asOf, "csv");
    }

    @GET
    @Path("{list}.xlsx")
    @Produces(XLSX)
    @Operation(summary = "A list (problems, tasks or responsibilities) as XLSX, as it stood at the end of asOf")
    @RolesAllowed(Access.READ)
    @APIResponse(responseCode = "200", description = "The list as one sheet: a title line (the inspection's title, the "
            + "list, the day), then the header and the rows, deadlines as date cells (yyyy-mm-dd), numbers as numbers; named "
            + "整改任务清单-<the inspection's team>-<asOf>.xlsx (task-list-<the inspection id's first 8 hex digits>-<asOf>.xlsx "
            + "as the ASCII name)",
            headers = @Header(name = DownloadName.HEADER, description = DownloadName.HEADER_DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public Response xlsx(@Parameter(schema = @Schema(enumeration = {RectificationList.Paths.PROBLEMS,
                                RectificationList.Paths.TASKS, RectificationList.Paths.RESPONSIBILITIES}))
                         @PathParam("list") String list, @QueryParam("inspectionId") String inspectionId,
                         @QueryParam("asOf") String asOf) {
        return export(list, inspectionId, asOf, "xlsx");
    }

    /**
     * The list as it stood at the end of asOf (today by the clock, in the organisation's zone), named
     * as an office files it: 整改任务清单-省委第一巡视组-2026-12-05.xlsx, the day being the one it stood on.
     * An inspection the read model does not know is a 404, not an empty file.
     *
     * <p>Two inspections rectified at once have lists of the same name and day: the ASCII name (for a client
     * that reads no other) carries the inspection id's first 8 hex digits, task-list-1f0c9a2b-2026-12-05.xlsx,
     * and the sheet opens with a title line naming the inspection, which a printout keeps. The CSV stays
     * header-first: it is read by programs (and by tests holding both services' headers equal), which take
     * the first line for the header.
     */
    private Response export(String listName, String inspectionId, String asOf, String format) {
        RectificationList list = RectificationList.fromPath(listName).orElseThrow(() ->
                ApiException.notFound("list", listName).with("allowed", java.util.Arrays.stream(RectificationList.values())
                        .map(RectificationList::path).toList()));
        UUID id = QueryParameters.requiredUuid("inspectionId", inspectionId);
        LocalDate day = QueryParameters.date("asOf", asOf);
        LocalDate asOfDay = day != null ? day : config.today();
        KnownInspections.Known inspection = inspections.require(id);
        Table table = exports.table(list, id, asOfDay, config.zone());
        byte[] body = format.equals("csv") ? CsvWriter.write(table)
                : XlsxWriter.write(table, list.sheetTitle(inspection.title(), asOfDay));
        return Response.ok(body, format.equals("csv") ? CSV : XLSX)
                .header("Content-Disposition", list.downloadName(inspection.name(), id, asOfDay, format).attachment())
                .build();
    }
}
