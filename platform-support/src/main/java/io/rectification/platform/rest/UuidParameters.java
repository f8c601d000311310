package io.rectification.platform.rest;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.UUID;

/**
 * A query or path parameter that should be an id but is not one is the caller's mistake, so it is a
 * 400 naming the parameter, as reporting-service and the audit trail answer for their ids written as
 * text. JAX-RS would answer 404 as if the resource did not exist, which tells a client with a typo
 * in its template nothing, and made the services disagree. (GeoReport v2's ids are text and keep
 * that standard's 404.)
 */
@Provider
public class UuidParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != UUID.class) {
            return null;
        }
        String name = null;
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                name = query.value();
            } else if (annotation instanceof PathParam path) {
                name = path.value();
            }
        }
        if (name == null) {
            return null;
        }
        String parameter = name;
        return (ParamConverter<T>) new ParamConverter<UUID>() {
            @Override
            public UUID fromString(String value) {
                try {
                    return value == null ? null : UUID.fromString(value.strip());
                } catch (IllegalArgumentException e) {
                    throw InvalidParameter.named(parameter, QueryParameters.notAUuid(value));
                }
            }

            @Override
            public String toString(UUID value) {
                return value.toString();
            }
        };
    }
}
