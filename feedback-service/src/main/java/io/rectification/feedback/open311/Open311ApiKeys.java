package io.rectification.feedback.open311;

import io.rectification.feedback.language.Language;
import io.rectification.feedback.language.Messages;
import io.rectification.platform.error.ApiException;
import io.rectification.platform.security.Roles;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * GeoReport's api_key, mapped onto the integration role: the key is a token the identity provider
 * issues to the integration client (the same issuer and signing key as every staff token, with
 * {@code integration} or {@code admin} in {@code groups}). So no second secret store: keys expire
 * and are revoked where all other tokens are, and the client's name (the token's upn) is known.
 */
@ApplicationScoped
public class Open311ApiKeys {

    private final JWTParser parser;

    public Open311ApiKeys(JWTParser parser) {
        this.parser = parser;
    }

    /**
     * The integration client holding {@code apiKey}. Missing: 400 naming api_key (like any missing
     * field); not a valid integration token: 403, as GeoReport answers a bad key.
     *
     * @param missingMessage the Messages key that says why the key is needed here
     */
    public String requireClient(String apiKey, Language language, String missingMessage) {
        if (apiKey == null || apiKey.isBlank()) {
            throw ApiException.badRequest("api_key", Messages.get(language, missingMessage));
        }
        JsonWebToken token;
        try {
            token = parser.parse(apiKey.strip());
        } catch (ParseException | RuntimeException e) {
            throw invalid(language);
        }
        boolean integrationClient = token.getGroups() != null
                && (token.getGroups().contains(Roles.INTEGRATION) || token.getGroups().contains(Roles.ADMIN));
        if (!integrationClient || token.getName() == null || token.getName().isBlank()) {
            throw invalid(language);
        }
        return token.getName().length() > 100 ? token.getName().substring(0, 100) : token.getName();
    }

    private static ApiException invalid(Language language) {
        return new ApiException(403, Messages.get(language, "apiKey.invalid.title"),
                Messages.get(language, "apiKey.invalid"));
    }
}
