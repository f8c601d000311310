package io.rectification.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.rectification.platform.idempotency.IdempotencyKey;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.Set;

/**
 * Documents {@code Idempotency-Key} where the services read it (idempotency.IdempotencyFilter): on every
 * POST and PATCH that needs a role, the optional header and what it may answer besides the operation's
 * own (400 for a malformed key, 409 while the first request runs or when its outcome is unknown, 422 for
 * a key sent with another request), as problem details. Runs after the security requirements are final
 * (AccessScopes, PublicOperations) and after ErrorAnswers, whose problem media types it adds itself.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = -200)
public class IdempotentRequests implements OASFilter {

    private static final Set<PathItem.HttpMethod> METHODS = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PATCH);
    static final String HEADER_DESCRIPTION = "a key of the client's own (a UUID), the same on every retry of this"
            + " request: a retry gets the first answer again (with Idempotent-Replayed: true) instead of making a"
            + " second record; kept for 24 hours per caller, method and path";
    static final String CONFLICT = "With Idempotency-Key: the first request with the key is still being processed"
            + " (Retry-After), or its outcome is unknown (look the record up, then send a new key)";
    static final String REUSED = "The Idempotency-Key was sent before with another request (method, path, query or body)";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            if (METHODS.contains(method) && !path.startsWith(ErrorAnswers.OPEN311) && needsRole(operation)) {
                document(operation);
            }
        }));
    }

    private static boolean needsRole(Operation operation) {
        return operation.getSecurity() != null && !operation.getSecurity().isEmpty();
    }

    private static void document(Operation operation) {
        boolean documented = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && IdempotencyKey.HEADER.equalsIgnoreCase(p.getName()));
        if (!documented) {
            operation.addParameter(OASFactory.createParameter().name(IdempotencyKey.HEADER).in(Parameter.In.HEADER)
                    .required(false).description(HEADER_DESCRIPTION)
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).pattern(IdempotencyKey.PATTERN)));
        }
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        answers(responses, "400", ErrorAnswers.DESCRIPTIONS.get("400"));
        answers(responses, "409", CONFLICT);
        answers(responses, "422", REUSED);
    }

    /** The response with this description, or this description added to the one the operation has. */
    private static void answers(APIResponses responses, String code, String description) {
        APIResponse response = responses.getAPIResponse(code);
        if (response == null) {
            response = OASFactory.createAPIResponse().description(description);
            responses.addAPIResponse(code, response);
        } else if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription(description);
        } else if (!response.getDescription().contains(description)) {
            response.setDescription(response.getDescription() + ". " + description);
        }
        ErrorAnswers.withProblem(response);
    }
}
