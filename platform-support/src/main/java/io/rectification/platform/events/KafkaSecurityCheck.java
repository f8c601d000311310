package io.rectification.platform.events;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses to start on Kafka authentication settings the clients could not use, naming the
 * variable ({@link KafkaSecurity#from}), before the relay and the consumers start their threads:
 * there the same error would only be logged by a thread that then ends.
 */
@ApplicationScoped
public class KafkaSecurityCheck {

    void onStart(@Observes @Priority(1) StartupEvent event) {
        KafkaSecurity.current();
    }
}
