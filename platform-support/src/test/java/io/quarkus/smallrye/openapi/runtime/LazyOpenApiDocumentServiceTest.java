package io.quarkus.smallrye.openapi.runtime;

import io.quarkus.smallrye.openapi.OpenApiFilter.RunStage;
import io.smallrye.openapi.runtime.io.Format;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LazyOpenApiDocumentServiceTest {

    private static final Map<RunStage, List<String>> NO_FILTERS = Map.of(RunStage.RUNTIME_STARTUP, List.of(),
            RunStage.RUNTIME_PER_REQUEST, List.of(), RunStage.RUN, List.of());

    @Test
    void theStartStepOnlyNamesTheDocumentAndTheFirstRequestPreparesIt() {
        LazyOpenApiDocumentService service = new LazyOpenApiDocumentService();

        service.prepareDocument(null, NO_FILTERS, "<default>");
        assertTrue(service.waiting(), "prepared during the start step");

        assertNotNull(service.getDocument("<default>", Format.JSON));
        assertFalse(service.waiting());
    }
}
