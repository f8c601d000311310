package io.rectification.platform.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every answer a service's tests receive through REST Assured from the service under test is held
 * to that service's OpenAPI document ({@link OpenApiDocument}): an undocumented status, media type or
 * body shape fails the test that met it. Installed before each {@code @QuarkusTest} test (a
 * Quarkus test callback, registered by the service loader), so the hundreds of tests that already
 * drive every operation with real data check the document as they go.
 */
public final class OpenApiConformance implements Filter, QuarkusTestBeforeEachCallback {

    private static final Map<Integer, OpenApiDocument> DOCUMENTS = new ConcurrentHashMap<>();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (RestAssured.filters().stream().noneMatch(OpenApiConformance.class::isInstance)) {
            RestAssured.filters(new OpenApiConformance());
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                           FilterContext context) {
        Response answer = context.next(request, response);
        URI uri = URI.create(request.getURI());
        // Only the service under test: other services a test starts beside it have documents of their own.
        if (uri.getPort() != RestAssured.port || !"localhost".equals(uri.getHost()) && !"127.0.0.1".equals(uri.getHost())) {
            return answer;
        }
        String contentType = answer.contentType();
        // Only JSON is read; of other bodies (files, pages) the media type is what is checked.
        boolean json = contentType != null && contentType.split(";")[0].trim().matches("(?i).+[/+]json");
        String body = json ? answer.asString() : answer.asByteArray().length > 0 ? "(not JSON)" : "";
        String violation = document(uri).violation(request.getMethod(), uri.getRawPath(), answer.statusCode(),
                contentType, body);
        if (violation != null) {
            throw new AssertionError(violation);
        }
        return answer;
    }

    private static OpenApiDocument document(URI service) {
        return DOCUMENTS.computeIfAbsent(service.getPort(), port -> {
            URI openApi = service.resolve("/q/openapi?format=json");
            try {
                return new OpenApiDocument(HTTP.send(HttpRequest.newBuilder(openApi).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
            } catch (IOException e) {
                throw new IllegalStateException("no OpenAPI document at " + openApi, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }
}
