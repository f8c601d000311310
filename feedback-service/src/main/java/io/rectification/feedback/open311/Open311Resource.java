package io.rectification.feedback.open311;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.rectification.feedback.feedback.FeedbackChannel;
import io.rectification.feedback.feedback.FeedbackIntakeService;
import io.rectification.feedback.feedback.FeedbackStatus;
import io.rectification.feedback.feedback.PublicFeedbackInput;
import io.rectification.feedback.feedback.Receipt;
import io.rectification.feedback.feedback.TrackingService;
import io.rectification.feedback.intake.ClientAddress;
import io.rectification.feedback.intake.Language;
import io.rectification.feedback.intake.RateLimiter;
import io.rectification.platform.problem.Problem;
import io.rectification.platform.problem.ProblemException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The Open311 GeoReport v2 face, so citizen-reporting clients can submit and follow feedback.
 * JSON only. The service_request_id is the tracking code: whoever holds it may follow the request,
 * exactly as on the tracking page, and nothing more (no description, no contact details).
 * Errors are GeoReport's {@code [{code, description}]}.
 */
@Path("/open311/v2")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Open311 GeoReport v2", description = "Standard citizen-reporting API over public feedback")
public class Open311Resource {

    private final FeedbackIntakeService intake;
    private final TrackingService tracking;
    private final RateLimiter rateLimiter;
    private final ClientAddress clientAddress;

    public Open311Resource(FeedbackIntakeService intake, TrackingService tracking, RateLimiter rateLimiter,
                           ClientAddress clientAddress) {
        this.intake = intake;
        this.tracking = tracking;
        this.rateLimiter = rateLimiter;
        this.clientAddress = clientAddress;
    }

    public record Error(int code, String description) {
    }

    public record Created(@JsonProperty("service_request_id") String serviceRequestId,
                          @JsonProperty("service_notice") String serviceNotice,
                          @JsonProperty("account_id") String accountId) {
    }

    public record Token(@JsonProperty("service_request_id") String serviceRequestId, String token) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Request(@JsonProperty("service_request_id") String serviceRequestId, String status,
                          @JsonProperty("status_notes") String statusNotes,
                          @JsonProperty("service_name") String serviceName,
                          @JsonProperty("service_code") String serviceCode,
                          @JsonProperty("agency_responsible") String agencyResponsible,
                          @JsonProperty("service_notice") String serviceNotice,
                          @JsonProperty("requested_datetime") OffsetDateTime requestedDatetime,
                          @JsonProperty("updated_datetime") OffsetDateTime updatedDatetime,
                          @JsonProperty("expected_datetime") OffsetDateTime expectedDatetime) {
    }

    @GET
    @Path("services.json")
    @Operation(summary = "The feedback categories as GeoReport services")
    @PermitAll
    public List<Open311Services.Service> services() {
        return java.util.Arrays.stream(Open311Services.values()).map(Open311Services::describe).toList();
    }

    @GET
    @Path("services/{code}.json")
    @PermitAll
    public Response service(@PathParam("code") String code) {
        return Open311Services.byCode(code)
                .map(service -> Response.ok(Open311Services.definition(service)).build())
                .orElseGet(() -> error(404, "service_code " + code + " is not one of "
                        + java.util.Arrays.stream(Open311Services.values()).map(s -> s.code).collect(Collectors.joining(", "))));
    }

