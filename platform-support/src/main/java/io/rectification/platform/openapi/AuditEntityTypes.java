package io.rectification.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.rectification.platform.audit.AuditResource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import java.util.ArrayList;
import java.util.List;

/**
 * Says which entity types {@code GET /audit/{entityType}/{entityId}} takes: the ones this service
 * audits ({@link AuditResource#ENTITY_TYPES}, set per service), which AuditResource holds the path
 * to. At startup, as the list is the service's configuration, not the shared resource's code.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class AuditEntityTypes implements OASFilter {

    static final String PATH = "/audit/{entityType}/{entityId}";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        List<String> types = ConfigProvider.getConfig().getOptionalValues(AuditResource.ENTITY_TYPES, String.class)
                .orElse(List.of());
        document(openAPI, types);
    }

    static void document(OpenAPI openAPI, List<String> types) {
        PathItem item = openAPI.getPaths() == null ? null : openAPI.getPaths().getPathItem(PATH);
        if (item == null || item.getGET() == null || item.getGET().getParameters() == null || types.isEmpty()) {
            return;
        }
        for (Parameter parameter : item.getGET().getParameters()) {
            if (parameter.getIn() == Parameter.In.PATH && "entityType".equals(parameter.getName())) {
                parameter.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .enumeration(new ArrayList<>(types)));
                parameter.setDescription("an entity type this service audits, as its events name it");
            }
        }
    }
}
