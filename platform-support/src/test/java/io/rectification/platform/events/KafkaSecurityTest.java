package io.rectification.platform.events;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A deployment sets the clients' authentication through environment variables, as Kubernetes does. */
@Tag("fast")
class KafkaSecurityTest {

    static Config environment(Map<String, String> variables) {
        return new SmallRyeConfigBuilder().withSources(new EnvConfigSource(variables, 300)).build();
    }

    @Test
    void saslScramFromTheEnvironmentReachesTheClientSettings() {
        String jaas = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"tasks-service\" password=\"s\";";
        Map<String, Object> settings = KafkaSecurity.from(environment(Map.of(
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_JAAS_CONFIG", jaas,
                "KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka-ca/ca.p12",
                "KAFKA_SSL_TRUSTSTORE_PASSWORD", "p")));
        assertEquals(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512", "sasl.jaas.config", jaas,
                "ssl.truststore.type", "PKCS12", "ssl.truststore.location", "/etc/kafka-ca/ca.p12",
                "ssl.truststore.password", "p"), settings);
    }

    @Test
    void nothingSetOrBlankLeavesTheClientsOnPlaintext() {
        assertTrue(KafkaSecurity.from(environment(Map.of())).isEmpty());
        assertTrue(KafkaSecurity.from(environment(Map.of("KAFKA_SASL_MECHANISM", " "))).isEmpty());
    }

    @Test
    void aSaslProtocolWithoutCredentialsIsRefusedNamingTheKey() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> KafkaSecurity.from(environment(Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT"))));
        assertTrue(e.getMessage().contains("KAFKA_SASL_JAAS_CONFIG"), e.getMessage());
    }
}
