package io.rectification.platform.rest;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * A query parameter taking one of a set of values (a status filter) that names none of them is the
 * caller's mistake: a 400 naming the parameter and the values it takes. JAX-RS would answer 404, as
 * if the list itself did not exist ({@code GET /feedback?status=OPEN}). Empty is absent. A parameter
 * taken as text reads the same way with {@link QueryParameters#oneOf}.
 */
@Provider
public class EnumParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (!rawType.isEnum()) {
            return null;
        }
        String parameter = QueryParameters.queryParamName(annotations);
        if (parameter == null) {
            return null;
        }
        return (ParamConverter<T>) new ParamConverter<Enum<?>>() {
            @Override
            public Enum<?> fromString(String value) {
                if (value == null || value.isBlank()) {
                    return null;
                }
                Enum<?> constant = QueryParameters.constantOf(rawType, value);
                if (constant == null) {
                    throw InvalidParameter.named(parameter, QueryParameters.notOneOf(rawType, value));
                }
                return constant;
            }

            @Override
            public String toString(Enum<?> value) {
                return value.name();
            }
        };
    }
}
