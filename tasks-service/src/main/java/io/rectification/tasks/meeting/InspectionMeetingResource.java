package io.rectification.tasks.meeting;

import io.rectification.platform.rest.Versions;
import io.rectification.platform.security.Access;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.util.UUID;

/** 周调度、月推进 and 专题会议 of an inspection, with their decisions (会议议定事项). */
@Path("/inspections/{inspectionId}/meetings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Meetings", description = "周调度会、月推进会、专题会议: meetings, their minutes and decisions (会议议定事项)")
public class InspectionMeetingResource {

    private final MeetingService service;

    public InspectionMeetingResource(MeetingService service) {
        this.service = service;
    }

    @POST
    @Operation(summary = "Record a meeting held: kind, date, chair, topic, attendees (staff names "
            + "or positions, each once), decisions (text, responsible unit, due date, task); the minutes' file is attached "
            + "with PUT /meetings/{id}/minutes")
    @RolesAllowed(Access.MANAGE_PLAN)
    @APIResponse(responseCode = "201", description = "the meeting; Location is the meeting, ETag its version",
            content = @Content(schema = @Schema(implementation = MeetingView.class)))
    public Response hold(@PathParam("inspectionId") UUID inspectionId,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "a weekly dispatch meeting", value = """
                            {
                              "kind": "WEEKLY_DISPATCH",
                              "heldOn": "2026-08-03",
                              "chair": "管委会主任",
                              "topic": "巡视整改工作周调度",
                              "attendees": [
                                "党政办公室主任",
                                "投资促进局局长",
                                "财政局局长"
                              ],
                              "decisions": [
                                {
                                  "text": "投资促进局本周内完成已签约项目台账梳理",
                                  "responsibleUnit": "开发区投资促进局",
                                  "dueDate": "2026-08-07"
                                }
                              ]
                            }""")))
            @NotNull @Valid MeetingInput input,
                         @Context UriInfo uri) {
        MeetingView meeting = service.hold(inspectionId, input);
        return Response.created(uri.getBaseUriBuilder().path("meetings").path(meeting.id().toString()).build())
                .tag(Versions.etag(meeting.version())).entity(meeting).build();
    }

    @GET
    @Operation(summary = "The inspection's meetings, newest first, with their decisions; its ETag is the list's "
            + "version, which every change of a meeting in it, a meeting held and a decision's task cancelled move")
    @APIResponse(responseCode = "200", description = "the meetings; ETag the list's version (no If-Match takes it)",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = MeetingView.class)))
    @APIResponse(responseCode = "304", description = Versions.NOT_MODIFIED)
    @RolesAllowed(Access.READ)
    public Response list(@PathParam("inspectionId") UUID inspectionId,
                         @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        InspectionMeetings meetings = service.ofInspection(inspectionId);
        return Versions.current(meetings.meetings(), meetings.version(), ifNoneMatch);
    }
}
