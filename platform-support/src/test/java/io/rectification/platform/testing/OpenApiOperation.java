package io.rectification.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An operation of an OpenAPI document, as the checks of this package walk them ({@link #of}): each
 * method of each path (a path item's other members, such as shared {@code parameters}, are not
 * operations), named "METHOD /path" in their findings.
 */
record OpenApiOperation(String method, String path, JsonNode node) {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    static List<OpenApiOperation> of(JsonNode document) {
        List<OpenApiOperation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (METHODS.contains(operation.getKey())) {
                    operations.add(new OpenApiOperation(operation.getKey(), path.getKey(), operation.getValue()));
                }
            }
        }
        return operations;
    }

    /** "GET /tasks/{id}": how a finding names the operation. */
    String name() {
        return method.toUpperCase() + " " + path;
    }
}
