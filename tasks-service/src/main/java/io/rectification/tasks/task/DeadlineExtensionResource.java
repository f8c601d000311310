package io.rectification.tasks.task;

import io.rectification.platform.rest.Versions;
import io.rectification.platform.security.Access;
import io.rectification.platform.security.CurrentActor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/**
 * 延期申请: the task's unit asks for a later deadline, the office (整改办) approves or refuses. If-Match
 * is optional, as for the lifecycle's steps; each answer carries the task's version after it as ETag.
 */
@Path("/tasks/{id}/deadline-extension-requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks")
public class DeadlineExtensionResource {

    private final DeadlineExtensions extensions;
    private final CurrentActor actor;

    public DeadlineExtensionResource(DeadlineExtensions extensions, CurrentActor actor) {
        this.extensions = extensions;
        this.actor = actor;
    }

    @POST
    @Operation(summary = "申请延期: ask the office for a later deadline, with a reason; the requester is the token holder",
            description = "For officers of the task's unit (403 for another unit) and the office. requestedDeadline must be"
                    + " after the task's current deadline and not before today (400 naming it); not for a claimed or"
                    + " closed-out task (409 with state and allowedTransitions), nor while another request is pending"
                    + " (409 with pendingRequestId). Published as TaskDeadlineExtensionRequested; the task shows it as"
                    + " pendingDeadlineExtension until the office decides.")
    @RolesAllowed(Access.WORK_ON_TASKS)
    @APIResponse(responseCode = "201", description = "the request and the task after it; Location is the request, ETag the"
            + " task's version", content = @Content(schema = @Schema(implementation = DeadlineExtensionView.class)))
    public Response request(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                    examples = @ExampleObject(name = "land approval delayed", value = """
                                            {
                                              "requestedDeadline": "2027-11-30",
                                              "reason": "12个签约项目受用地报批影响延后开工，申请将完成时限延至2027年11月30日。"
                                            }""")))
                            @NotNull @Valid DeadlineExtensionInput input, @Context UriInfo uri) {
        DeadlineExtensionView request = extensions.request(id, Versions.optional(ifMatch), input, actor.require());
        return Response.created(uri.getAbsolutePathBuilder().path(request.id().toString()).build())
                .tag(Versions.etag(request.task().version())).entity(request).build();
    }

    @GET
    @Operation(summary = "The task's deadline extension requests (延期申请), newest first, pending and decided; its ETag"
            + " is the task's version, which every request and decision moves")
    @APIResponse(responseCode = "200", description = "the requests; ETag the task's version",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = DeadlineExtensionView.class)))
    @APIResponse(responseCode = "304", description = Versions.NOT_MODIFIED)
    @RolesAllowed(Access.READ)
    public Response list(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        TaskPart<List<DeadlineExtensionView>> requests = extensions.ofTask(id);
        return Versions.current(requests.view(), requests.taskVersion(), ifNoneMatch);
    }

    @GET
    @Path("{requestId}")
    @Operation(summary = "One deadline extension request of the task")
    @RolesAllowed(Access.READ)
    public DeadlineExtensionView get(@PathParam("id") UUID id, @PathParam("requestId") UUID requestId) {
        return extensions.find(id, requestId);
    }

    @POST
    @Path("{requestId}/approval")
    @Operation(summary = "同意延期: the deadline becomes the one requested, as the office's own move (TaskDeadlineChanged,"
            + " lastDeadlineChange, the unit mailed 完成时限调整), its reason （经申请） and the request's, with the optional"
            + " {note}; 409 when the request was decided already or the deadline has reached the date since")
    @RolesAllowed(Access.MANAGE_PLAN)
    @APIResponse(responseCode = "200", description = "the request and the task after it; ETag the task's version",
            content = @Content(schema = @Schema(implementation = DeadlineExtensionView.class)))
    public Response approve(@PathParam("id") UUID id, @PathParam("requestId") UUID requestId,
                            @HeaderParam("If-Match") String ifMatch,
                            @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                    examples = @ExampleObject(name = "approved at the leading group's meeting", value = """
                                            {
                                              "note": "经整改工作领导小组第5次会议研究同意。"
                                            }""")))
                            @Valid ExtensionApprovalInput input) {
        return answer(extensions.approve(id, requestId, Versions.optional(ifMatch), ExtensionApprovalInput.noteOf(input),
                actor.require()));
    }

    /** The same approval without a JSON body (a bare POST): no note. A body of another type is a 415. */
    @POST
    @Path("{requestId}/approval")
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    @RolesAllowed(Access.MANAGE_PLAN)
    public Response approveWithoutNote(@PathParam("id") UUID id, @PathParam("requestId") UUID requestId,
                                       @HeaderParam("If-Match") String ifMatch, byte[] body) {
        TaskResource.requireNoBody(body);
        return approve(id, requestId, ifMatch, null);
    }

    @POST
    @Path("{requestId}/refusal")
    @Operation(summary = "不同意延期: the deadline stays; the reason is required and mailed to the unit's officers"
            + " (TaskDeadlineExtensionRefused); 409 when the request was decided already")
    @RolesAllowed(Access.MANAGE_PLAN)
    @APIResponse(responseCode = "200", description = "the request and the task after it; ETag the task's version",
            content = @Content(schema = @Schema(implementation = DeadlineExtensionView.class)))
    public Response refuse(@PathParam("id") UUID id, @PathParam("requestId") UUID requestId,
                           @HeaderParam("If-Match") String ifMatch,
                           @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                   examples = @ExampleObject(name = "the work can be done in time", value = """
                                           {
                                             "reason": "用地报批已于10月完成，现有时限内可完成开工，请加快推进。"
                                           }""")))
                           @NotNull @Valid ExtensionRefusalInput input) {
        return answer(extensions.refuse(id, requestId, Versions.optional(ifMatch), input.reason(), actor.require()));
    }

    private static Response answer(DeadlineExtensionView request) {
        return Response.ok(request).tag(Versions.etag(request.task().version())).build();
    }
}
