package io.rectification.platform.testing;

import io.restassured.RestAssured;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** The headers every service sends (docs/security.md, Hardening), checked on one protected path. */
public final class SecurityHeaders {

    /** An origin every service's quarkus.http.cors.origins lists. */
    static final String ALLOWED_ORIGIN = "http://127.0.0.1:8183";

    private SecurityHeaders() {
    }

    /** Even a refusal carries the security headers, and CORS answers only configured origins. */
    public static void verify(String protectedPath) {
        RestAssured.given().get(protectedPath)
                .then().statusCode(401)
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
        RestAssured.given().header("Origin", ALLOWED_ORIGIN).header("Access-Control-Request-Method", "GET")
                .options(protectedPath)
                .then().header("Access-Control-Allow-Origin", equalTo(ALLOWED_ORIGIN));
        RestAssured.given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .options(protectedPath)
                .then().header("Access-Control-Allow-Origin", nullValue());
    }
}
