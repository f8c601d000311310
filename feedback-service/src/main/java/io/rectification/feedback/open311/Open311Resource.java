package io.rectification.feedback.open311;

import io.rectification.platform.rest.QueryParameters;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rectification.feedback.feedback.FeedbackChannel;
import io.rectification.feedback.feedback.TrackingCodes;
import io.rectification.feedback.intake.ClientAddress;
import io.rectification.feedback.language.Language;
import io.rectification.feedback.language.Messages;
import io.rectification.feedback.intake.PublicFeedbackInput;
import io.rectification.feedback.intake.PublicIntake;
import io.rectification.feedback.language.PublicProblems;
import io.rectification.feedback.intake.PublicRequest;
import io.rectification.feedback.intake.RateLimiter;
import io.rectification.feedback.intake.Receipt;
import io.rectification.feedback.intake.RetryLater;
import io.rectification.feedback.tracking.TrackingService;
import io.rectification.platform.error.ErrorBody;
import io.rectification.platform.error.ApiException;
import io.smallrye.common.annotation.Blocking;
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
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The Open311 GeoReport v2 face, so citizen-reporting clients can submit and follow feedback.
 * Every resource in both of the specification's formats, chosen by the suffix (.json, .xml).
 * The service_request_id is the tracking code: whoever holds it may follow the request, exactly
 * as on the tracking page, and nothing more (no description, no contact details). Submitting and
 * searching without ids need an api_key ({@link Open311ApiKeys}). Errors are GeoReport's
 * {@code [{code, description}]} (or {@code <errors>}), in the client's language. The OpenAPI
 * document lists each operation's errors in that shape ({@link Open311Errors}).
 */
@Path("/open311/v2")
@Tag(name = "Open311 GeoReport v2", description = "Standard citizen-reporting API over public feedback")
public class Open311Resource {

    private static final String XML = MediaType.TEXT_XML;
    private static final String JSON = MediaType.APPLICATION_JSON;
    /** The submission form's example in the OpenAPI document, the same for both formats. */
    private static final String FORM_EXAMPLE = """
            {
              "api_key": "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJpbnRlZ3JhdGlvbi1jbGllbnQifQ.c2lnbmF0dXJl",
              "service_code": "complaint",
              "description": "某签约项目签约两年至今未开工，整改通报称已完成清理，与实际不符。",
              "attribute[publication_id]": "5b1e7c2a-8d4f-4a6b-9e3c-1f2a3b4c5d6e",
              "attribute[area_id]": "0c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f",
              "last_name": "张",
              "first_name": "三",
              "phone": "13800000000"
            }""";

    private final PublicIntake intake;
    private final TrackingService tracking;
    private final Open311Requests requests;
    private final Open311ApiKeys apiKeys;
    private final Open311Publications publications;
    private final RateLimiter rateLimiter;
    private final ClientAddress clientAddress;
    private final ObjectMapper mapper;
    private final Clock clock;

    public Open311Resource(PublicIntake intake, TrackingService tracking, Open311Requests requests,
                           Open311ApiKeys apiKeys, Open311Publications publications, RateLimiter rateLimiter, ClientAddress clientAddress,
                           ObjectMapper mapper, Clock clock) {
        this.intake = intake;
        this.tracking = tracking;
        this.requests = requests;
        this.apiKeys = apiKeys;
        this.publications = publications;
        this.rateLimiter = rateLimiter;
        this.clientAddress = clientAddress;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Schema(name = "Open311Error", requiredProperties = {"code", "description"}, description = "A GeoReport v2 error, answered in a list (XML: <errors><error>)")
    public record Error(int code, String description) {
    }

    @Schema(name = "Open311Created", requiredProperties = {"service_request_id", "service_notice"},
            description = "A stored request (XML: <service_requests><request>)")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Created(@JsonProperty("service_request_id") String serviceRequestId,
                          @JsonProperty("service_notice") String serviceNotice,
                          @JsonProperty("account_id") String accountId) {
    }

    @Schema(name = "Open311Token", requiredProperties = {"service_request_id", "token"}, description = "A token's request (XML: <service_requests><request>)")
    public record Token(@JsonProperty("service_request_id") String serviceRequestId, String token) {
    }

    @Schema(name = "Open311Request", requiredProperties = {"service_request_id", "status", "requested_datetime",
            "updated_datetime", "expected_datetime"}, description = "A request as its tracking code shows it "
            + "(XML: <service_requests><request>)")
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

    // --- services ---------------------------------------------------------------------------

    @GET
    @Path("services.json")
    @Produces(JSON)
    @Operation(summary = "The feedback categories as GeoReport services")
    @PermitAll
    @APIResponse(responseCode = "200", description = "the services, one per feedback category",
            content = @Content(mediaType = JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Open311Services.Service.class)))
    public Response servicesJson() {
        return services(Open311Format.JSON);
    }

