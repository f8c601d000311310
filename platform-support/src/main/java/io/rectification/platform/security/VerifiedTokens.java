package io.rectification.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Checks a bearer token's signature once, not on every request. A page that loads ten resources, a
 * dashboard that refreshes, a client that polls present the same token again and again, and
 * verifying its RSA signature cost more CPU than answering the request (JFR: BigInteger's
 * Montgomery squaring on the event loop, the services running on C1 only).
 *
 * <p>Only {@link #parse(String)}, the call the token validator makes, is remembered, and a token is
 * taken from memory only when it is the very same text: a changed header, claim or signature is
 * another key and is verified afresh. A remembered token counts only until its expiry (no grace)
 * and for {@link #KEPT} at most, so a key withdrawn from the identity provider's JWKS stops being
 * honoured soon after; at most {@link #MAX_TOKENS} are kept. Tokens are not revocable one by one
 * anyway: a token is good until it expires.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    static final Duration KEPT = Duration.ofMinutes(5);
    /** Well above the staff tokens issued within any 5 minutes; kept small, as the heaps are (64-160 MB). */
    static final int MAX_TOKENS = 500;

    private final JWTParser verifier;
    private final LongSupplier nowMillis;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    /** @param verifier the extension's own parser, which verifies signature, issuer and expiry */
    @Inject
    public VerifiedTokens(DefaultJWTParser verifier) {
        this(verifier, System::currentTimeMillis);
    }

    VerifiedTokens(JWTParser verifier, LongSupplier nowMillis) {
        this.verifier = verifier;
        this.nowMillis = nowMillis;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        long now = nowMillis.getAsLong();
        Verified known = verified.get(token);
        if (known != null && now < known.goodUntil()) {
            return known.token();
        }
        JsonWebToken parsed = requireAccessToken(verifier.parse(token));
        long expires = parsed.getExpirationTime() * 1000L;
        long goodUntil = Math.min(expires, now + KEPT.toMillis());
        if (goodUntil > now) {
            remember(token, new Verified(parsed, goodUntil), now);
        }
        return parsed;
    }

    /**
     * An OpenID Connect ID token is signed by the same key and issuer and carries the same groups, but
     * it says who signed in, to the console, not what a caller may do: the console puts it in the
     * sign-out address ({@code id_token_hint}), where logs and browser history keep it, so it must
     * never open the APIs. Keycloak marks its tokens {@code typ} Bearer, ID or Refresh; a token
     * without {@code typ} (another identity provider, the tests' own) is taken as an access token.
     */
    static JsonWebToken requireAccessToken(JsonWebToken parsed) throws ParseException {
        Object type = parsed.getClaim("typ");
        if (type != null && !"Bearer".equalsIgnoreCase(type.toString().replace("\"", ""))) {
            throw new ParseException("not an access token: typ " + type);
        }
        return parsed;
    }

    private void remember(String token, Verified entry, long now) {
        if (verified.size() >= MAX_TOKENS) {
            verified.values().removeIf(old -> old.goodUntil() <= now);
            if (verified.size() >= MAX_TOKENS) {
                verified.clear(); // a burst of distinct tokens: start again rather than track age
            }
        }
        verified.put(token, entry);
    }

    int remembered() {
        return verified.size();
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return requireAccessToken(verifier.parse(token, context));
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }

    private record Verified(JsonWebToken token, long goodUntil) {
    }
}
