package io.rectification.reporting.report;

import io.rectification.platform.rest.DownloadName;
import io.rectification.platform.rest.QueryParameters;
import io.rectification.platform.rest.Versions;
import io.rectification.platform.error.ApiException;
import io.rectification.platform.security.CurrentActor;
import io.rectification.platform.security.Access;
import io.rectification.reporting.support.KnownInspections;
import io.rectification.reporting.support.ReportingConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/reports/{inspectionId}")
@Tag(name = "Public report", description = "整改情况公布: the public rectification report, drafted and published in versions")
public class ReportResource {

    static final String MARKDOWN = "text/markdown;charset=UTF-8";
    static final String HTML = "text/html;charset=UTF-8";
    static final String PDF = "application/pdf";
    private static final String PUBLISHED_CACHING = "A published version is never changed (a correction is published as the "
            + "next number): the answer carries a strong ETag and may be cached for a year; a request whose "
            + "If-None-Match names the ETag gets 304.";

    /** The header of a preview naming the ETag of the draft it was rendered from. */
    static final String DRAFT_ETAG = "Draft-ETag";
    private static final String DRAFT_ETAG_DESCRIPTION = "the ETag of the draft this preview shows (none before the "
            + "first save): the If-Match of a publish of what was read";
    private static final String PREVIEWED_DRAFT = "Draft-ETag names the version of the draft shown, for the If-Match of "
            + "POST versions.";

    /** What the PDF of a version is filed under, before the inspection's team, its number and its day. */
    static final String PDF_TITLE = "巡视整改进展情况通报";

    private final ReportService service;
    private final CurrentActor actor;
    private final KnownInspections inspections;
    private final ReportingConfig config;

    public ReportResource(ReportService service, CurrentActor actor, KnownInspections inspections, ReportingConfig config) {
        this.actor = actor;
        this.service = service;
        this.inspections = inspections;
        this.config = config;
    }

