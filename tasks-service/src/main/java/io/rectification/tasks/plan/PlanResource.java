package io.rectification.tasks.plan;

import io.rectification.platform.rest.Versions;
import io.rectification.platform.security.Access;
import io.rectification.platform.rest.Flags;
import io.rectification.platform.rest.DownloadName;
import io.rectification.platform.rest.QueryParameters;
import io.rectification.platform.table.CsvWriter;
import io.rectification.platform.table.XlsxWriter;
import io.rectification.tasks.inspection.InspectionService;
import io.rectification.tasks.inspection.InspectionView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Path("/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Plans", description = "整改方案 / 任务分解表: import a whole rectification plan at once")
public class PlanResource {

    static final String TEMPLATE_TITLE = "任务分解表模板";
    private static final String NO_INSPECTION = "no inspection inspectionId";

    private final PlanImportService service;
    private final PlanStatistics statistics;

    private final InspectionService inspections;
    private final Clock clock;

    public PlanResource(PlanImportService service, PlanStatistics statistics, InspectionService inspections, Clock clock) {
        this.service = service;
        this.statistics = statistics;
        this.inspections = inspections;
        this.clock = clock;
    }

    @POST
    @Operation(summary = "Import an inspection with its areas, problems and tasks; all or nothing, every bad row reported",
            description = "A new inspection: 201 with the ids created. The inspection already in the ledger (same team, "
                    + "organisation and on-site dates): the plan is matched row by row (area number, problem number, task "
                    + "number within the problem); added rows are stored and the comparison answered (200); changed, "
                    + "removed or conflicting rows are refused (409, each named, nothing stored). dryRun=true answers the "
                    + "comparison as the import would act on it (added / changed / removed / unchanged / conflict per "
                    + "row, a conflict with its reason) and stores nothing. A title's own numbering ((一), 1., 一是) is "
                    + "removed (the ledger numbers by place) and titles are compared as the same but for numbering, blanks, "
                    + "width and a final 。/；. At most 2,000 tasks, as for the breakdown table.")
    @RolesAllowed(Access.MANAGE_PLAN)
    @APIResponse(responseCode = "201", description = "what the import created; Location is the inspection, ETag its version",
            content = @Content(schema = @Schema(implementation = PlanImportResult.class)))
    @APIResponse(responseCode = "200", description = "a revision of a plan already in the ledger, or a dry run: the comparison",
            content = @Content(schema = @Schema(implementation = PlanRevision.class)))
    @APIResponse(responseCode = "409", description = "Plan conflicts with the ledger: the plan's inspection is registered"
            + " already (existingInspectionId names it) and rows of the plan differ from it or cannot be matched; each is"
            + " named in errors, nothing is stored")
    public Response importPlan(
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "a new inspection's plan with one area, one problem and its tasks",
                            summary = "registers an inspection of its own (省委第六巡视组), not the one of the POST"
                                    + " /inspections example: a plan naming a registered inspection is compared with it,"
                                    + " and refused (409) where they differ",
                            value = """
                            {
                              "inspection": {
                                "title": "十四届省委第三轮巡视",
                                "team": "省委第六巡视组",
                                "inspectedOrganisation": "某市经济技术开发区党工委",
                                "kind": "REGULAR",
                                "onSiteFrom": "2026-03-02",
                                "onSiteTo": "2026-05-29",
                                "feedbackDate": "2026-07-10",
                                "declaredAreas": 5,
                                "declaredProblems": 46,
                                "declaredTasks": 64
                              },
                              "areas": [
                                {
                                  "title": "（一）贯彻落实党中央决策部署和省委工作要求不够到位",
                                  "problems": [
                                    {
                                      "title": "招商引资项目后续跟踪服务不到位，部分签约项目长期未落地",
                                      "description": "2023年以来签约的37个项目中，有9个超过一年未开工，未建立跟踪督办机制。",
                                      "tasks": [
                                        {
                                          "title": "建立招商项目全周期跟踪服务机制",
                                          "measures": "一是制定招商引资项目跟踪服务办法，明确各部门责任分工；二是建立重点项目台账，逐月调度推进；三是对已签约未开工项目逐一开展清理。",
                                          "leadOfficial": "管委会分管副主任",
                                          "responsiblePerson": "投资促进局局长",
                                          "responsibleUnit": "开发区投资促进局",
                                          "deadline": "2027-10-31",
                                          "kind": "TIME_BOUND",
                                          "reportingCadence": "MONTHLY",
                                          "requireIndicatorsMet": true,
                                          "indicators": [
                                            {
                                              "name": "已签约项目开工率",
                                              "unit": "%",
                                              "baseline": 62,
                                              "targetKind": "ABSOLUTE",
                                              "targetValue": 90,
                                              "direction": "INCREASE"
                                            }
                                          ],
                                          "milestones": [
                                            {
                                              "title": "完成已签约未开工项目逐一清理",
                                              "dueDate": "2027-09-30"
                                            }
                                          ]
                                        },
                                        {
                                          "title": "健全招商引资项目全过程监管长效机制",
                                          "measures": "将项目履约情况纳入年度考核，每季度通报一次。",
                                          "leadOfficial": "管委会主任",
                                          "responsiblePerson": "投资促进局局长",
                                          "responsibleUnit": "开发区投资促进局",
                                          "deadline": "2028-06-30",
                                          "kind": "LONG_TERM",
                                          "reportingCadence": "MONTHLY",
                                          "milestones": [
                                            {
                                              "title": "印发项目履约考核办法",
                                              "dueDate": "2027-12-31"
                                            }
                                          ]
                                        }
                                      ]
                                    }
                                  ]
                                }
                              ]
                            }""")))
            @NotNull @Valid PlanInput plan, @QueryParam("dryRun") String dryRun, UriInfo uri) {
        if (Flags.parse(dryRun, "dryRun")) {
            return Response.ok(service.dryRun(plan)).build();
        }
        PlanImportService.Outcome outcome = service.importPlan(plan);
        if (outcome.revised() != null) {
            statistics.renewAfter(outcome.revised().added());
            return Response.ok(outcome.revised()).build();
        }
        PlanImportResult result = outcome.created();
        statistics.renewAfter(result.areaCount() + result.problemCount() + result.taskCount());
        return Response.created(uri.getBaseUriBuilder().path("inspections").path(result.inspectionId().toString()).build())
                .tag(Versions.etag(inspections.requireInspection(result.inspectionId()).version())).entity(result).build();
    }

    @GET
    @Path("template.csv")
    @Produces("text/csv")
    @Operation(summary = "The CSV template of the task breakdown table (任务分解表), with one example row; "
            + "import it with POST /inspections/{id}/plan-rows",
            description = "Kind and cadence are written in words (限期整改, 月报); the example's dates are month ends after "
                    + "today, or after the on-site start of the inspection given as inspectionId when that is later, "
                    + "so the template imports unchanged into that inspection.")
    @RolesAllowed(Access.MANAGE_PLAN)
    @APIResponse(responseCode = "200", description = "the template, named 任务分解表模板-<the inspection's team>-<today>.csv "
            + "(without the team when no inspectionId is given; plan-template-<today>.csv as the ASCII name)",
            headers = @Header(name = DownloadName.HEADER, description = DownloadName.HEADER_DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = NO_INSPECTION)
    public Response template(@QueryParam("inspectionId") String inspectionId) {
        InspectionView inspection = inspection(inspectionId);
        return Response.ok(CsvWriter.write(PlanColumns.ALL, List.of(exampleRow(inspection))), "text/csv; charset=UTF-8")
                .header(DownloadName.HEADER, templateName(inspection, "csv").attachment()).build();
    }

    @GET
    @Path("template.xlsx")
    @Produces(XlsxWriter.MEDIA_TYPE)
    @Operation(summary = "The XLSX template of the task breakdown table, with one example row",
            description = "As template.csv: the example's dates follow today or the on-site start of inspectionId.")
    @RolesAllowed(Access.MANAGE_PLAN)
    @APIResponse(responseCode = "200", description = "the template, named 任务分解表模板-<the inspection's team>-<today>.xlsx "
            + "(plan-template-<today>.xlsx as the ASCII name)",
            headers = @Header(name = DownloadName.HEADER, description = DownloadName.HEADER_DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = XlsxWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = NO_INSPECTION)
    public Response templateXlsx(@QueryParam("inspectionId") String inspectionId) {
        InspectionView inspection = inspection(inspectionId);
        byte[] xlsx = XlsxWriter.write(PlanRowsExport.SHEET, PlanColumns.ALL, List.of(exampleRow(inspection)));
        return Response.ok(xlsx, XlsxWriter.MEDIA_TYPE)
                .header(DownloadName.HEADER, templateName(inspection, "xlsx").attachment()).build();
    }

    /** The inspection the template is made for, if one is named (404 when it does not exist). */
    private InspectionView inspection(String inspectionId) {
        UUID id = QueryParameters.uuid("inspectionId", inspectionId);
        return id == null ? null : inspections.requireInspection(id);
    }

    /** The example row for today, or for the inspection's on-site start when it is later. */
    private List<String> exampleRow(InspectionView inspection) {
        LocalDate today = LocalDate.now(clock);
        return PlanTemplate.exampleRow(PlanTemplate.startingFrom(today, inspection == null ? null : inspection.onSiteFrom()));
    }

    /** 任务分解表模板-省委第一巡视组-2026-12-05.xlsx: for whose plan, made which day (its dates follow that day). */
    private DownloadName templateName(InspectionView inspection, String extension) {
        return DownloadName.dated(TEMPLATE_TITLE, inspection == null ? null : inspection.team(), "plan-template",
                LocalDate.now(clock), extension);
    }
}