    @GET
    @Path("services.xml")
    @Produces(XML)
    @Operation(summary = "The feedback categories as GeoReport services (XML)")
    @PermitAll
    @APIResponse(responseCode = "200", description = "the services, one per feedback category "
            + "(XML: <services><service>)",
            content = @Content(mediaType = XML,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Open311Services.Service.class)))
    public Response servicesXml() {
        return services(Open311Format.XML);
    }

    @GET
    @Path("services/{code}.json")
    @Produces(JSON)
    @Operation(summary = "A service's definition: the attributes a request takes")
    @PermitAll
    @APIResponse(responseCode = "200", description = "the service's definition",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = Open311Services.Definition.class)))
    public Response serviceJson(@PathParam("code") String code, @Context HttpHeaders headers) {
        return service(Open311Format.JSON, code, headers);
    }

    @GET
    @Path("services/{code}.xml")
    @Produces(XML)
    @Operation(summary = "A service's definition (XML)")
    @PermitAll
    @APIResponse(responseCode = "200", description = "the service's definition (XML: <service_definition>)",
            content = @Content(mediaType = XML, schema = @Schema(implementation = Open311Services.Definition.class)))
    public Response serviceXml(@PathParam("code") String code, @Context HttpHeaders headers) {
        return service(Open311Format.XML, code, headers);
    }

    // --- requests ---------------------------------------------------------------------------

    @POST
    @Path("requests.json")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(JSON)
    @Operation(summary = "Submit a request (form-encoded, with api_key); answers the service_request_id (the tracking code)")
    @PermitAll
    @Blocking // reading the api_key may fetch the issuer's keys; the worker is freed once the submission is queued
    @APIResponse(responseCode = "201", description = "stored: the service_request_id (the tracking code)",
            content = @Content(mediaType = JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Created.class)))
    public CompletionStage<Response> submitJson(
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
                    schema = @Schema(implementation = Open311RequestForm.class),
                    examples = @ExampleObject(name = "a complaint with the optional contact", value = FORM_EXAMPLE)))
            MultivaluedMap<String, String> form, @Context HttpHeaders headers, @Context HttpServerRequest request) {
        return submit(Open311Format.JSON, form, headers, request);
    }

    @POST
    @Path("requests.xml")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(XML)
    @Operation(summary = "Submit a request (form-encoded, with api_key), answered in XML")
    @PermitAll
    @Blocking // reading the api_key may fetch the issuer's keys; the worker is freed once the submission is queued
    @APIResponse(responseCode = "201", description = "stored: the service_request_id (the tracking code) "
            + "(XML: <service_requests><request>)",
            content = @Content(mediaType = XML,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Created.class)))
    public CompletionStage<Response> submitXml(
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
                    schema = @Schema(implementation = Open311RequestForm.class),
                    examples = @ExampleObject(name = "a complaint with the optional contact", value = FORM_EXAMPLE)))
            MultivaluedMap<String, String> form, @Context HttpHeaders headers, @Context HttpServerRequest request) {
        return submit(Open311Format.XML, form, headers, request);
    }

    @GET
    @Path("requests.json")
    @Produces(JSON)
    @Operation(summary = "Requests by service_request_id list (anyone holding the codes), or the api_key holder's own "
            + "requests by service_code, start_date/end_date (≤ 90 days, default the last 90), status, page, page_size (≤ 1000)")
    @PermitAll
    @APIResponse(responseCode = "200", description = "the requests found; ids not known are left out",
            content = @Content(mediaType = JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Request.class)))
    public Response searchJson(@Context UriInfo uri, @Context HttpHeaders headers, @Context HttpServerRequest request) {
        return search(Open311Format.JSON, uri.getQueryParameters(), headers, request);
    }

    @GET
    @Path("requests.xml")
    @Produces(XML)
    @Operation(summary = "The same search, answered in XML")
    @PermitAll
    @APIResponse(responseCode = "200", description = "the requests found; ids not known are left out "
            + "(XML: <service_requests><request>)",
            content = @Content(mediaType = XML,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Request.class)))
    public Response searchXml(@Context UriInfo uri, @Context HttpHeaders headers, @Context HttpServerRequest request) {
        return search(Open311Format.XML, uri.getQueryParameters(), headers, request);
    }

    @GET
    @Path("requests/{id}.json")
    @Produces(JSON)
    @Operation(summary = "One request by its service_request_id (the tracking code)")
    @PermitAll
    @APIResponse(responseCode = "200", description = "a list of the one request",
            content = @Content(mediaType = JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Request.class)))
    public Response requestJson(@PathParam("id") String id, @Context HttpHeaders headers,
                                @Context HttpServerRequest request) {
        return request(Open311Format.JSON, id, headers, request);
    }

    @GET
    @Path("requests/{id}.xml")
    @Produces(XML)
    @Operation(summary = "One request by its service_request_id (XML)")
    @PermitAll
    @APIResponse(responseCode = "200", description = "a list of the one request (XML: <service_requests><request>)",
            content = @Content(mediaType = XML,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Request.class)))
    public Response requestXml(@PathParam("id") String id, @Context HttpHeaders headers,
                               @Context HttpServerRequest request) {
        return request(Open311Format.XML, id, headers, request);
    }

    @GET
    @Path("tokens/{token}.json")
    @Produces(JSON)
    @Operation(summary = "The service_request_id for a token (they are the same tracking code)")
    @PermitAll
    @APIResponse(responseCode = "200", description = "a list of the one request's service_request_id",
            content = @Content(mediaType = JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Token.class)))
    public Response tokenJson(@PathParam("token") String token, @Context HttpHeaders headers,
                              @Context HttpServerRequest request) {
        return token(Open311Format.JSON, token, headers, request);
    }

    @GET
    @Path("tokens/{token}.xml")
    @Produces(XML)
    @Operation(summary = "The service_request_id for a token (XML)")
    @PermitAll
    @APIResponse(responseCode = "200", description = "a list of the one request's service_request_id "
            + "(XML: <service_requests><request>)",
            content = @Content(mediaType = XML,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Token.class)))
    public Response tokenXml(@PathParam("token") String token, @Context HttpHeaders headers,
                             @Context HttpServerRequest request) {
        return token(Open311Format.XML, token, headers, request);
    }

    // --- one implementation per resource, whatever the format --------------------------------

    private Response services(Open311Format format) {
        return format.list(mapper, 200, "services", "service",
                Arrays.stream(Open311Services.values()).map(Open311Services::describe).toList());
    }

    private Response service(Open311Format format, String code, HttpHeaders headers) {
        Language language = Language.of(headers);
        return answer(format, () -> Open311Services.byCode(code)
                .map(service -> format.single(mapper, "service_definition",
                        Open311Services.definition(service, publications.openAt(clock.instant()))))
                .orElseThrow(() -> new ApiException(404, "service_code",
                        "service_code " + code + ": " + Messages.get(language,
                                "open311.serviceCode", Open311Services.codes()))));
    }

    private CompletionStage<Response> submit(Open311Format format, MultivaluedMap<String, String> form,
                                             HttpHeaders headers, HttpServerRequest request) {
        Language language = Language.of(headers);
        String apiClient;
        try {
            apiClient = apiKeys.requireClient(form.getFirst("api_key"), language, "apiKey.missing");
        } catch (ApiException badKey) {
            // Counted against the address it came from, never against a valid client's allowance.
            return answerSubmission(format, intake.submit(clientAddress.of(request), language, () -> {
                throw badKey;
            }));
        }
        return answerSubmission(format, intake.submitForIntegration(apiClient, language, () -> {
            Open311Services service = Open311Services.byCode(form.getFirst("service_code"))
                    .orElseThrow(() -> ApiException.badRequest("service_code", Messages
                            .get(language, "open311.serviceCode", Open311Services.codes())));
            UUID publicationId = uuid(form, "attribute[publication_id]", true);
            String name = joinName(form.getFirst("last_name"), form.getFirst("first_name"));
            PublicFeedbackInput input = new PublicFeedbackInput(form.getFirst("description"), service.category,
                    uuid(form, "attribute[area_id]", false), uuid(form, "attribute[task_id]", false), name,
                    form.getFirst("phone"), form.getFirst("email"), null, null, null);
            return new PublicRequest(publicationId, input, FeedbackChannel.API, service.category, apiClient);
        }));
    }

    /** 201 with the service_request_id once stored, or the refusal in GeoReport's shape. */
    private CompletionStage<Response> answerSubmission(Open311Format format, CompletionStage<Receipt> submitted) {
        return submitted.handle((receipt, failure) -> failure == null
                ? format.list(mapper, 201, "service_requests", "request", List.of(new Created(receipt.trackingCode(),
                "预计答复日期 " + receipt.replyDueDate(), null)))
                : refusal(format, failure instanceof CompletionException ? failure.getCause() : failure));
    }

    private Response search(Open311Format format, MultivaluedMap<String, String> query, HttpHeaders headers,
                            HttpServerRequest request) {
        Language language = Language.of(headers);
        return answer(format, () -> {
            rateLimiter.acquire(RateLimiter.Kind.LOOKUP, clientAddress.of(request), language);
            String ids = query.getFirst("service_request_id");
            List<Request> found;
            if (ids != null && !ids.isBlank()) {
                // As the specification says, a list of ids overrides every other parameter.
                found = requests.byIds(ids, language);
            } else {
                String apiClient = apiKeys.requireClient(apiKey(query.getFirst("api_key"), headers), language,
                        "apiKey.searchMissing");
                found = requests.search(apiClient, Open311Search.parse(query.getFirst("service_code"),
                        query.getFirst("status"), query.getFirst("start_date"), query.getFirst("end_date"),
                        query.getFirst("page"), query.getFirst("page_size"), clock.instant(), language));
            }
            return format.list(mapper, 200, "service_requests", "request", found);
        });
    }

    private Response request(Open311Format format, String id, HttpHeaders headers, HttpServerRequest request) {
        Language language = Language.of(headers);
        return answer(format, () -> {
            rateLimiter.acquire(RateLimiter.Kind.LOOKUP, clientAddress.of(request), language);
            // GeoReport answers 404 for an id it does not have, malformed or not.
            List<Request> found = TrackingCodes.normalise(id) == null ? List.of() : requests.byIds(id, language);
            if (found.size() != 1) {
                throw PublicProblems.notFound(language, "code.unknown");
            }
            return format.list(mapper, 200, "service_requests", "request", found);
        });
    }

    private Response token(Open311Format format, String token, HttpHeaders headers, HttpServerRequest request) {
        Language language = Language.of(headers);
        return answer(format, () -> {
            rateLimiter.acquire(RateLimiter.Kind.LOOKUP, clientAddress.of(request), language);
            if (TrackingCodes.normalise(token) == null) {
                throw PublicProblems.notFound(language, "code.unknown");
            }
            String code = tracking.lookUp(token, language).view().trackingCode();
            return format.list(mapper, 200, "service_requests", "request", List.of(new Token(code, code)));
        });
    }

    /** The key from the query, or from an Authorization header, which keeps it out of addresses and logs. */
    private static String apiKey(String fromQuery, HttpHeaders headers) {
        if (fromQuery != null && !fromQuery.isBlank()) {
            return fromQuery;
        }
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7) : null;
    }

    /** Our field names as this API's form calls them. */
    private static final Map<String, String> FORM_NAMES = Map.of(
            "text", "description", "name", "last_name/first_name", "areaId", "attribute[area_id]",
            "taskId", "attribute[task_id]", "code", "service_request_id");

    /** Our refusals in GeoReport's error shape; a field error's description names the field. */
    private Response answer(Open311Format format, Supplier<Response> action) {
        try {
            return action.get();
        } catch (ApiException e) {
            return refusal(format, e);
        }
    }

    private Response refusal(Open311Format format, Throwable failure) {
        if (!(failure instanceof ApiException e)) {
            throw failure instanceof RuntimeException unexpected ? unexpected : new CompletionException(failure);
        }
        ErrorBody problem = e.toErrorBody(null);
        if (e instanceof RetryLater retry) {
            return Response.fromResponse(format.errors(mapper, problem.status(), List.of(new Error(problem.status(), problem.detail()))))
                    .header(HttpHeaders.RETRY_AFTER, retry.retryAfterSeconds()).build();
        }
        List<Error> errors = problem.errors() == null || problem.errors().isEmpty()
                ? List.of(new Error(problem.status(), problem.detail()))
                : problem.errors().stream().map(f -> new Error(problem.status(),
                FORM_NAMES.getOrDefault(f.field(), f.field()) + ": " + f.message())).toList();
        return format.errors(mapper, problem.status(), errors);
    }

    /** A form field read as the platform reads every id parameter: empty is absent, malformed a 400 naming it. */
    private static UUID uuid(MultivaluedMap<String, String> form, String name, boolean required) {
        String value = form.getFirst(name);
        return required ? QueryParameters.requiredUuid(name, value) : QueryParameters.uuid(name, value);
    }

    private static String joinName(String last, String first) {
        String joined = ((last == null ? "" : last.strip()) + (first == null ? "" : first.strip()));
        return joined.isEmpty() ? null : joined;
    }
}
