package io.rectification.feedback.intake;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which client a public request comes from. Behind a trusted reverse proxy (and in tests, where
 * each simulated member of the public has an address of its own) the first X-Forwarded-For entry;
 * otherwise the connection's address, so a client cannot pick its own identity.
 */
@ApplicationScoped
public class ClientAddress {

    private final boolean trustForwardedFor;

    public ClientAddress(@ConfigProperty(name = "feedback.public.trust-forwarded-for", defaultValue = "false")
                         boolean trustForwardedFor) {
        this.trustForwardedFor = trustForwardedFor;
    }

    public String of(HttpServerRequest request) {
        if (trustForwardedFor) {
            String forwarded = request.getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.split(",")[0].strip();
            }
        }
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
