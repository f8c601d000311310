package io.rectification.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JDK's HTTP client for the checks that send thousands of requests to the service under test
 * (hostile input, field limits). REST Assured builds every request through Groovy and compiles a
 * Groovy script for every JSON path it reads: in a profile of tasks-service's hostile-input test
 * (2026-12-05, JFR) 72 % of the test thread's samples were Groovy's, and the test thread had 61 % of
 * the JVM's, more than the service answering. The service is found where REST Assured was pointed
 * at it (Quarkus's test set-up), so both kinds of test meet the same application.
 */
public final class PlainHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String method;
    private final String path;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<String> query = new ArrayList<>();
    private byte[] body = new byte[0];

    private PlainHttp(String method, String path) {
        this.method = method;
        this.path = path;
    }

    /** A request to {@code path} of the service under test, percent-encoded where it must be (hostile values too): sent exactly as given. */
    public static PlainHttp request(String method, String path) {
        return new PlainHttp(method, path);
    }

    public PlainHttp bearer(String token) {
        return header("Authorization", "Bearer " + token);
    }

    /**
     * A header; CR and LF in its value are sent as spaces, as REST Assured's client sends them (a
     * raw CR LF would only end the header; the JDK's client refuses one).
     */
    public PlainHttp header(String name, String value) {
        headers.put(name, value.replace('\r', ' ').replace('\n', ' '));
        return this;
    }

    public PlainHttp query(String name, String value) {
        query.add(encode(name) + "=" + encode(value));
        return this;
    }

    public PlainHttp body(String contentType, String text) {
        return body(contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    public PlainHttp body(String contentType, byte[] bytes) {
        header("Content-Type", contentType);
        body = bytes;
        return this;
    }

    public Answer send() {
        String target = path + (query.isEmpty() ? "" : "?" + String.join("&", query));
        URI uri = URI.create(RestAssured.baseURI + ":" + RestAssured.port + RestAssured.basePath + target);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + target, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The service under test's OpenAPI document, its JSON objects as maps (the checks that walk its operations). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> openApiDocument() {
        String json = request("GET", "/q/openapi").query("format", "json").send().body();
        try {
            return JSON.readValue(json, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenAPI document", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** An answer: status, headers and the body as text. */
    public record Answer(int status, HttpHeaders headers, String body) {

        /** The header's first value (names compared without case), or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("content-type");
        }

        public boolean isProblem() {
            return contentType() != null && contentType().startsWith("application/problem+json");
        }

        /** The body as JSON; a missing node where it is not JSON. */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return JSON.missingNode();
            }
        }

        /** The {@code field} of each of a problem's {@code errors}, in order. */
        public List<String> errorFields() {
            List<String> fields = new ArrayList<>();
            json().path("errors").forEach(error -> fields.add(error.path("field").asText(null)));
            return fields;
        }
    }
}