    @POST
    @Path("requests.json")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Submit a request (form-encoded); answers the service_request_id (the tracking code)")
    @PermitAll
    public Response submit(MultivaluedMap<String, String> form, @Context HttpHeaders headers,
                           @Context HttpServerRequest request) {
        Language language = Language.of(headers);
        return answer(() -> {
            String client = clientAddress.of(request);
            rateLimiter.acquire(RateLimiter.Kind.SUBMISSION, client, language);
            Open311Services service = Open311Services.byCode(form.getFirst("service_code"))
                    .orElseThrow(() -> ProblemException.badRequest("service_code", "must be one of "
                            + java.util.Arrays.stream(Open311Services.values()).map(s -> s.code).collect(Collectors.joining(", "))));
            UUID publicationId = uuid(form, "attribute[publication_id]", true);
            String name = joinName(form.getFirst("last_name"), form.getFirst("first_name"));
            PublicFeedbackInput input = new PublicFeedbackInput(form.getFirst("description"),
                    uuid(form, "attribute[area_id]", false), uuid(form, "attribute[task_id]", false), name,
                    form.getFirst("phone"), form.getFirst("email"), null, null);
            Receipt receipt = intake.receiveFromPublic(publicationId, input, client, language, FeedbackChannel.API,
                    service.category);
            return Response.status(201).entity(List.of(new Created(receipt.trackingCode(),
                    "预计答复日期 " + receipt.replyDueDate(), null))).build();
        });
    }

    @GET
    @Path("requests/{id}.json")
    @PermitAll
    public Response request(@PathParam("id") String id, @Context HttpHeaders headers,
                            @Context HttpServerRequest request) {
        Language language = Language.of(headers);
        return answer(() -> {
            rateLimiter.acquire(RateLimiter.Kind.LOOKUP, clientAddress.of(request), language);
            TrackingService.Tracked tracked = tracking.lookUp(id, language);
            Open311Services service = Open311Services.byCategory(tracked.category()).orElse(null);
            FeedbackStatus status = tracked.view().status();
            boolean closed = status == FeedbackStatus.CLOSED || status == FeedbackStatus.MERGED;
            return Response.ok(List.of(new Request(tracked.view().trackingCode(), closed ? "closed" : "open",
                    tracked.view().answer(), service == null ? null : service.serviceName,
                    service == null ? null : service.code, null, null, tracked.view().receivedAt(),
                    tracked.updatedAt(), tracked.replyDueAt()))).build();
        });
    }

    @GET
    @Path("tokens/{token}.json")
    @PermitAll
    public Response token(@PathParam("token") String token, @Context HttpHeaders headers,
                          @Context HttpServerRequest request) {
        Language language = Language.of(headers);
        return answer(() -> {
            rateLimiter.acquire(RateLimiter.Kind.LOOKUP, clientAddress.of(request), language);
            String code = tracking.lookUp(token, language).view().trackingCode();
            return Response.ok(List.of(new Token(code, code))).build();
        });
    }

    /** Our field names as this API's form calls them. */
    private static final java.util.Map<String, String> FORM_NAMES = java.util.Map.of(
            "text", "description", "name", "last_name/first_name", "areaId", "attribute[area_id]",
            "taskId", "attribute[task_id]");

    /** Our refusals in GeoReport's error shape; a field error's message names the field. */
    private static Response answer(Supplier<Response> action) {
        try {
            return action.get();
        } catch (RateLimiter.TooManyRequests e) {
            Problem problem = e.toProblem(null);
            return Response.fromResponse(error(429, problem.detail()))
                    .header(HttpHeaders.RETRY_AFTER, problem.extensionMembers().get("retryAfterSeconds")).build();
        } catch (ProblemException e) {
            Problem problem = e.toProblem(null);
            List<Error> errors = problem.errors() == null || problem.errors().isEmpty()
                    ? List.of(new Error(problem.status(), problem.detail()))
                    : problem.errors().stream().map(f -> new Error(problem.status(), FORM_NAMES.getOrDefault(f.field(), f.field())
                    + ": " + f.message())).toList();
            return Response.status(problem.status()).type(MediaType.APPLICATION_JSON).entity(errors).build();
        }
    }

    private static Response error(int status, String description) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(List.of(new Error(status, description))).build();
    }

    private static UUID uuid(MultivaluedMap<String, String> form, String name, boolean required) {
        String value = form.getFirst(name);
        if (value == null || value.isBlank()) {
            if (required) {
                throw ProblemException.badRequest(name, "is required");
            }
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name, "'" + value + "' is not a UUID");
        }
    }

    private static String joinName(String last, String first) {
        String joined = ((last == null ? "" : last.strip()) + (first == null ? "" : first.strip()));
        return joined.isEmpty() ? null : joined;
    }
}
