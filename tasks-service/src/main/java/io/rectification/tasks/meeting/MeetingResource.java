package io.rectification.tasks.meeting;

import io.rectification.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** A meeting (周调度、月推进、专题会议) and its decisions (会议议定事项). */
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
    @RolesAllowed({Roles.OFFICER, Roles.COORDINATOR, Roles.SUPERVISOR, Roles.INTEGRATION, Roles.ADMIN})
    public MeetingView get(@PathParam("id") UUID id) {
        return service.find(id);
    }

    @POST
    @Path("{id}/decisions/{decisionId}/completion")
    @Operation(summary = "A decision carried out (once; 409 when it already is)")
    @RolesAllowed({Roles.OFFICER, Roles.COORDINATOR, Roles.ADMIN})
    public MeetingView complete(@PathParam("id") UUID id, @PathParam("decisionId") UUID decisionId) {
        return service.complete(id, decisionId);
    }
}
