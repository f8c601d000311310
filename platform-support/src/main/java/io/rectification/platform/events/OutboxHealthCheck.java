package io.rectification.platform.events;

import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the relay in the readiness document without ever failing it: with Kafka down the API
 * still accepts changes (the outbox keeps them), so taking the service out of rotation would be
 * wrong. Operators read {@code lastError} here. Left out where the relay is switched off
 * ({@code platform.outbox.relay-enabled=false}, reporting-service, which appends nothing): a
 * {@code running:false} there read as a fault (operator review #12).
 */
@Readiness
@ApplicationScoped
@LookupIfProperty(name = "platform.outbox.relay-enabled", stringValue = "true", lookupIfMissing = true)
public class OutboxHealthCheck implements HealthCheck {

    private final OutboxRelay relay;

    public OutboxHealthCheck(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("outbox-relay").up()
                .withData("running", relay.isRunning())
                .withData("published", relay.publishedCount());
        String error = relay.lastError();
        if (error != null) {
            builder.withData("lastError", error);
        }
        return builder.build();
    }
}
