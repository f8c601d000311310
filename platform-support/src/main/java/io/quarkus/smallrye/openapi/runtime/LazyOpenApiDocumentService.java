package io.quarkus.smallrye.openapi.runtime;

import io.quarkus.arc.Unremovable;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.quarkus.smallrye.openapi.runtime.filter.AutoSecurityFilter;
import io.smallrye.openapi.runtime.io.Format;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI document prepared when it is first asked for ({@code GET /q/openapi}, the Swagger
 * page) instead of during every start. Quarkus 3.33 prepares it in a start step: it parses the
 * document its build stored (half a megabyte of JSON for tasks-service) and writes it again as JSON
 * and as YAML, 300-650 ms of CPU in a start of 2-4 s on two cores, all before the service can
 * answer its readiness check (docs/benchmarks.md, "Time to healthy"). Upstream made it lazy again
 * after 3.33 (quarkus#54826, #55538); this does the same until the upgrade, which should remove it.
 *
 * <p>It replaces Quarkus's bean (an alternative of higher priority) and sits in Quarkus's package
 * because the method the start step calls is package-private: an override from elsewhere would
 * not be one. The document served is the one Quarkus would have served: its own preparation, with
 * the arguments the start step gave, run once, under this object's lock, by the first request.
 *
 * <p>Packaged services only (the prod profile), where Quarkus and the application share one class
 * loader. In dev and test mode Quarkus's runtime and the application have loaders of their own,
 * so the override would be none and the start step would run Quarkus's method on this bean's
 * proxy; there Quarkus's own bean prepares the document at start, as before. The packaged
 * tasks-service that EscalationEndToEndTest starts serves its document through this class.
 */
@IfBuildProfile("prod")
@Alternative
@Priority(1)
@ApplicationScoped
@Unremovable
public class LazyOpenApiDocumentService extends OpenApiDocumentService {

    private final List<Runnable> pending = new ArrayList<>();

    @Override
    synchronized void prepareDocument(AutoSecurityFilter autoSecurityFilter, Map<OpenApiFilter.RunStage, List<String>> filters,
            String documentName) {
        pending.add(() -> super.prepareDocument(autoSecurityFilter, filters, documentName));
    }

    @Override
    public byte[] getDocument(String documentName, Format format) {
        prepareWaiting();
        return super.getDocument(documentName, format);
    }

    /** True while a document the start step named has not been prepared yet. */
    synchronized boolean waiting() {
        return !pending.isEmpty();
    }

    private synchronized void prepareWaiting() {
        for (Runnable preparation : pending) {
            preparation.run();
        }
        pending.clear();
    }
}
