package io.rectification.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Says in every named schema that a member not listed as required may be null: the services write
 * an absent value as JSON null (a task without a rejection, a problem without a description), and
 * the generator documents a {@code String} member as a plain string, which a client generated from
 * the document, or a tester validating answers against it, takes as never null. In OpenAPI 3.1 a
 * typed member gains the type {@code null}; a member given by reference becomes "that or null".
 *
 * <p>So a view names the members it always sends, never null: {@code @Schema(requiredProperties = …)}
 * on a service's record; on a platform-support record {@code @Schema(required = true)} on each such
 * member, as a class-level {@code @Schema} would put the record into every service's document, and
 * does not reach the schemas made for a generic one ({@code PageOf<T>}). Each service's
 * ResponseSchemasTest holds real answers to those promises.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class NullableMembers implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        openAPI.getComponents().getSchemas().values().forEach(NullableMembers::nullableOptionalMembers);
    }

    private static void nullableOptionalMembers(Schema schema) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        Map<String, Schema> members = new LinkedHashMap<>();
        properties.forEach((name, member) -> members.put(name,
                required.contains(name) ? withoutTypeBesideRef(member) : nullable(member)));
        schema.setProperties(members);
    }

    /** A described reference gets its schema's type beside the $ref from the generator; the $ref says it already. */
    private static Schema withoutTypeBesideRef(Schema member) {
        if (member.getRef() != null && member.getType() != null) {
            member.setType(null);
        }
        return member;
    }

    static Schema nullable(Schema member) {
        if (member.getRef() != null) {
            // JSON Schema reads a type beside $ref as "both", so the reference goes into a choice. A
            // member described with @Schema(description = …) has the referenced schema's type beside
            // its $ref as well: that type is the referenced schema's business, and is left out.
            return OASFactory.createSchema().description(member.getDescription())
                    .addAnyOf(OASFactory.createSchema().ref(member.getRef())).addAnyOf(nullType());
        }
        if (member.getType() != null && !member.getType().isEmpty()) {
            if (!member.getType().contains(Schema.SchemaType.NULL)) {
                member.addType(Schema.SchemaType.NULL);
            }
            return member;
        }
        if (member.getAllOf() != null || member.getOneOf() != null || member.getAnyOf() != null) {
            return OASFactory.createSchema().addAnyOf(member).addAnyOf(nullType());
        }
        return member; // no type at all: null is already allowed
    }

    private static Schema nullType() {
        return OASFactory.createSchema().addType(Schema.SchemaType.NULL);
    }
}
