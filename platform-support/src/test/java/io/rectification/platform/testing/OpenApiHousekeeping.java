package io.rectification.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What a reader of the OpenAPI document, a client generator and the common linters (Redocly's
 * recommended rules, Spectral's oas) need besides the schemas: where the API is ({@code servers}),
 * a unique name for each operation (a generated client's method), whether it needs a role or is
 * public ({@code security}, empty when public), and what each tag an operation carries is about.
 */
public final class OpenApiHousekeeping {

    private OpenApiHousekeeping() {
    }

    /** The running service's document has none of {@link #findings}. */
    public static void verify() {
        assertEquals(List.of(), findings(OpenApiAnswers.document()));
    }

    public static List<String> findings(JsonNode document) {
        List<String> found = new ArrayList<>();
        if (document.path("servers").isEmpty()) {
            found.add("no servers");
        }
        Map<String, String> operationIds = new HashMap<>();
        Set<String> tagsUsed = new HashSet<>();
        for (OpenApiOperation operation : OpenApiOperation.of(document)) {
            String name = operation.name();
            JsonNode body = operation.node();
            String id = body.path("operationId").asText("");
            if (id.isEmpty()) {
                found.add(name + ": no operationId");
            } else if (operationIds.putIfAbsent(id, name) != null) {
                found.add(name + ": operationId " + id + " is also " + operationIds.get(id) + "'s");
            }
            if (!body.path("security").isArray()) {
                found.add(name + ": no security (an empty list when public)");
            }
            body.path("tags").forEach(tag -> tagsUsed.add(tag.asText()));
        }
        Set<String> described = new HashSet<>();
        document.path("tags").forEach(tag -> {
            if (!tag.path("description").asText("").isBlank()) {
                described.add(tag.path("name").asText());
            }
        });
        tagsUsed.stream().filter(tag -> !described.contains(tag)).sorted()
                .forEach(tag -> found.add("tag " + tag + ": no description"));
        return found;
    }
}
