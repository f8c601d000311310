package io.rectification.feedback.intake;

import io.rectification.feedback.language.Language;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;

import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * The public's side: no login; rate-limited per client; refusals in the submitter's language.
 * A submission is read and checked on the I/O thread and queued for the intake's writer; no
 * thread waits for its commit (the answer is written when the batch holding it is stored).
 */
@Path("/publications/{id}/feedback")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Public feedback", description = "意见建议: submit on a publication and follow it with a tracking code (no login)")
public class PublicFeedbackResource {

    private final PublicIntake intake;
    private final ClientAddress clientAddress;
    private final PublicJson json;

    public PublicFeedbackResource(PublicIntake intake, ClientAddress clientAddress, PublicJson json) {
        this.intake = intake;
        this.clientAddress = clientAddress;
        this.json = json;
    }

    @POST
    @Operation(summary = "Submit an opinion or suggestion within the disclosure window; answers a tracking code")
    @PermitAll
    @APIResponse(responseCode = "201", description = "stored: the tracking code and when to expect a reply",
            content = @Content(schema = @Schema(implementation = Receipt.class)))
    public CompletionStage<Response> submit(@PathParam("id") UUID publicationId,
                                            // Read as text to answer refusals in the submitter's language;
                                            // what is sent is the form's JSON object.
                                            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                                    schema = @Schema(implementation = PublicFeedbackInput.class),
                                                    examples = {
                                                        @ExampleObject(name = "a suggestion, anonymous", value = """
                                                            {
                                                              "text": "建议在开发区门户网站公开招商引资项目履约和开工情况，方便群众监督。",
                                                              "category": "SUGGESTION"
                                                            }"""),
                                                        @ExampleObject(name = "a complaint with the optional contact", value = """
                                                            {
                                                              "text": "某签约项目签约两年至今未开工，整改通报称已完成清理，与实际不符。",
                                                              "category": "COMPLAINT",
                                                              "name": "张三",
                                                              "phone": "13800000000"
                                                            }""")}))
                                            String body,
                                            @Context HttpHeaders headers, @Context HttpServerRequest request) {
        Language language = Language.of(headers);
        return intake.submit(clientAddress.of(request), language,
                        () -> PublicRequest.fromWeb(publicationId, json.read(body, PublicFeedbackInput.class, language)))
                .thenApply(receipt -> Response.status(Response.Status.CREATED).entity(receipt).build());
    }
}
