package io.rectification.reporting.export;

import io.rectification.platform.rest.QueryParameters;
import io.rectification.platform.error.ApiException;
import io.rectification.platform.lists.RectificationList;
import io.rectification.platform.security.Access;
import io.rectification.platform.table.CsvWriter;
import io.rectification.platform.table.Table;
import io.rectification.platform.table.XlsxWriter;
import io.rectification.reporting.support.ReportingConfig;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
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

    private final ListExports exports;
    private final ReportingConfig config;

    public ExportResource(ListExports exports, ReportingConfig config) {
        this.exports = exports;
        this.config = config;
    }

    @GET
    @Path("{list}.csv")
    @Produces(CSV)
    @Operation(summary = "A list (problems, tasks or responsibilities) as CSV, as it stood at the end of asOf")
    @RolesAllowed(Access.READ)
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
    public Response xlsx(@Parameter(schema = @Schema(enumeration = {RectificationList.Paths.PROBLEMS,
                                RectificationList.Paths.TASKS, RectificationList.Paths.RESPONSIBILITIES}))
                         @PathParam("list") String list, @QueryParam("inspectionId") String inspectionId,
                         @QueryParam("asOf") String asOf) {
        return export(list, inspectionId, asOf, "xlsx");
    }

    private Response export(String listName, String inspectionId, String asOf, String format) {
        RectificationList list = RectificationList.fromPath(listName).orElseThrow(() ->
                ApiException.notFound("list", listName).with("allowed", java.util.Arrays.stream(RectificationList.values())
                        .map(RectificationList::path).toList()));
        UUID inspection = QueryParameters.requiredUuid("inspectionId", inspectionId);
        LocalDate day = QueryParameters.date("asOf", asOf);
        LocalDate asOfDay = day != null ? day : config.today();
        Table table = exports.table(list, inspection, asOfDay, config.zone());
        byte[] body = format.equals("csv") ? CsvWriter.write(table) : XlsxWriter.write(table);
        return Response.ok(body, format.equals("csv") ? CSV : XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + list.path() + "-" + inspection + "-" + asOfDay
                        + "." + format + "\"")
                .build();
    }
}
