package io.rectification.reporting.projection;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/** The names of this service's consumers (Kafka consumer groups and consumed-event records). */
@ApplicationScoped
public class ConsumerNames {

    private final String prefix;

    public ConsumerNames(@ConfigProperty(name = "reporting.consumer-prefix") String prefix) {
        this.prefix = prefix;
    }

    public String tasks() {
        return prefix + "-tasks";
    }

    public String feedback() {
        return prefix + "-feedback";
    }

    public List<String> all() {
        return List.of(tasks(), feedback());
    }
}
