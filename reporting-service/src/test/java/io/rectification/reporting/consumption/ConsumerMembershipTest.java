package io.rectification.reporting.consumption;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.reporting.projection.ConsumerNames;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The configured instance id reaches the running consumers: the broker knows each of this
 * instance's consumers as a static member under it, so a restart with the same id takes the
 * partitions back without waiting out a session.
 */
@QuarkusTest
class ConsumerMembershipTest {

    @Inject
    ConsumerNames names;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "platform.consumers.instance-id")
    String instanceId;

    @Test
    void eachConsumerIsAStaticMemberUnderTheConfiguredInstanceId() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (String group : names.all()) {
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
                            .describedGroups().get(group).get();
                    assertEquals(List.of(Optional.of(instanceId)),
                            description.members().stream().map(MemberDescription::groupInstanceId).toList(), group);
                });
            }
        }
    }
}
