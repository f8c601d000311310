package io.rectification.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("fast")
class TypedSignaturesTest {

    @Test
    void platformSupportOffersTypedValues() {
        TypedSignatures.rule().check(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.rectification.platform"));
    }

    @Test
    void typedSignaturesPass() {
        assertFalse(evaluate(TypedResource.class, TypedView.class).hasViolation());
    }

    @Test
    void everyUntypedShapeIsNamed() {
        EvaluationResult result = evaluate(UntypedResource.class, UntypedView.class, UntypedBean.class);

        List<String> violations = result.getFailureReport().getDetails();
        assertEquals(5, violations.size(), String.join("\n", violations));
        for (String method : List.of("UntypedResource.answer()", "UntypedResource.take(java.util.Map)",
                "UntypedResource.nested()", "UntypedView.data()", "UntypedBean.maybe()")) {
            assertTrue(violations.stream().anyMatch(line -> line.contains(method)), method + " in " + violations);
        }
    }

    @Test
    void aPlainClassOrAPrivateHelperMayWalkATree() {
        assertFalse(evaluate(PlainHelper.class, HelperInside.class).hasViolation());
    }

    private static EvaluationResult evaluate(Class<?>... classes) {
        JavaClasses imported = new ClassFileImporter().importClasses(classes);
        return TypedSignatures.rule().evaluate(imported);
    }

    @Path("/typed")
    public static class TypedResource {
        public TypedView answer() {
            return null;
        }

        public Map<UUID, Long> counts(Map<String, String> labels) {
            return Map.of();
        }
    }

    public record TypedView(UUID id, List<String> names) {
    }

    @Path("/untyped")
    public static class UntypedResource {
        public JsonNode answer() {
            return null;
        }

        public void take(Map<String, Object> body) {
        }

        public List<Map<String, ? extends Object>> nested() {
            return List.of();
        }
    }

    public record UntypedView(JsonNode data) {
    }

    @ApplicationScoped
    public static class UntypedBean {
        public Optional<JsonNode> maybe() {
            return Optional.empty();
        }
    }

    public static class PlainHelper {
        public static JsonNode walk(JsonNode tree) {
            return tree;
        }
    }

    @ApplicationScoped
    public static class HelperInside {
        public UUID id() {
            return walk(null) == null ? null : UUID.randomUUID();
        }

        private JsonNode walk(JsonNode tree) {
            return tree;
        }
    }
}
