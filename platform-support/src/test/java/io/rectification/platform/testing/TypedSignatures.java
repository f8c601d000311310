package io.rectification.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.JavaWildcardType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.rectification.platform.error.ErrorBody;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.events.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Path;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

/**
 * What a service's parts offer each other is typed: no {@code Map<String, Object>} and no
 * {@code JsonNode}, nor a list or optional of them, in the public methods of resources ({@code @Path}),
 * beans and event handlers, or in the records they answer with. An untyped value has no schema in
 * the OpenAPI document and is read field by field by whoever receives it. A map keyed by a type
 * ({@code Map<UUID, Long>}) is typed. JSON kept whole in a read model is read as its record
 * ({@code EventContract.fromJson}); a private helper may still walk a tree.
 */
public final class TypedSignatures {

    /**
     * Two wire formats whose specifications leave one member open, read by the types that know it:
     * a problem body's extension members (RFC 9457 §3.2) and an event's data (CloudEvents; its
     * record is {@code EventContract.decode}'s answer).
     */
    private static final Set<Class<?>> OPEN_BY_SPECIFICATION = Set.of(ErrorBody.class, EventEnvelope.class);

    private static final DescribedPredicate<JavaClass> SERVICE_FACING = DescribedPredicate.describe(
            "resources, beans, event handlers and records",
            type -> OPEN_BY_SPECIFICATION.stream().noneMatch(type::isEquivalentTo) && (type.isAnnotatedWith(Path.class) || type.isAnnotatedWith(ApplicationScoped.class)
                    || type.isAnnotatedWith(Singleton.class) || type.isAnnotatedWith(RequestScoped.class)
                    || type.isAnnotatedWith(Dependent.class) || type.isAssignableTo(EventHandler.class)
                    || type.getRawSuperclass().map(parent -> parent.isEquivalentTo(Record.class)).orElse(false)));

    private TypedSignatures() {
    }

    /** The rule, to check against a module's classes. */
    public static ArchRule rule() {
        return methods().that().arePublic().and().areDeclaredInClassesThat(SERVICE_FACING)
                .should(takeAndAnswerTypedValues())
                .because("a Map<String, Object> or a JsonNode has no schema and is read field by field");
    }

    private static ArchCondition<JavaMethod> takeAndAnswerTypedValues() {
        return new ArchCondition<>("take and answer typed values") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                List<JavaType> types = new ArrayList<>(method.getParameterTypes());
                types.add(method.getReturnType());
                for (JavaType type : types) {
                    if (untyped(type)) {
                        events.add(SimpleConditionEvent.violated(method,
                                method.getFullName() + " takes or answers " + type.getName()));
                    }
                }
            }
        };
    }

    /** A JsonNode, a Map of String to Object, or a type with one of them among its arguments. */
    static boolean untyped(JavaType type) {
        JavaClass raw = type.toErasure();
        if (raw.isAssignableTo(JsonNode.class)) {
            return true;
        }
        if (type instanceof JavaWildcardType wildcard) {
            return wildcard.getUpperBounds().stream().anyMatch(TypedSignatures::untyped);
        }
        if (type instanceof JavaParameterizedType parameterized) {
            List<JavaType> arguments = parameterized.getActualTypeArguments();
            if (raw.isAssignableTo(Map.class) && arguments.size() == 2
                    && arguments.get(0).toErasure().isEquivalentTo(String.class)
                    && arguments.get(1).toErasure().isEquivalentTo(Object.class)) {
                return true;
            }
            return arguments.stream().anyMatch(TypedSignatures::untyped);
        }
        return false;
    }
}
