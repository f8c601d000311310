package io.rectification.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The part of kustomize these manifests use, so the test sees what `kubectl apply -k` would apply
 * without a kubectl on the build machine: resources (files and directories), namespace,
 * configMapGenerator (files, no name hash), images (newTag) and strategic-merge patches (maps merged,
 * lists of named items merged by name, other lists replaced, null deleting a field).
 * {@code KustomizeOverlaysTest} compares its output with kubectl's where kubectl is installed.
 */
final class Kustomize {

    /** Kinds that are not namespaced among those used here. */
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace");

    private Kustomize() {
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> render(Path dir) throws IOException {
        Path file = dir.resolve("kustomization.yaml");
        assertTrue(Files.exists(file), "kustomization in " + dir);
        Map<String, Object> k = DeploymentManifestsTest.yaml(file).get(0);
        List<Map<String, Object>> documents = new ArrayList<>();
        for (String resource : (List<String>) k.getOrDefault("resources", List.of())) {
            Path path = dir.resolve(resource).normalize();
            assertTrue(Files.exists(path), "kustomization resource " + path + " exists");
            documents.addAll(Files.isDirectory(path) ? render(path) : DeploymentManifestsTest.yaml(path));
        }
        for (Map<String, Object> generator : (List<Map<String, Object>>) k.getOrDefault("configMapGenerator", List.of())) {
            Map<String, Object> data = new LinkedHashMap<>();
            for (String f : (List<String>) generator.get("files")) {
                Path path = dir.resolve(f).normalize();
                assertTrue(path.startsWith(dir), f + " lies inside " + dir + " (kustomize loads nothing outside)");
                data.put(path.getFileName().toString(), Files.readString(path));
            }
            Map<String, Object> configMap = new LinkedHashMap<>();
            configMap.put("apiVersion", "v1");
            configMap.put("kind", "ConfigMap");
            configMap.put("metadata", new LinkedHashMap<>(Map.of("name", generator.get("name"))));
            configMap.put("data", data);
            documents.add(configMap);
        }
        for (Map<String, Object> patch : (List<Map<String, Object>>) k.getOrDefault("patches", List.of())) {
            Path path = dir.resolve((String) patch.get("path"));
            for (Map<String, Object> p : DeploymentManifestsTest.yaml(path)) {
                List<Map<String, Object>> targets = documents.stream()
                        .filter(d -> Objects.equals(d.get("kind"), p.get("kind")) && Objects.equals(name(d), name(p))).toList();
                assertEquals(1, targets.size(), "patch " + path + " finds its " + p.get("kind") + " " + name(p));
                merge(targets.get(0), p);
            }
        }
        for (Map<String, Object> image : (List<Map<String, Object>>) k.getOrDefault("images", List.of())) {
            documents.forEach(d -> setImageTags(d, (String) image.get("name"), (String) image.get("newTag")));
        }
        Object namespace = k.get("namespace");
        if (namespace != null) {
            documents.stream().filter(d -> !CLUSTER_SCOPED.contains(d.get("kind")))
                    .forEach(d -> ((Map<String, Object>) d.get("metadata")).put("namespace", namespace));
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    static String name(Map<String, Object> document) {
        return (String) ((Map<String, Object>) document.get("metadata")).get("name");
    }

    /** Strategic merge as kustomize does it for the fields patched here. */
    @SuppressWarnings("unchecked")
    static void merge(Map<String, Object> target, Map<String, Object> patch) {
        patch.forEach((key, value) -> {
            Object current = target.get(key);
            if (value == null) {
                target.remove(key);
            } else if (value instanceof Map<?, ?> map && current instanceof Map<?, ?> into) {
                merge((Map<String, Object>) into, (Map<String, Object>) map);
            } else if (value instanceof List<?> list && current instanceof List<?> into && named(list) && named(into)) {
                List<Object> merged = new ArrayList<>();
                List<Object> rest = new ArrayList<>(into);
                for (Object item : list) {
                    Object itemName = ((Map<String, Object>) item).get("name");
                    Map<String, Object> same = (Map<String, Object>) rest.stream()
                            .filter(i -> itemName.equals(((Map<String, Object>) i).get("name"))).findFirst().orElse(null);
                    if (same == null) {
                        merged.add(item);
                    } else {
                        rest.remove(same);
                        // A patched env entry replaces value/valueFrom rather than holding both.
                        if (((Map<String, Object>) item).containsKey("valueFrom")) {
                            same.remove("value");
                        }
                        if (((Map<String, Object>) item).containsKey("value")) {
                            same.remove("valueFrom");
                        }
                        merge(same, (Map<String, Object>) item);
                        merged.add(same);
                    }
                }
                merged.addAll(rest);
                target.put(key, merged);
            } else {
                target.put(key, value);
            }
        });
    }

    private static boolean named(List<?> list) {
        return !list.isEmpty() && list.stream().allMatch(i -> i instanceof Map<?, ?> m && m.get("name") instanceof String);
    }

    @SuppressWarnings("unchecked")
    private static void setImageTags(Object node, String image, String tag) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> m = (Map<String, Object>) map;
            if (image.equals(m.get("image"))) {
                m.put("image", image + ":" + tag);
            }
            m.values().forEach(v -> setImageTags(v, image, tag));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> setImageTags(v, image, tag));
        }
    }
}
