package io.rectification.platform.rest;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.function.Function;

/**
 * A whole-number query parameter (page, size, limit, year…) that is not one, or does not fit, is
 * the caller's mistake: a 400 naming the parameter. JAX-RS would answer 404, as if the resource
 * did not exist ({@code page=99999999999999999999}).
 */
@Provider
public class NumberParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        Function<String, Object> parse = rawType == int.class || rawType == Integer.class ? Integer::valueOf
                : rawType == long.class || rawType == Long.class ? Long::valueOf : null;
        if (parse == null) {
            return null;
        }
        String parameter = QueryParameters.queryParamName(annotations);
        if (parameter == null) {
            return null;
        }
        return (ParamConverter<T>) new ParamConverter<Object>() {
            @Override
            public Object fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return parse.apply(value.strip());
                } catch (NumberFormatException e) {
                    String message = "'" + value + "' is not a whole number between " + (rawType == long.class
                            || rawType == Long.class ? Long.MIN_VALUE + " and " + Long.MAX_VALUE
                            : Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
                    throw InvalidParameter.named(parameter, message);
                }
            }

            @Override
            public String toString(Object value) {
                return String.valueOf(value);
            }
        };
    }
}
