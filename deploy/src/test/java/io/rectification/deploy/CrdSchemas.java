package io.rectification.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The operators' published CustomResourceDefinitions (src/test/resources/crds, see its README),
 * each served version's openAPIV3Schema as a JSON schema, checked strictly: a field the schema does
 * not name is an error (as `kubectl apply --validate=strict` and the API server's strict field
 * validation make it), unless the schema keeps unknown fields (x-kubernetes-preserve-unknown-fields,
 * e.g. Kafka's free-form `config`). Kubernetes' int-or-string becomes "integer or string".
 */
final class CrdSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** "group/version Kind" to its schema. */
    private final Map<String, JsonSchema> schemas = new HashMap<>();

    @SuppressWarnings("unchecked")
    CrdSchemas(Path dir) throws IOException {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (Map<String, Object> crd : DeploymentManifestsTest.yaml(file)) {
                    Map<String, Object> spec = (Map<String, Object>) crd.get("spec");
                    String kind = (String) ((Map<String, Object>) spec.get("names")).get("kind");
                    for (Map<String, Object> version : (List<Map<String, Object>>) spec.get("versions")) {
                        if (!Boolean.TRUE.equals(version.get("served"))) {
                            continue;
                        }
                        Object schema = ((Map<String, Object>) version.get("schema")).get("openAPIV3Schema");
                        JsonNode strict = JSON.valueToTree(strict(schema));
                        schemas.put(spec.get("group") + "/" + version.get("name") + " " + kind, factory.getSchema(strict));
                    }
                }
            }
        }
    }

    boolean knows(String apiVersion, String kind) {
        return schemas.containsKey(apiVersion + " " + kind);
    }

    /** What is wrong with the resource, one line per error; empty when it is valid. */
    List<String> errors(Map<String, Object> resource) {
        JsonSchema schema = schemas.get(resource.get("apiVersion") + " " + resource.get("kind"));
        if (schema == null) {
            return List.of("no published CRD for " + resource.get("apiVersion") + " " + resource.get("kind"));
        }
        return schema.validate(JSON.valueToTree(resource)).stream()
                .map(ValidationMessage::getMessage).sorted().collect(Collectors.toList());
    }

    /** A copy of a schema node made strict, walking only where fields nest (never into field names). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> strict(Object node) {
        Map<String, Object> copy = new HashMap<>((Map<String, Object>) node);
        copy.computeIfPresent("properties", (k, properties) -> ((Map<String, Object>) properties).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> strict(e.getValue()))));
        copy.computeIfPresent("items", (k, items) -> items instanceof Map ? strict(items) : items);
        copy.computeIfPresent("additionalProperties", (k, v) -> v instanceof Map ? strict(v) : v);
        // anyOf/oneOf/allOf/not of a structural schema only constrain fields declared beside them
        // (e.g. "value or valueFrom"): left as published.
        if (Boolean.TRUE.equals(copy.get("x-kubernetes-int-or-string"))) {
            copy.remove("type");
            copy.put("anyOf", List.of(Map.of("type", "integer"), Map.of("type", "string")));
        }
        if (copy.containsKey("properties") && !copy.containsKey("additionalProperties")
                && !Boolean.TRUE.equals(copy.get("x-kubernetes-preserve-unknown-fields"))) {
            copy.put("additionalProperties", false);
        }
        return copy;
    }
}
