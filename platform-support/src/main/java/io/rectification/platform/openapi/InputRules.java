package io.rectification.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.rectification.platform.rest.InputLimits;
import io.rectification.platform.text.BlankText;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * States the platform's rules on every JSON body ({@link InputLimits}, applied by JsonInputRules to
 * each) in the schemas request bodies use: a text has no control character but tab, line feed and
 * carriage return; a text that must not be blank ({@code @NotBlank}'s {@code \S}) holds a character that is
 * not blank as {@link BlankText} says, not merely one Java or ECMA 262 calls whitespace; a decimal
 * stays below 10^15 in absolute value; a date falls in 1900-2199. A
 * client generated from the document, or a tester sending what the schema allows, then does not meet
 * a 400 the document did not announce. (Lone surrogates, also refused, are not text a schema can describe.)
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class InputRules implements OASFilter {

    /** Any character {@link InputLimits#textProblem} refuses but a lone surrogate, as an ECMA 262 class. */
    static final String CONTROL_CHARACTER = "[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]";
    static final String COMPONENTS = "#/components/schemas/";
    /**
     * The years {@link InputLimits#dateProblem} takes (1900 to 2199) as the start of an ISO date; the
     * rest of the date is what {@code format: date} says.
     */
    static final String DATE_YEARS = "^(19|20|21)[0-9]{2}-";
    /** The pattern the OpenAPI scanner writes for {@code @NotBlank} (and inputs checked by hand say with it). */
    static final String NOT_BLANK = "\\S";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        Map<String, Schema> components = openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null
                ? Map.of() : openAPI.getComponents().getSchemas();
        Deque<Schema> toVisit = new ArrayDeque<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                operation.getRequestBody().getContent().getMediaTypes().forEach((type, media) -> {
                    if (type.contains("json") && media.getSchema() != null) {
                        toVisit.add(media.getSchema());
                    }
                });
            }
        }));
        Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!toVisit.isEmpty()) {
            Schema schema = toVisit.pop();
            if (!seen.add(schema)) {
                continue;
            }
            if (schema.getRef() != null) {
                // A component reached twice is the same object, which seen passes over.
                Schema component = components.get(schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1));
                if (component != null) {
                    toVisit.add(component);
                }
                continue;
            }
            constrain(schema);
            if (schema.getProperties() != null) {
                toVisit.addAll(schema.getProperties().values());
            }
            for (var parts : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
                if (parts != null) {
                    toVisit.addAll(parts);
                }
            }
            if (schema.getItems() != null) {
                toVisit.add(schema.getItems());
            }
            if (schema.getAdditionalPropertiesSchema() != null) {
                toVisit.add(schema.getAdditionalPropertiesSchema());
            }
        }
    }

    private static void constrain(Schema schema) {
        if (schema.getType() == null) {
            return;
        }
        if (schema.getType().contains(Schema.SchemaType.STRING) && schema.getNot() == null && schema.getEnumeration() == null) {
            // "not a string holding one": a bare pattern also holds for null, which "not" would then refuse.
            schema.setNot(OASFactory.createSchema().addType(Schema.SchemaType.STRING).pattern(CONTROL_CHARACTER)
                    .description("no control character but tab, line feed and carriage return"));
        }
        if (schema.getType().contains(Schema.SchemaType.STRING) && NOT_BLANK.equals(schema.getPattern())) {
            // rest.NotBlankText: a no-break or zero-width space is blank too.
            schema.setPattern(BlankText.SCHEMA_PATTERN);
        }
        if (schema.getType().contains(Schema.SchemaType.STRING) && "date".equals(schema.getFormat())
                && schema.getPattern() == null) {
            schema.setPattern(DATE_YEARS);
        }
        if (schema.getType().contains(Schema.SchemaType.NUMBER) && schema.getExclusiveMaximum() == null
                && schema.getMaximum() == null) {
            schema.setExclusiveMaximum(InputLimits.MAX_NUMBER);
            schema.setExclusiveMinimum(InputLimits.MAX_NUMBER.negate());
        }
    }
}
