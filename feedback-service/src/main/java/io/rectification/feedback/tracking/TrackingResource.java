package io.rectification.feedback.tracking;

import io.rectification.feedback.intake.ClientAddress;
import io.rectification.feedback.language.Language;
import io.rectification.feedback.intake.RateLimiter;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A submitter follows their feedback by tracking code (no login; rate-limited against guessing). */
@Path("/feedback/track")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Public feedback")
public class TrackingResource {

    private final TrackingService tracking;
    private final RateLimiter rateLimiter;
    private final ClientAddress clientAddress;

    public TrackingResource(TrackingService tracking, RateLimiter rateLimiter, ClientAddress clientAddress) {
        this.tracking = tracking;
        this.rateLimiter = rateLimiter;
        this.clientAddress = clientAddress;
    }

    @GET
    @Path("{code}")
    @Operation(summary = "Status, dates and the published answer of the feedback with this tracking code")
    @PermitAll
    public TrackingView track(@PathParam("code") String code, @Context HttpHeaders headers,
                              @Context HttpServerRequest request) {
        Language language = Language.of(headers);
        rateLimiter.acquire(RateLimiter.Kind.LOOKUP, clientAddress.of(request), language);
        return tracking.track(code, language);
    }
}
