package io.rectification.platform.testing;

import io.rectification.platform.security.Roles;
import io.smallrye.jwt.build.Jwt;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed tokens for tests: one RSA key pair per test JVM, whose public half {@link RealServices}
 * hands to the service under test. Also makes the bad tokens (expired, wrong key, wrong issuer).
 */
public final class TestTokens {

    /** Every staff role (personal-data is a permission of its own and not among them). */
    static final String[] STAFF_ROLES = {Roles.OFFICER, Roles.COORDINATOR, Roles.FEEDBACK_HANDLER, Roles.SUPERVISOR, Roles.ADMIN};

    private static final KeyPair KEYS = generate();
    private static final KeyPair STRANGER = generate();
    /** Tokens already signed, by person, unit and roles, each reused until its time is up. */
    private static final Map<String, Signed> SIGNED = new ConcurrentHashMap<>();
    private static final Duration REUSED_FOR = Duration.ofMinutes(30);

    private record Signed(String token, Instant until) {
    }

    private TestTokens() {
    }

    /**
     * A valid token for {@code name} with the given roles (and the unit, for officers). The same
     * person, unit and roles get the same token for half of its hour: tests send thousands of
     * requests ({@link StaffTokens} signs one for each that has none), and the RSA signature was a
     * sixth to a fifth of a test JVM's CPU (JFR in CI, 2026-12-05). Nothing the services do tells two
     * tokens of one person apart.
     */
    public static String tokenInUnit(String name, String unit, String... roles) {
        String key = name + '\u0000' + unit + '\u0000' + String.join(",", new TreeSet<>(Set.of(roles)));
        Signed signed = SIGNED.compute(key, (k, earlier) -> earlier != null && earlier.until().isAfter(Instant.now())
                ? earlier : new Signed(sign(name, unit, roles), Instant.now().plus(REUSED_FOR)));
        return signed.token();
    }

    private static String sign(String name, String unit, String... roles) {
        return Jwt.issuer(Roles.ISSUER).upn(name).subject(name).groups(Set.of(roles)).claim("unit", unit == null ? "" : unit)
                .expiresIn(Duration.ofHours(1)).jws().keyId("test").sign(KEYS.getPrivate());
    }

    public static String token(String name, String... roles) {
        return tokenInUnit(name, null, roles);
    }

    /** A member of staff holding every staff role (not personal-data): for tests that must reach every operation. */
    public static String allStaff(String name) {
        return token(name, STAFF_ROLES);
    }

    public static String expired(String role) {
        return Jwt.issuer(Roles.ISSUER).upn("late").groups(role).issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600)).jws().sign(KEYS.getPrivate());
    }

    public static String wrongSignature(String role) {
        return Jwt.issuer(Roles.ISSUER).upn("forger").groups(role).expiresIn(Duration.ofHours(1)).jws()
                .sign(STRANGER.getPrivate());
    }

    public static String wrongIssuer(String role) {
        return Jwt.issuer("https://elsewhere.example/issuer").upn("outsider").groups(role)
                .expiresIn(Duration.ofHours(1)).jws().sign(KEYS.getPrivate());
    }

    /** An OpenID Connect ID token (typ ID, as Keycloak marks it) of an admin: signed, in date, and still no access token. */
    public static String idToken(String role) {
        return Jwt.issuer(Roles.ISSUER).upn("signed.in").groups(role).claim("typ", "ID").audience("console")
                .expiresIn(Duration.ofHours(1)).jws().keyId("test").sign(KEYS.getPrivate());
    }

    /** The public key as the base64 body of a PEM, for {@code mp.jwt.verify.publickey}. */
    public static String publicKey() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
