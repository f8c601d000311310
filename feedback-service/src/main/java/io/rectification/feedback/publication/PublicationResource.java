package io.rectification.feedback.publication;

import io.rectification.feedback.language.Language;
import io.rectification.feedback.language.PublicProblems;
import io.rectification.feedback.ledger.LedgerReadModel;
import io.rectification.platform.rest.PageOf;
import io.rectification.platform.rest.PageRequest;
import io.rectification.platform.rest.Versions;
import io.rectification.platform.security.Access;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.util.UUID;

@Path("/publications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Publications", description = "整改情况公布: the notice, its disclosure window and contact channels")
public class PublicationResource {

    private final PublicationService service;

    public PublicationResource(PublicationService service) {
        this.service = service;
    }

    @POST
    @Operation(summary = "Publish a notice with its disclosure window (staff)")
    @RolesAllowed(Access.PUBLISH)
    @APIResponse(responseCode = "201", description = "the new publication; Location is the publication, ETag its version",
            content = @Content(schema = @Schema(implementation = PublicationView.class)))
    @APIResponse(responseCode = "422", description = LedgerReadModel.NOT_KNOWN_YET)
    public Response create(
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "a progress notice with a ten-day window", value = """
                            {
                              "inspectionId": "3f2b8c1e-5d4a-4e7b-9a61-0c2d7e8f9a10",
                              "title": "中共某市经济技术开发区工委关于十四届省委第三轮巡视整改进展情况的通报",
                              "body": "根据省委统一部署，省委第二巡视组于2026年3月2日至5月29日对开发区党工委开展了常规巡视。现将整改进展情况予以公布，欢迎社会各界监督。",
                              "reportUrl": "https://www.example.org/xxgk/xszg/2027-09.html",
                              "windowStart": "2027-09-15T00:00:00",
                              "windowEnd": "2027-09-24T23:59:59",
                              "timeZone": "Asia/Shanghai",
                              "channels": {
                                "phone": "010-00000000",
                                "phoneHours": "工作日 9:00—12:00，14:00—17:30",
                                "postalAddress": "某市经济技术开发区管委会党政办公室（信封请注明“巡视整改意见”）",
                                "postalCode": "100000",
                                "email": "xszg@example.org"
                              }
                            }""")))
            @NotNull @Valid PublicationInput input, UriInfo uri) {
        PublicationView created = service.createPublication(input);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .tag(String.valueOf(created.version())).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace a publication (staff); needs If-Match with the ETag read")
    @RolesAllowed(Access.PUBLISH)
    @APIResponse(responseCode = "200", description = "the publication as replaced; ETag its new version",
            content = @Content(schema = @Schema(implementation = PublicationView.class)))
    @APIResponse(responseCode = "422", description = LedgerReadModel.NOT_KNOWN_YET)
    public Response replace(@PathParam("id") UUID id, @Parameter(required = true, description = Versions.IF_MATCH_REQUIRED) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                    examples = @ExampleObject(name = "the window extended, its ends with an offset as GET answers them", value = """
                                            {
                                              "inspectionId": "3f2b8c1e-5d4a-4e7b-9a61-0c2d7e8f9a10",
                                              "title": "中共某市经济技术开发区工委关于十四届省委第三轮巡视整改进展情况的通报",
                                              "body": "根据省委统一部署，省委第二巡视组于2026年3月2日至5月29日对开发区党工委开展了常规巡视。现将整改进展情况予以公布，欢迎社会各界监督。",
                                              "reportUrl": "https://www.example.org/xxgk/xszg/2027-09.html",
                                              "windowStart": "2027-09-15T00:00:00+08:00",
                                              "windowEnd": "2027-09-30T23:59:59+08:00",
                                              "channels": {
                                                "phone": "010-00000000",
                                                "phoneHours": "工作日 9:00—12:00，14:00—17:30",
                                                "postalAddress": "某市经济技术开发区管委会党政办公室（信封请注明“巡视整改意见”）",
                                                "postalCode": "100000",
                                                "email": "xszg@example.org"
                                              }
                                            }""")))
                            @NotNull @Valid PublicationInput input) {
        PublicationView updated = service.replacePublication(id, input, ifMatch);
        return Response.ok(updated).tag(String.valueOf(updated.version())).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A publication (public: the form shows it)")
    @PermitAll
    @APIResponse(responseCode = "200", description = "the publication; ETag its version",
            content = @Content(schema = @Schema(implementation = PublicationView.class)))
    public Response get(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        PublicationView publication = service.findPublication(id)
                .orElseThrow(() -> PublicProblems.unknownPublication(Language.of(headers), id));
        // Its open (受理中) turns with the clock at the window's start and end, without a new version: the
        // version is no validator of this answer, so a matching If-None-Match still gets it whole.
        return Versions.current(publication, publication.version(), null);
    }

    @GET
    @PermitAll
    public PageOf<PublicationView> list(@QueryParam("inspectionId") UUID inspectionId,
                                        @Valid @BeanParam PageRequest paging) {
        return service.listPublications(inspectionId, paging.page, paging.size);
    }
}
