package io.rectification.reporting.notice;

import io.rectification.platform.security.Access;
import io.rectification.reporting.notice.WebhookCalls.DeadCall;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** For an operator: the webhook calls given up after their last try. */
@Path("/admin/webhook-dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notices")
public class NoticeAdminResource {

    private final WebhookCalls webhooks;

    public NoticeAdminResource(WebhookCalls webhooks) {
        this.webhooks = webhooks;
    }

    @GET
    @Operation(summary = "Webhook calls dead-lettered after notices.webhook.max-attempts tries, newest first")
    @RolesAllowed(Access.OPERATE)
    public List<DeadCall> dead(@QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return webhooks.dead(limit);
    }
}
