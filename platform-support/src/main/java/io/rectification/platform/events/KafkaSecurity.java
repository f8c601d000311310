package io.rectification.platform.events;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the Kafka clients authenticate to the broker: {@code kafka.security.protocol},
 * {@code kafka.sasl.mechanism}, {@code kafka.sasl.jaas.config} and the {@code kafka.ssl.truststore.*}
 * settings, so a deployment sets them from the environment (KAFKA_SASL_JAAS_CONFIG, …) as it sets
 * KAFKA_BOOTSTRAP_SERVERS. Unset, the clients speak plaintext as on the local stack. Production
 * (deploy/k8s/overlays/production) uses SASL_SSL with SCRAM-SHA-512 and each service's own user.
 *
 * <p>Read from the application's configuration by {@link KafkaSettings} itself rather than passed
 * in, so that every client the platform makes (relay, consumers, replays, test probes) gets the
 * same settings and none can be forgotten.
 */
public final class KafkaSecurity {

    static final List<String> KEYS = List.of(
            CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
            SaslConfigs.SASL_MECHANISM,
            SaslConfigs.SASL_JAAS_CONFIG,
            SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG,
            SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG,
            SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG);

    private KafkaSecurity() {
    }

    /** The client settings from the running application's configuration. */
    public static Map<String, Object> current() {
        return from(ConfigProvider.getConfig());
    }

    /**
     * The client settings (without the {@code kafka.} prefix) of those keys that are set. A SASL
     * protocol without a JAAS configuration is refused here, where the message can name the key,
     * instead of deep inside the client at the first connection.
     */
    public static Map<String, Object> from(Config config) {
        Map<String, Object> settings = new LinkedHashMap<>();
        for (String key : KEYS) {
            config.getOptionalValue("kafka." + key, String.class)
                    .map(String::trim).filter(value -> !value.isEmpty())
                    .ifPresent(value -> settings.put(key, value));
        }
        String protocol = (String) settings.getOrDefault(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT");
        if (protocol.startsWith("SASL_") && !settings.containsKey(SaslConfigs.SASL_JAAS_CONFIG)) {
            throw new IllegalStateException("kafka.security.protocol is " + protocol
                    + " but kafka.sasl.jaas.config (KAFKA_SASL_JAAS_CONFIG) is not set");
        }
        return settings;
    }
}
