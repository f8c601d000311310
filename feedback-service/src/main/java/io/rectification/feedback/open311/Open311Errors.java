package io.rectification.feedback.open311;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.List;
import java.util.Map;

/**
 * Documents the errors of each GeoReport operation in that standard's shape ({@code [{code,
 * description}]}, {@link Open311Resource.Error}), in the media type of the operation's suffix
 * (.json or .xml), said once for both formats. Runs before the platform's ErrorAnswers (higher
 * priority), which adds problem details beside them for what the platform refuses around the
 * resource.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = 10)
public class Open311Errors implements OASFilter {

    static final String PREFIX = "/open311/v2/";
    /** {@link Open311Resource.Error}'s name in the document. */
    static final String ERROR_SCHEMA = "Open311Error";

    private static final Map<Integer, String> DESCRIPTIONS = Map.of(
            400, "a parameter is missing or malformed; the description names it",
            403, "the api_key is not a valid key of an integration client",
            409, "the publication is not open for feedback now, or the same text was submitted on it already",
            422, "attribute[area_id] or attribute[task_id] is not known to this service (registered a moment ago, or"
                    + " not at all); the description names it. One of another inspection than the publication's, or a"
                    + " task not under the area given beside it, is 400",
            429, "too many requests from this client; Retry-After says when to try again",
            503, "the submission could not be stored just now (nothing of it was); Retry-After says when to try again");

    /** What a 404 means, by operation. */
    private static final Map<String, String> NOT_FOUND = Map.of(
            "GET services/{code}", "no service has this code",
            "POST requests", "no publication has this attribute[publication_id]",
            "GET requests/{id}", "no request has this service_request_id",
            "GET tokens/{token}", "no request has this token");

    /** The errors each operation answers, by method and path without the format's suffix. */
    static final Map<String, List<Integer>> ERRORS = Map.of(
            "GET services/{code}", List.of(404),
            "POST requests", List.of(400, 403, 404, 409, 422, 429, 503),
            "GET requests", List.of(400, 403, 429),
            "GET requests/{id}", List.of(404, 429),
            "GET tokens/{token}", List.of(404, 429));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith(PREFIX)) {
                item.getOperations().forEach((method, operation) -> document(method, path, operation));
            }
        });
    }

    private static void document(PathItem.HttpMethod method, String path, Operation operation) {
        String name = path.substring(PREFIX.length());
        int dot = name.lastIndexOf('.');
        String mediaType = name.endsWith(".xml") ? "text/xml" : "application/json";
        String operationName = method + " " + (dot < 0 ? name : name.substring(0, dot));
        for (int code : ERRORS.getOrDefault(operationName, List.of())) {
            APIResponse response = OASFactory.createAPIResponse()
                    .description(code == 404 ? NOT_FOUND.get(operationName) : DESCRIPTIONS.get(code))
                    .content(OASFactory.createContent().addMediaType(mediaType, OASFactory.createMediaType()
                            .schema(OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                                    .items(OASFactory.createSchema().ref("#/components/schemas/" + ERROR_SCHEMA)))));
            if (code == 429 || code == 503) {
                response.addHeader("Retry-After", OASFactory.createHeader().description("seconds to wait before trying again")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
            }
            operation.getResponses().addAPIResponse(String.valueOf(code), response);
        }
    }
}
