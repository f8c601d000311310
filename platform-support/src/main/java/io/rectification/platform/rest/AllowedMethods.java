package io.rectification.platform.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The methods a path allows, for the {@code Allow} header a 405 must carry (RFC 9110 §15.5.6),
 * which the REST layer's own 405 leaves out. Taken from the service's OpenAPI document, the one
 * list of its operations, read the first time a 405 needs it (never at start).
 */
@ApplicationScoped
public class AllowedMethods {

    private static final Logger LOG = Logger.getLogger(AllowedMethods.class);

    private final Instance<OpenApiDocumentService> documents;
    private final ObjectMapper mapper;
    private volatile Routes routes;

    private record Routes(PathTemplates templates, Map<String, Set<String>> methods) {
    }

    public AllowedMethods(Instance<OpenApiDocumentService> documents, ObjectMapper mapper) {
        this.documents = documents;
        this.mapper = mapper;
    }

    /** The methods of the path's operations (GET with HEAD, and OPTIONS), empty for a path the document does not hold. */
    public Optional<Set<String>> allowed(String rawPath) {
        Routes known = routes();
        return known.templates().match(rawPath).map(known.methods()::get);
    }

    /** The Allow header's value: "GET, HEAD, POST, OPTIONS". */
    public static String header(Set<String> methods) {
        return String.join(", ", methods);
    }

    private Routes routes() {
        Routes known = routes;
        if (known == null) {
            known = read();
            routes = known;
        }
        return known;
    }

    private Routes read() {
        Map<String, Set<String>> methods = new LinkedHashMap<>();
        try {
            JsonNode paths = mapper.readTree(documents.get().getDocument(OpenApiFilter.DEFAULT_DOCUMENT_NAME, Format.JSON))
                    .path("paths");
            paths.fieldNames().forEachRemaining(path -> {
                Set<String> allowed = new LinkedHashSet<>();
                paths.get(path).fieldNames().forEachRemaining(method -> {
                    if (method.matches("get|put|post|delete|patch")) {
                        allowed.add(method.toUpperCase());
                        if (method.equals("get")) {
                            allowed.add("HEAD");
                        }
                    }
                });
                allowed.add("OPTIONS");
                methods.put(path, allowed);
            });
        } catch (IOException | RuntimeException e) {
            LOG.warnf("the OpenAPI document could not be read for Allow headers: %s", e.toString());
        }
        return new Routes(new PathTemplates(new ArrayList<>(methods.keySet())), methods);
    }
}
