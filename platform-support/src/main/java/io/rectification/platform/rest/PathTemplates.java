package io.rectification.platform.rest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The path templates of an OpenAPI document ({@code /tasks/{id}}, {@code /inspections/{id}/{list}.csv}),
 * matched against a request's path: the most specific template wins (the most literal characters),
 * so {@code /tasks/summary} is not taken for {@code /tasks/{id}}.
 */
public final class PathTemplates {

    private record Template(String path, Pattern pattern, int literals) {
    }

    private final List<Template> templates = new ArrayList<>();

    public PathTemplates(Collection<String> paths) {
        paths.forEach(path -> templates.add(template(path)));
        templates.sort(Comparator.comparingInt(Template::literals).reversed());
    }

    /** The templates matching {@code path} (raw, without query), the most specific first. */
    public List<String> matching(String path) {
        return templates.stream().filter(t -> t.pattern().matcher(path).matches()).map(Template::path).toList();
    }

    /** The most specific template matching {@code path}. */
    public Optional<String> match(String path) {
        return matching(path).stream().findFirst();
    }

    private static Template template(String path) {
        StringBuilder regex = new StringBuilder();
        int literals = 0;
        for (String part : path.split("(?=\\{)|(?<=})")) {
            if (part.startsWith("{") && part.endsWith("}")) {
                regex.append("[^/]+");
            } else {
                regex.append(Pattern.quote(part));
                literals += part.length();
            }
        }
        return new Template(path, Pattern.compile(regex.toString()), literals);
    }
}
