package io.rectification.feedback.feedback;

import io.rectification.feedback.intake.ClientAddress;
import io.rectification.feedback.intake.Language;
import io.rectification.feedback.intake.PublicJson;
import io.rectification.feedback.intake.RateLimiter;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** The public's side: no login; rate-limited per client; refusals in the submitter's language. */
@Path("/publications/{id}/feedback")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Public feedback", description = "意见建议: submit on a publication and follow it with a tracking code (no login)")
public class PublicFeedbackResource {

    private final FeedbackIntakeService intake;
    private final RateLimiter rateLimiter;
    private final ClientAddress clientAddress;
    private final PublicJson json;

    public PublicFeedbackResource(FeedbackIntakeService intake, RateLimiter rateLimiter,
                                  ClientAddress clientAddress, PublicJson json) {
        this.json = json;
        this.intake = intake;
        this.rateLimiter = rateLimiter;
        this.clientAddress = clientAddress;
    }

    @POST
    @Operation(summary = "Submit an opinion or suggestion within the disclosure window; answers a tracking code")
    @PermitAll
    public Response submit(@PathParam("id") UUID publicationId, String body,
                           @Context HttpHeaders headers, @Context HttpServerRequest request) {
        Language language = Language.of(headers);
        String client = clientAddress.of(request);
        rateLimiter.acquire(RateLimiter.Kind.SUBMISSION, client, language);
        PublicFeedbackInput input = json.read(body, PublicFeedbackInput.class, language);
        Receipt receipt = intake.receiveFromPublic(publicationId, input, client, language);
        return Response.status(Response.Status.CREATED).entity(receipt).build();
    }
}
