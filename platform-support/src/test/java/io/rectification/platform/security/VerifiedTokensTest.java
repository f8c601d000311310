package io.rectification.platform.security;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("fast")
class VerifiedTokensTest {

    static final long T0 = 1_796_000_000_000L; // 2026-12-01, any fixed moment

    final AtomicLong now = new AtomicLong(T0);
    /** Token text → its expiry (Unix seconds); a text not here fails verification, as a forged one does. */
    final Map<String, Long> valid = new java.util.HashMap<>();
    final List<String> verifiedTexts = new ArrayList<>();
    /** Token text → its typ claim; none when not here. */
    final Map<String, String> types = new java.util.HashMap<>();
    final VerifiedTokens tokens = new VerifiedTokens(verifier(), now::get);

    @Test
    void theSameTokenIsVerifiedOnceWhileItIsGood() throws ParseException {
        valid.put("a.b.c", T0 / 1000 + 300);
        JsonWebToken first = tokens.parse("a.b.c");
        now.addAndGet(60_000);
        assertSame(first, tokens.parse("a.b.c"));
        assertEquals(List.of("a.b.c"), verifiedTexts);
    }

    @Test
    void aTokenDifferingInAnyCharacterIsVerifiedAfresh() throws ParseException {
        valid.put("a.b.c", T0 / 1000 + 300);
        tokens.parse("a.b.c");
        assertThrows(ParseException.class, () -> tokens.parse("a.b.d"));
        assertThrows(ParseException.class, () -> tokens.parse("a.B.c"));
        assertEquals(List.of("a.b.c", "a.b.d", "a.B.c"), verifiedTexts);
    }

    @Test
    void anExpiredTokenIsNotTakenFromMemory() throws ParseException {
        valid.put("a.b.c", T0 / 1000 + 30);
        tokens.parse("a.b.c");
        now.addAndGet(30_000); // the second it expires
        valid.remove("a.b.c"); // the verifier now refuses it (expired)
        assertThrows(ParseException.class, () -> tokens.parse("a.b.c"));
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterFiveMinutes() throws ParseException {
        valid.put("a.b.c", T0 / 1000 + 30 * 24 * 3600);
        tokens.parse("a.b.c");
        now.addAndGet(VerifiedTokens.KEPT.toMillis() - 1);
        tokens.parse("a.b.c");
        now.addAndGet(1);
        tokens.parse("a.b.c");
        assertEquals(List.of("a.b.c", "a.b.c"), verifiedTexts);
    }

    @Test
    void aFailedVerificationIsNeverRemembered() {
        assertThrows(ParseException.class, () -> tokens.parse("forged"));
        assertThrows(ParseException.class, () -> tokens.parse("forged"));
        assertEquals(List.of("forged", "forged"), verifiedTexts);
        assertEquals(0, tokens.remembered());
    }

    @Test
    void atMostTheBoundIsKept() throws ParseException {
        for (int i = 0; i < VerifiedTokens.MAX_TOKENS + 10; i++) {
            valid.put("t" + i, T0 / 1000 + 300);
            tokens.parse("t" + i);
        }
        assertTrue(tokens.remembered() <= VerifiedTokens.MAX_TOKENS, "kept " + tokens.remembered());
    }

    @Test
    void onlyAnAccessTokenOpensTheApis() throws ParseException {
        valid.put("access", T0 / 1000 + 300);
        valid.put("id-token", T0 / 1000 + 300);
        valid.put("refresh", T0 / 1000 + 300);
        valid.put("untyped", T0 / 1000 + 300);
        types.put("access", "Bearer");
        types.put("id-token", "ID");
        types.put("refresh", "Refresh");
        tokens.parse("access");
        tokens.parse("untyped");
        assertThrows(ParseException.class, () -> tokens.parse("id-token"));
        assertThrows(ParseException.class, () -> tokens.parse("id-token"));
        assertThrows(ParseException.class, () -> tokens.parse("refresh"));
        assertEquals(2, tokens.remembered());
    }

    /** Stands for the extension's parser: verifies by the table above and counts what it was asked. */
    private JWTParser verifier() {
        return (JWTParser) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{JWTParser.class},
                (proxy, method, args) -> {
                    String text = (String) args[0];
                    verifiedTexts.add(text);
                    Long expiry = valid.get(text);
                    if (expiry == null || expiry * 1000 <= now.get()) {
                        throw new ParseException("not verified: " + text);
                    }
                    return token(expiry, types.get(text));
                });
    }

    private static JsonWebToken token(long expiry, String type) {
        return (JsonWebToken) Proxy.newProxyInstance(VerifiedTokensTest.class.getClassLoader(),
                new Class<?>[]{JsonWebToken.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getExpirationTime" -> expiry;
                    case "getGroups" -> Set.of();
                    case "getClaim" -> "typ".equals(args[0]) ? type : null;
                    default -> null;
                });
    }
}
