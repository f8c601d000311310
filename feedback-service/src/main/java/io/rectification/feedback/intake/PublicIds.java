package io.rectification.feedback.intake;

import io.rectification.feedback.language.Language;
import io.rectification.feedback.language.Messages;
import io.rectification.feedback.language.PublicProblems;
import io.rectification.platform.error.ErrorBody;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An id of a public endpoint (one that needs no role: the form's publication, its choices and its
 * submission) that is not an id is refused in the submitter's language, as every other public
 * refusal is: 400 naming the parameter ({@code id}), 请检查链接… in Chinese unless the client prefers
 * English. The platform's converter ({@code rest.UuidParameters}) answers staff's clients in English;
 * this filter runs before it converts (request filters run before the parameters are read) and only
 * where a method is {@code @PermitAll}. GeoReport's ids are text, checked by Open311 itself.
 */
public class PublicIds {

    /** The UUID path and query parameters of each public method, by name; none for a method needing a role. */
    private final Map<Method, List<Parameter>> idsOf = new ConcurrentHashMap<>();

    private record Parameter(String name, boolean inPath) {
    }

    @ServerRequestFilter
    public void refuseBadIds(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        List<Parameter> ids = idsOf.computeIfAbsent(method, PublicIds::publicIds);
        for (Parameter id : ids) {
            MultivaluedMap<String, String> values = id.inPath() ? request.getUriInfo().getPathParameters()
                    : request.getUriInfo().getQueryParameters();
            String value = values.getFirst(id.name());
            if (value != null && !isId(value.strip())) {
                Language language = Language.of(request);
                throw PublicProblems.invalid(language,
                        List.of(new ErrorBody.FieldError(id.name(), Messages.get(language, "id.invalid"))));
            }
        }
    }

    private static List<Parameter> publicIds(Method method) {
        if (!method.isAnnotationPresent(PermitAll.class) && !method.getDeclaringClass().isAnnotationPresent(PermitAll.class)) {
            return List.of();
        }
        List<Parameter> ids = new ArrayList<>();
        Class<?>[] types = method.getParameterTypes();
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < types.length; i++) {
            if (types[i] != UUID.class) {
                continue;
            }
            for (Annotation annotation : annotations[i]) {
                if (annotation instanceof PathParam path) {
                    ids.add(new Parameter(path.value(), true));
                } else if (annotation instanceof QueryParam query) {
                    ids.add(new Parameter(query.value(), false));
                }
            }
        }
        return List.copyOf(ids);
    }

    /** What {@link UUID#fromString} takes, which the platform's converter then reads. */
    private static boolean isId(String value) {
        try {
            UUID.fromString(value);
            return true;
        } catch (IllegalArgumentException notAnId) {
            return false;
        }
    }
}
