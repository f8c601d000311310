package io.rectification.platform.time;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Puts {@link InstantTextModule} on every service's mapper, at the zone of the service's clock
 * ({@code rectification.time-zone}, {@link Clocks}): the mapper writes the HTTP answers, the outbox
 * events (their envelope's {@code time} too) and the audit trail's states, so all of them write
 * instants one way.
 */
@Singleton
public class InstantTextJson implements ObjectMapperCustomizer {

    private final InstantText text;

    public InstantTextJson(InstantText text) {
        this.text = text;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new InstantTextModule(text));
    }

    /**
     * After Quarkus's own customizer, which registers JavaTimeModule: the module registered last
     * is asked first, so ours must come after it.
     */
    @Override
    public int priority() {
        return QUARKUS_CUSTOMIZER_PRIORITY - 1;
    }
}
