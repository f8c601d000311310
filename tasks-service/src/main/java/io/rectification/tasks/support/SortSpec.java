package io.rectification.tasks.support;

import io.quarkus.panache.common.Sort;
import io.rectification.platform.error.ApiException;

import java.util.Map;

/**
 * A list's {@code sort} parameter: comma-separated field names, {@code -} for descending, each
 * one of a whitelist (API name to entity attribute) so nothing else reaches the query.
 */
public final class SortSpec {

    private SortSpec() {
    }

    public static Sort parse(String sort, Map<String, String> allowed, Sort fallback) {
        if (sort == null || sort.isBlank()) {
            // The same tie-breaker as a requested order: pages never skip or repeat rows that tie.
            return fallback.and("id");
        }
        Sort result = null;
        for (String part : sort.split(",")) {
            String name = part.strip();
            boolean descending = name.startsWith("-");
            if (descending) {
                name = name.substring(1);
            }
            String attribute = allowed.get(name);
            if (attribute == null) {
                throw ApiException.badRequest("sort", "'" + name + "' cannot be sorted on; use one of "
                        + String.join(", ", allowed.keySet().stream().sorted().toList()));
            }
            Sort.Direction direction = descending ? Sort.Direction.Descending : Sort.Direction.Ascending;
            result = result == null ? Sort.by(attribute, direction) : result.and(attribute, direction);
        }
        return result.and("id");
    }
}