    @PUT
    @Path("draft")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Supplies the draft: section 一 (leadership's responsibility), section 三 (next steps), "
            + "the signature (issuer and date), the publication whose window and channels close the report, whether "
            + "problems from other sources get their own part, and why the report lists fewer items than the plan declares",
            description = "Once the draft exists, needs If-Match with the ETag read (428 without, 412 when it was "
                    + "saved meanwhile); the first save creates it without If-Match. 400 problem+json naming "
                    + "publicationId when it is not a publication of this inspection.")
    @RolesAllowed(Access.PUBLISH)
    @APIResponse(responseCode = "200", description = "the draft as saved (the first save too); ETag its version",
            content = @Content(schema = @Schema(implementation = ReportViews.Draft.class)))
    @APIResponse(responseCode = "428", description = Versions.PRECONDITION_ONCE_IT_EXISTS)
    public Response saveDraft(@PathParam("inspectionId") String inspectionId,
                              @Parameter(description = Versions.IF_MATCH_ONCE_IT_EXISTS)
                              @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                              @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                      examples = @ExampleObject(name = "the texts and signature of a progress report", value = """
                                              {
                                                "leadershipResponsibility": "开发区党工委切实扛起巡视整改主体责任，成立由党工委书记任组长的整改工作领导小组，先后召开12次专题会议研究部署整改工作。",
                                                "nextSteps": "下一步，开发区党工委将持续抓好尚未完成的整改任务，对长期任务实行清单化管理，巩固拓展整改成果。",
                                                "issuer": "中共某市经济技术开发区工作委员会",
                                                "issuedOn": "2026-09-15",
                                                "publicationId": "5b1e7c2a-8d4f-4a6b-9e3c-1f2a3b4c5d6e",
                                                "includeOtherSources": true,
                                                "totalsExplanation": "整改方案细化的64项任务中，2项经省委巡视办同意合并，台账列62项。"
                                              }""")))
                              @NotNull @Valid ReportDraftInput input) {
        return withEtag(service.saveDraft(id(inspectionId), ifMatch, input, actor.require()));
    }

    @GET
    @Path("draft")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Access.READ_REPORT_DRAFTS)
    @APIResponse(responseCode = "200", description = "the draft; ETag its version",
            content = @Content(schema = @Schema(implementation = ReportViews.Draft.class)))
    @APIResponse(responseCode = "304", description = Versions.NOT_MODIFIED)
    public Response draft(@PathParam("inspectionId") String inspectionId,
                          @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        UUID id = id(inspectionId);
        ReportViews.Draft draft = service.findDraft(id)
                .orElseThrow(() -> ApiException.notFound("report draft of inspection", id));
        return Versions.current(draft, draft.version(), ifNoneMatch);
    }

    private static Response withEtag(ReportViews.Draft draft) {
        return Response.ok(draft).tag(Versions.etag(draft.version())).build();
    }

    @GET
    @Path("checks")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "What stands between the draft and publication: missing parts and disagreeing figures "
            + "(the warnings the preview shows); and, as notices that do not stop it, section 二's numbers changed "
            + "since the version in force")
    @RolesAllowed(Access.READ_REPORT_DRAFTS)
    public ReportViews.Checks checks(@PathParam("inspectionId") String inspectionId) {
        return service.checks(id(inspectionId));
    }

    @GET
    @Path("preview.html")
    @Produces(HTML)
    @Operation(summary = "The current draft, rendered now from the read models (printable HTML)",
            description = PREVIEWED_DRAFT)
    @RolesAllowed(Access.READ_REPORT_DRAFTS)
    @APIResponse(responseCode = "200", description = "the preview", content = @Content(mediaType = HTML),
            headers = @Header(name = DRAFT_ETAG, description = DRAFT_ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)))
    public Response previewHtml(@PathParam("inspectionId") String inspectionId) {
        return previewed(service.preview(id(inspectionId), ReportService.Format.HTML));
    }

    @GET
    @Path("preview.md")
    @Produces(MARKDOWN)
    @Operation(summary = "The current draft, rendered now from the read models (Markdown)", description = PREVIEWED_DRAFT)
    @RolesAllowed(Access.READ_REPORT_DRAFTS)
    @APIResponse(responseCode = "200", description = "the preview", content = @Content(mediaType = MARKDOWN),
            headers = @Header(name = DRAFT_ETAG, description = DRAFT_ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)))
    public Response previewMarkdown(@PathParam("inspectionId") String inspectionId) {
        return previewed(service.preview(id(inspectionId), ReportService.Format.MARKDOWN));
    }

    @GET
    @Path("preview.pdf")
    @Produces(PDF)
    @Operation(summary = "The current draft, rendered now from the read models (PDF)",
            description = "503 problem+json naming the font when the CJK font for the PDF is not installed. "
                    + PREVIEWED_DRAFT)
    @RolesAllowed(Access.READ_REPORT_DRAFTS)
    @APIResponse(responseCode = "200", description = "the preview",
            content = @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            headers = @Header(name = DRAFT_ETAG, description = DRAFT_ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)))
    public Response previewPdf(@PathParam("inspectionId") String inspectionId) {
        return previewed(service.previewPdf(id(inspectionId)));
    }

    /**
     * The preview with the ETag of the draft it shows, for the If-Match of the publish that follows:
     * the person publishes what they read, even when the draft and the preview were read at different
     * moments with a colleague's save in between.
     */
    private static Response previewed(ReportService.Preview<?> preview) {
        Response.ResponseBuilder answer = Response.ok(preview.body());
        if (preview.draftVersion() != null) {
            answer.header(DRAFT_ETAG, "\"" + Versions.etag(preview.draftVersion()) + "\"");
        }
        return answer.build();
    }

    @POST
    @Path("versions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publishes: renders the report now and stores it as the next numbered version, never changed",
            description = "Once the draft exists, needs If-Match with the ETag of the draft that was reviewed (as GET "
                    + "draft or a preview's " + DRAFT_ETAG + " gave it): 428 without, 412 with currentVersion when it was "
                    + "saved since. 409 problem+json listing each missing part of the draft (Draft incomplete) or each "
                    + "finding of the checks (Report checks failed); GET checks lists the same beforehand.")
    @RolesAllowed(Access.PUBLISH)
    @APIResponse(responseCode = "201", description = "the version published; Location is its HTML, ETag the HTML's "
            + "(as GET gives it: If-None-Match with it is answered 304)",
            content = @Content(schema = @Schema(implementation = ReportViews.Version.class)))
    @APIResponse(responseCode = "428", description = "The draft exists and If-Match was not sent: send the ETag of the "
            + "draft reviewed")
    public Response publish(@PathParam("inspectionId") String inspectionId,
                            @Parameter(description = "the ETag of the draft reviewed (GET draft, or the preview's "
                                    + DRAFT_ETAG + "); required once the draft exists (428 without it, 412 when the draft "
                                    + "was saved since)")
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            UriInfo uri) {
        UUID id = id(inspectionId);
        ReportViews.Version version = service.publish(id, ifMatch, actor.require());
        byte[] html = service.renderedVersion(id, version.number(), ReportService.Format.HTML).body();
        return Response.created(URI.create(uri.getBaseUri().toString().replaceAll("/$", "") + version.html()))
                .tag(PublishedAnswer.tagOf(html)).entity(version).build();
    }

    @GET
    @Path("versions")
    @Produces(MediaType.APPLICATION_JSON)
    @PermitAll
    @Operation(summary = "The published versions, oldest first, as anyone may list them (no staff names)",
            description = "Each with its publication and the disclosure window and channels it was published with "
                    + "(disclosure, kept by the version: a later edit of the publication reaches the next version only).")
    public List<ReportViews.Version> versions(@PathParam("inspectionId") String inspectionId) {
        return service.listVersions(id(inspectionId));
    }

    @GET
    @Path("versions/{number: \\d+}.html")
    @Produces(HTML)
    @Operation(summary = "A published version as printable HTML, as stored when it was published",
            description = PUBLISHED_CACHING)
    @PermitAll
    @APIResponse(responseCode = "200", description = "the HTML; ETag, Last-Modified and Cache-Control: public, "
            + "max-age=31536000, immutable", content = @Content(mediaType = HTML))
    @APIResponse(responseCode = "304", description = "unchanged since the ETag sent in If-None-Match (or If-Modified-Since)")
    public Response versionHtml(@PathParam("inspectionId") String inspectionId, @PathParam("number") int number,
                                @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                                @HeaderParam(HttpHeaders.IF_MODIFIED_SINCE) String ifModifiedSince) {
        return stored(service.renderedVersion(id(inspectionId), number, ReportService.Format.HTML), ifNoneMatch,
                ifModifiedSince);
    }

    @GET
    @Path("versions/{number: \\d+}.md")
    @Produces(MARKDOWN)
    @Operation(summary = "A published version as Markdown, as stored when it was published",
            description = PUBLISHED_CACHING)
    @PermitAll
    @APIResponse(responseCode = "200", description = "the Markdown; ETag, Last-Modified and Cache-Control: public, "
            + "max-age=31536000, immutable", content = @Content(mediaType = MARKDOWN))
    @APIResponse(responseCode = "304", description = "unchanged since the ETag sent in If-None-Match (or If-Modified-Since)")
    public Response versionMarkdown(@PathParam("inspectionId") String inspectionId, @PathParam("number") int number,
                                    @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                                    @HeaderParam(HttpHeaders.IF_MODIFIED_SINCE) String ifModifiedSince) {
        return stored(service.renderedVersion(id(inspectionId), number, ReportService.Format.MARKDOWN), ifNoneMatch,
                ifModifiedSince);
    }

    @GET
    @Path("versions/{number: \\d+}.pdf")
    @Produces(PDF)
    @Operation(summary = "A published version as PDF, laid out from the HTML stored when it was published",
            description = "503 problem+json naming the font when the CJK font for the PDF is not installed. The ETag "
                    + "is the PDF's as laid out by this instance (the same text, laid out again, may differ in its "
                    + "bytes), so caches keep it a day.")
    @PermitAll
    @APIResponse(responseCode = "200", description = "the PDF, shown inline and named "
            + "巡视整改进展情况通报-<the inspection's team>-第<number>版-<the day it was published>.pdf "
            + "(report-v<number>-<day>.pdf as the ASCII name); ETag, Last-Modified and Cache-Control: public, max-age=86400",
            headers = @Header(name = DownloadName.HEADER, description = DownloadName.HEADER_DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "304", description = "unchanged since the ETag sent in If-None-Match (or If-Modified-Since)")
    public Response versionPdf(@PathParam("inspectionId") String inspectionId, @PathParam("number") int number,
                               @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                               @HeaderParam(HttpHeaders.IF_MODIFIED_SINCE) String ifModifiedSince) {
        UUID id = id(inspectionId);
        ReportService.Published pdf = service.versionPdf(id, number);
        return PublishedAnswer.of(pdf.body(), pdf.publishedAt(), PublishedAnswer.Caching.LAID_OUT, ifNoneMatch,
                        ifModifiedSince)
                .header(DownloadName.HEADER, pdfName(id, number, pdf.publishedAt()).inline()).build();
    }

    /** 巡视整改进展情况通报-省委第一巡视组-第2版-2026-12-05.pdf: whose, which version, published when (in the organisation's zone). */
    private DownloadName pdfName(UUID inspectionId, int number, java.time.OffsetDateTime publishedAt) {
        String version = "第" + number + "版";
        String who = inspections.find(inspectionId).map(KnownInspections.Known::name)
                .map(name -> name + "-" + version).orElse(version);
        return DownloadName.dated(PDF_TITLE, who, "report-v" + number,
                publishedAt.atZoneSameInstant(config.zone()).toLocalDate(), "pdf");
    }

    private static Response stored(ReportService.Published text, String ifNoneMatch, String ifModifiedSince) {
        return PublishedAnswer.of(text.body(), text.publishedAt(), PublishedAnswer.Caching.STORED, ifNoneMatch,
                ifModifiedSince).build();
    }

    private static UUID id(String value) {
        return QueryParameters.requiredUuid("inspectionId", value);
    }
}
