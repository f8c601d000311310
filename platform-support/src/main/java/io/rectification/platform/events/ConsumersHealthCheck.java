package io.rectification.platform.events;

import io.rectification.platform.time.InstantText;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.List;

/**
 * DOWN while any consumer stands at a message it could neither apply nor record as a dead letter,
 * naming the consumer and the topic, partition and offset: its read models or effects stand still.
 */
@Readiness
@ApplicationScoped
public class ConsumersHealthCheck implements HealthCheck {

    private final EventConsumers consumers;
    private final InstantText instants;

    public ConsumersHealthCheck(EventConsumers consumers, InstantText instants) {
        this.consumers = consumers;
        this.instants = instants;
    }

    @Override
    public HealthCheckResponse call() {
        List<ConsumerHalt> halts = consumers.halts();
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("event-consumers").status(halts.isEmpty())
                .withData("running", String.join(",", consumers.consumerNames()));
        for (ConsumerHalt halt : halts) {
            builder.withData(halt.consumer(), "stopped at " + halt.position() + " since " + instants.format(halt.since()) + ": "
                    + halt.reason());
        }
        return builder.build();
    }
}
