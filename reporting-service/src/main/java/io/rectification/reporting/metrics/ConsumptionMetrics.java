package io.rectification.reporting.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.rectification.platform.time.PeriodicRefresh;
import io.rectification.reporting.consumption.ConsumerLag;
import io.rectification.reporting.rebuild.RebuildProgress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The health of event consumption as Prometheus gauges: consumer lag per topic-partition, when an
 * event was last applied, and the latest rebuild's state and progress per topic (any instance's: its
 * record). Refreshed on the metrics period from the broker, the consumers and that record, so a
 * scrape never waits on Kafka.
 */
@ApplicationScoped
public class ConsumptionMetrics {

    private static final Logger LOG = Logger.getLogger(ConsumptionMetrics.class);

    private final ConsumerLag lag;
    private final RebuildProgress rebuild;
    private final MeterRegistry registry;
    private final Duration period;
    private final Map<List<String>, AtomicLong> gauges = new ConcurrentHashMap<>();
    private PeriodicRefresh refreshing;

    public ConsumptionMetrics(ConsumerLag lag, RebuildProgress rebuild, MeterRegistry registry,
                              @ConfigProperty(name = "reporting.metrics.period", defaultValue = "15s") Duration period) {
        this.lag = lag;
        this.rebuild = rebuild;
        this.registry = registry;
        this.period = period;
    }

    void onStart(@Observes StartupEvent event) {
        for (RebuildProgress.State state : RebuildProgress.State.values()) {
            gauge("rectification.rebuild.state", "1 for the state of the latest rebuild (any instance's)", "state", state.name());
        }
        refreshing = PeriodicRefresh.start("consumption-metrics", period, this::refresh);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (refreshing != null) {
            refreshing.stop();
        }
    }

    void refresh() {
        try {
            rebuild.latest().ifPresent(status -> {
                for (RebuildProgress.State state : RebuildProgress.State.values()) {
                    gauge("rectification.rebuild.state", null, "state", state.name()).set(status.state() == state ? 1 : 0);
                }
                for (RebuildProgress.TopicProgress topic : status.topics()) {
                    gauge("rectification.rebuild.events.replayed", "Events replayed by the latest rebuild", "topic", topic.topic())
                            .set(topic.replayed());
                    gauge("rectification.rebuild.events.to.replay", "Events in the topic when the latest rebuild started",
                            "topic", topic.topic()).set(topic.toReplay());
                }
            });
        } catch (RuntimeException e) {
            // read from the database (RebuildRecords): away for a moment, the gauges keep their last values
            LOG.debugf("rebuild gauges not refreshed: %s", e.getMessage());
        }
        try {
            for (ConsumerLag.Consumer consumer : lag.current()) {
                gauge("rectification.consumer.last.applied.timestamp.seconds",
                        "When this instance last applied an event (Unix seconds; 0: none yet)", "consumer", consumer.consumer())
                        .set(consumer.lastAppliedAt() == null ? 0 : consumer.lastAppliedAt().getEpochSecond());
                for (ConsumerLag.PartitionLag partition : consumer.partitions()) {
                    gauge("rectification.consumer.lag", "Records in the topic-partition not yet committed by the consumer group",
                            "consumer", consumer.consumer(), "topic", partition.topic(),
                            "partition", Integer.toString(partition.partition())).set(partition.lag());
                }
            }
        } catch (RuntimeException e) {
            // The broker may be away for a moment; the lag gauges keep their last values until the next round.
            LOG.debugf("consumer lag not refreshed: %s", e.getMessage());
        }
    }

    private AtomicLong gauge(String name, String description, String... tags) {
        List<String> key = new java.util.ArrayList<>(List.of(tags));
        key.add(0, name);
        return gauges.computeIfAbsent(List.copyOf(key), k -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(name, value, AtomicLong::get).tags(tags).description(description).register(registry);
            return value;
        });
    }
}
