package io.rectification.tasks.work;

import io.rectification.platform.rest.Versions;
import io.rectification.platform.security.CurrentActor;
import io.rectification.platform.security.Access;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import io.rectification.tasks.task.TaskPart;

import java.util.List;
import java.util.UUID;

@Path("/tasks/{id}/evidence")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks")
public class EvidenceResource {

    private final EvidenceEntries evidence;
    private final EvidenceFiles evidenceFiles;
    private final CurrentActor actor;

    public EvidenceResource(EvidenceEntries evidence, EvidenceFiles evidenceFiles, CurrentActor actor) {
        this.evidence = evidence;
        this.evidenceFiles = evidenceFiles;
        this.actor = actor;
    }

    @POST
    @Operation(summary = "Add a piece of evidence (台账, document, minutes); refused (409) while the task is claimed complete (待核验:"
            + " withdraw the claim first) and once it is closed out (销号)")
    @APIResponse(responseCode = "201", description = "the new entry; Location is the entry, ETag the task's version "
            + "(the If-Match of the task's next command, the entry's file among them)",
            content = @Content(schema = @Schema(implementation = EvidenceView.class)))
    @RolesAllowed(Access.WORK_ON_TASKS)
    public Response addEvidence(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                        examples = @ExampleObject(name = "an official document", value = """
                                                {
                                                  "type": "DOCUMENT",
                                                  "title": "关于印发《招商引资项目跟踪服务办法》的通知",
                                                  "reference": "开管发〔2026〕15号",
                                                  "date": "2026-08-20"
                                                }""")))
                                @NotNull @Valid EvidenceInput input, @Context UriInfo uri) {
        TaskPart<EvidenceView> added = evidence.add(id, Versions.optional(ifMatch), input, actor.optional().orElse(null));
        return Response.created(uri.getAbsolutePathBuilder().path(added.view().id().toString()).build())
                .tag(Versions.etag(added.taskVersion())).entity(added.view()).build();
    }

    @GET
    @Operation(summary = "The task's evidence, each with its file described (null until attached); an officer reads "
            + "only the evidence of their unit's tasks (403 otherwise); its ETag is the task's version, which every "
            + "change of the evidence moves")
    @APIResponse(responseCode = "200", description = "the evidence; ETag the task's version",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = EvidenceView.class)))
    @APIResponse(responseCode = "304", description = Versions.NOT_MODIFIED)
    @RolesAllowed(Access.READ_EVIDENCE)
    public Response evidence(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        TaskPart<List<EvidenceView>> entries = evidence.ofTask(id);
        return Versions.current(entries.view(), entries.taskVersion(), ifNoneMatch);
    }

    @GET
    @Path("{evidenceId}")
    @Operation(summary = "One piece of evidence; an officer reads only the evidence of their unit's tasks (403 otherwise)")
    @RolesAllowed(Access.READ_EVIDENCE)
    public EvidenceView evidenceEntry(@PathParam("id") UUID id, @PathParam("evidenceId") UUID evidenceId) {
        return evidence.find(id, evidenceId);
    }

    @DELETE
    @Path("{evidenceId}")
    @Operation(summary = "Remove an evidence entry that has no file yet (one whose file was refused, or added by mistake);"
            + " officers of the task's unit and the office, If-Match optional; refused (409) for an entry with its file, and"
            + " while the task is claimed complete (待核验: withdraw the claim first) or closed out (销号)")
    @APIResponse(responseCode = "204", description = "removed; ETag the task's version after it")
    @RolesAllowed(Access.WORK_ON_TASKS)
    public Response removeEvidence(@PathParam("id") UUID id, @PathParam("evidenceId") UUID evidenceId,
                                   @HeaderParam("If-Match") String ifMatch) {
        long version = evidence.remove(id, evidenceId, Versions.optional(ifMatch));
        return Response.noContent().tag(Versions.etag(version)).build();
    }

    @PUT
    @Path("{evidenceId}/file")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Attach the file of an evidence entry (PDF, PNG, JPEG, DOCX, XLSX, OFD; size-limited); "
            + "Content-Type is the file's type, filename the name to download it under, ending in the type's extension "
            + "(.pdf, .png, .jpg/.jpeg, .docx, .xlsx, .ofd); a DOCX, XLSX or OFD must be a whole document of its kind "
            + "(at most 10,000 entries, 100 MiB expanded); officers of the task's "
            + "unit and the office; If-Match (the task's ETag) optional for an entry's first file, required to replace one"
            + " (428 without it, 412 when stale); refused (409) while the task is claimed complete (待核验: withdraw the"
            + " claim first) and once it is closed out (销号)")
    @APIResponse(responseCode = "200", description = "the file, described; ETag the task's version after it",
            content = @Content(schema = @Schema(implementation = EvidenceFileView.class)))
    @APIResponse(responseCode = "428", description = "The entry already has its file and If-Match was not sent: send the"
            + " task's ETag read")
    @RolesAllowed(Access.WORK_ON_TASKS)
    public Response attachEvidenceFile(@PathParam("id") UUID id, @PathParam("evidenceId") UUID evidenceId,
                                               @Parameter(description = "the task's ETag read: not needed for an entry's"
                                                       + " first file; required to replace it (428 without it, 412 when"
                                                       + " the task has changed since)")
                                               @HeaderParam("If-Match") String ifMatch,
                                               @HeaderParam("Content-Type") String contentType,
                                               @QueryParam("filename") String filename,
                                                       @RequestBody(description = "The evidence document or scan: the file itself (PDF, PNG, JPEG, DOCX, XLSX or OFD), sent with its own Content-Type",
                                          content = @Content(mediaType = MediaType.WILDCARD,
                                                  schema = @Schema(type = SchemaType.STRING, format = "binary"),
                                                  examples = @ExampleObject(name = "pdf", summary = "the smallest PDF "
                                                          + "taken, sent with Content-Type: application/pdf; a real upload "
                                                          + "sends the whole file's bytes", value = "%PDF-1.7\n%%EOF\n")))
                                                       byte[] content) {
        TaskPart<EvidenceFileView> file = evidenceFiles.attach(id, evidenceId, Versions.optional(ifMatch), contentType,
                filename, content == null ? new byte[0] : content);
        return Response.ok(file.view()).tag(Versions.etag(file.taskVersion())).build();
    }

    @GET
    @Path("{evidenceId}/file")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "The evidence entry's file, as attached; an officer reads only the evidence of their unit's tasks "
            + "(403 otherwise)")
    @RolesAllowed(Access.READ_EVIDENCE)
    public Response evidenceFile(@PathParam("id") UUID id, @PathParam("evidenceId") UUID evidenceId) {
        EvidenceFile file = evidenceFiles.requireFile(id, evidenceId);
        return EvidenceContent.download(file.filename, file.contentType, file.content);
    }
}
