package io.rectification.tasks.plan;

import io.rectification.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Plans", description = "整改方案 / 任务分解表: import a whole rectification plan at once")
public class PlanResource {

    private final PlanImportService service;

    public PlanResource(PlanImportService service) {
        this.service = service;
    }

    @POST
    @Operation(summary = "Import an inspection with its areas, problems and tasks; all or nothing, every bad row reported")
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    public Response importPlan(@NotNull @Valid PlanInput plan, UriInfo uri) {
        PlanImportResult result = service.importPlan(plan);
        return Response.created(uri.getBaseUriBuilder().path("inspections").path(result.inspectionId().toString()).build())
                .entity(result).build();
    }
}
