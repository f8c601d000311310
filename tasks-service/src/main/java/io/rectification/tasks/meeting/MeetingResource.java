package io.rectification.tasks.meeting;

import io.rectification.platform.rest.NoContactDetails;
import io.rectification.platform.rest.Versions;
import io.rectification.platform.security.Access;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import io.rectification.tasks.work.EvidenceContent;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.util.UUID;

/** A meeting (周调度、月推进、专题会议), its minutes (会议纪要) and its decisions (会议议定事项). */
@Path("/meetings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Meetings")
public class MeetingResource {

    private final MeetingService service;

    public MeetingResource(MeetingService service) {
        this.service = service;
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A meeting with its attendees, its minutes described and its decisions; its ETag is the version")
    @APIResponse(responseCode = "200", description = "the meeting; its ETag is the version",
            content = @Content(schema = @Schema(implementation = MeetingView.class)))
    @APIResponse(responseCode = "304", description = "If-None-Match names the meeting's current version, and no "
            + "decision is about a task (whose cancellation, 撤销, the decision shows without the meeting's version "
            + "moving): no body")
    @RolesAllowed(Access.READ)
    public Response get(@PathParam("id") UUID id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        MeetingView meeting = service.find(id);
        // A decision about a task says when the task was cancelled, which moves without the meeting's version:
        // the version is no validator of that answer, so it is always sent whole.
        return Versions.current(meeting, meeting.version(), meeting.linksTasks() ? null : ifNoneMatch);
    }

    @PUT
    @Path("{id}/minutes")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Attach the minutes (会议纪要) of the meeting as a file (PDF, PNG, JPEG, DOCX, XLSX, OFD; "
            + "size-limited, checked as evidence files are); Content-Type is the file's type, filename the name to "
            + "download it under; a new upload replaces it, and the meeting's version moves; If-Match optional "
            + "(412 when the meeting has changed since)")
    @APIResponse(responseCode = "200", description = "the meeting; its ETag is the new version",
            content = @Content(schema = @Schema(implementation = MeetingView.class)))
    @RolesAllowed(Access.MANAGE_PLAN)
    public Response attachMinutes(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                  @HeaderParam("Content-Type") String contentType,
                                  @QueryParam("filename") @NoContactDetails String filename,
                                  @RequestBody(description = "The minutes (会议纪要): the file itself (PDF, PNG, JPEG, DOCX, XLSX or OFD), sent with its own Content-Type",
                                          content = @Content(mediaType = MediaType.WILDCARD,
                                                  schema = @Schema(type = SchemaType.STRING, format = "binary"),
                                                  examples = @ExampleObject(name = "pdf", summary = "the smallest PDF "
                                                          + "taken, sent with Content-Type: application/pdf; a real upload "
                                                          + "sends the whole file's bytes", value = "%PDF-1.7\n%%EOF\n")))
                                  byte[] content) {
        return withEtag(service.attachMinutes(id, Versions.optional(ifMatch), contentType, filename,
                content == null ? new byte[0] : content));
    }

    @GET
    @Path("{id}/minutes")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "The minutes' file of the meeting (404 until attached); an officer reads only the minutes of "
            + "a meeting that gave their unit a decision (403 otherwise)")
    @RolesAllowed(Access.READ_EVIDENCE)
    public Response minutes(@PathParam("id") UUID id) {
        MeetingMinutes minutes = service.requireMinutes(id);
        return EvidenceContent.download(minutes.filename, minutes.contentType, minutes.content);
    }

    @POST
    @Path("{id}/decisions/{decisionId}/completion")
    @Operation(summary = "A decision carried out (once; 409 when it already is); If-Match optional (412 when the "
            + "meeting has changed since)")
    @APIResponse(responseCode = "200", description = "the meeting; its ETag is the new version",
            content = @Content(schema = @Schema(implementation = MeetingView.class)))
    @RolesAllowed(Access.WORK_ON_TASKS)
    public Response complete(@PathParam("id") UUID id, @PathParam("decisionId") UUID decisionId,
                             @HeaderParam("If-Match") String ifMatch) {
        return withEtag(service.complete(id, decisionId, Versions.optional(ifMatch)));
    }

    /** A meeting answers with its version as ETag, for the If-Match of its next change. */
    private static Response withEtag(MeetingView meeting) {
        return Response.ok(meeting).tag(Versions.etag(meeting.version())).build();
    }
}
