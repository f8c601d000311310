package io.rectification.tasks;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.security.VerifiedTokens;
import io.rectification.platform.testing.TestTokens;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The token validator goes through the remembered verifications, and a token once good does not vouch for a forged twin. */
@QuarkusTest
class TokenVerificationTest {

    @Inject
    JWTParser parser;

    @Test
    void aForgedTwinOfARememberedTokenIsRefused() {
        assertInstanceOf(VerifiedTokens.class, parser);
        String token = TestTokens.allStaff("token-twin");
        given().auth().oauth2(token).when().get("/inspections").then().statusCode(200);
        given().auth().oauth2(token).when().get("/inspections").then().statusCode(200);

        int dot = token.lastIndexOf('.');
        String signature = token.substring(dot + 1);
        char last = signature.charAt(0) == 'A' ? 'B' : 'A';
        String forged = token.substring(0, dot + 1) + last + signature.substring(1);
        given().auth().oauth2(forged).when().get("/inspections").then().statusCode(401);

        String[] parts = token.split("\\.");
        String otherClaims = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "fQ." + parts[2];
        given().auth().oauth2(otherClaims).when().get("/inspections").then().statusCode(401);
    }
}
