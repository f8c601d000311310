package io.rectification.reporting.projection;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.rectification.platform.events.EventTopics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** Each consumer with the one topic it reads (as its handler says). */
    public Map<String, String> topics() {
        Map<String, String> topics = new LinkedHashMap<>();
        topics.put(tasks(), EventTopics.TASKS);
        topics.put(feedback(), EventTopics.FEEDBACK);
        return topics;
    }

    public List<String> all() {
        return List.of(tasks(), feedback());
    }
}
