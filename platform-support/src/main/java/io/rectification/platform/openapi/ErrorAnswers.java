package io.rectification.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.rectification.platform.error.ErrorBody;
import io.rectification.platform.error.ProblemMembers;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Documents the error answers of every operation as they are sent: RFC 9457 problem details
 * ({@link ErrorBody}, schema {@code Problem}), or the same as a page for a client whose first
 * choice is HTML (ProblemPages). Each operation names the refusals its shape allows (400 for
 * parameters or a body, 401/403 when it needs a role, 404 under a path parameter, 409 for a change
 * under a path parameter: a step of an aggregate's lifecycle, which its state may not allow, 412 with
 * If-Match and 428 where it is required, 413/415 with a body) and a {@code default} for the rest
 * (406, 414, 429, 503…), so that a client generated from the document, or a tester driven by it,
 * meets no undocumented status. What the shape cannot tell (409 of a create that would duplicate,
 * 422 of an id another service's events have not brought yet, 404 of an id in a body, 428 of a PUT
 * whose first call creates) each such operation declares with {@code @APIResponse}: this filter adds
 * the problem's media types to them. The {@code Problem} schema lists the extension members a
 * problem may carry ({@link ProblemMembers}) beside RFC 9457's own.
 *
 * <p>GeoReport v2's operations ({@code /open311/}) answer the errors of their own rules in that
 * standard's shape and document them on their resource; what the platform refuses before or around
 * them (a media type, an Accept it cannot meet, a request line too long, the database away) is
 * still problem details, which is added beside that shape and as their {@code default}.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ErrorAnswers implements OASFilter {

    static final String OPEN311 = "/open311/";
    static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
    static final String PAGE_SCHEMA = "ProblemPage";
    private static final Set<PathItem.HttpMethod> CHANGES = EnumSet.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    static final Map<String, String> DESCRIPTIONS = Map.of(
            "400", "Invalid request: the problem's errors name each field, parameter or header",
            "401", "No valid bearer token",
            "403", "The token's roles or unit do not allow this",
            "404", "Nothing at this path",
            "409", "The resource's state does not allow this (a lifecycle step, a step already taken);"
                    + " the problem's members say why",
            "412", "The resource changed since the ETag sent in If-Match; read it again",
            "413", "The body is larger than the service takes",
            "415", "The body's media type is not one this operation reads",
            "428", "If-Match is required: send the ETag read",
            "default", "Any other refusal or failure (406, 414, 429, 503, …), as problem details");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(PAGE_SCHEMA, OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                .description("a problem as an HTML page, for a client whose first choice is HTML"));
        documentExtensionMembers(openAPI.getComponents().getSchemas().get("Problem"));
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> document(path, method, item, operation)));
    }

    /** The members a problem may carry beside RFC 9457's (ProblemMembers), each optional, in name order. */
    private static void documentExtensionMembers(Schema problem) {
        if (problem == null) {
            return;
        }
        new TreeMap<>(ProblemMembers.ALL).forEach((name, member) -> problem.addProperty(name, schemaOf(member)));
    }

    private static Schema schemaOf(ProblemMembers.Member member) {
        Schema schema = OASFactory.createSchema().description(member.description());
        return switch (member.kind()) {
            case STRING -> schema.addType(Schema.SchemaType.STRING);
            case INTEGER -> schema.addType(Schema.SchemaType.INTEGER);
            case DATE_TIME -> schema.addType(Schema.SchemaType.STRING).format("date-time");
            case UUID -> schema.addType(Schema.SchemaType.STRING).format("uuid");
            case STRINGS -> schema.addType(Schema.SchemaType.ARRAY)
                    .items(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
            case OBJECT -> schema.addType(Schema.SchemaType.OBJECT);
            case OBJECTS -> schema.addType(Schema.SchemaType.ARRAY)
                    .items(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT));
        };
    }

    private static void document(String path, PathItem.HttpMethod method, PathItem item, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        if (!path.startsWith(OPEN311)) {
            addByShape(path, method, item, operation, responses);
        }
        add(responses, "default");
        responses.getAPIResponses().forEach((code, response) -> {
            if (isError(code)) {
                withProblem(response);
            }
        });
    }

    /** The refusals the operation's shape allows: parameters, a role, a path parameter, a change to it, If-Match, a body. */
    private static void addByShape(String path, PathItem.HttpMethod method, PathItem item, Operation operation,
                                   APIResponses responses) {
        if (hasParameters(item, operation) || operation.getRequestBody() != null) {
            add(responses, "400");
        }
        if (responses.hasAPIResponse("401") || (operation.getSecurity() != null && !operation.getSecurity().isEmpty())) {
            add(responses, "401");
            add(responses, "403");
        }
        if (path.contains("{")) {
            add(responses, "404");
            if (CHANGES.contains(method)) {
                add(responses, "409");
            }
        }
        Parameter ifMatch = ifMatch(item, operation);
        if (ifMatch != null) {
            add(responses, "412");
            if (Boolean.TRUE.equals(ifMatch.getRequired())) {
                add(responses, "428");
            }
        }
        if (operation.getRequestBody() != null) {
            add(responses, "413");
            add(responses, "415");
        }
    }

    private static void add(APIResponses responses, String code) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(DESCRIPTIONS.get(code)));
        } else if (isAutomatic(responses.getAPIResponse(code))) {
            responses.getAPIResponse(code).setDescription(DESCRIPTIONS.get(code));
        }
    }

    /** The generator's own one-word descriptions ("Bad Request", "Not Authorized"), which say less than ours. */
    private static boolean isAutomatic(APIResponse response) {
        String description = response.getDescription();
        return description == null || List.of("Bad Request", "Not Authorized", "Not Allowed").contains(description);
    }

    private static boolean isError(String code) {
        return code.equals("default") || code.startsWith("4") || code.startsWith("5");
    }

    /** Problem details, and the same as a page, beside whatever the response already documents. */
    static void withProblem(APIResponse response) {
        Content content = response.getContent() == null ? OASFactory.createContent() : response.getContent();
        if (!content.hasMediaType(ErrorBody.MEDIA_TYPE)) {
            content.addMediaType(ErrorBody.MEDIA_TYPE, OASFactory.createMediaType()
                    .schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA)));
        }
        if (!content.hasMediaType("text/html")) {
            content.addMediaType("text/html", OASFactory.createMediaType()
                    .schema(OASFactory.createSchema().ref("#/components/schemas/" + PAGE_SCHEMA)));
        }
        response.setContent(content);
    }

    private static boolean hasParameters(PathItem item, Operation operation) {
        return !parameters(item, operation).isEmpty();
    }

    /** The operation's If-Match header parameter, or null; required where a change must name the version read. */
    private static Parameter ifMatch(PathItem item, Operation operation) {
        return parameters(item, operation).stream()
                .filter(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName()))
                .findFirst().orElse(null);
    }

    private static List<Parameter> parameters(PathItem item, Operation operation) {
        List<Parameter> own = operation.getParameters() == null ? List.of() : operation.getParameters();
        List<Parameter> shared = item.getParameters() == null ? List.of() : item.getParameters();
        return java.util.stream.Stream.concat(shared.stream(), own.stream()).toList();
    }
}
