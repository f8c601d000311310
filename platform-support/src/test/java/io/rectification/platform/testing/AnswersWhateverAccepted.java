package io.rectification.platform.testing;

import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * A client's {@code Accept} chooses the body of a success, never which refusal it is told (docs/security.md,
 * Hardening; platform {@code error.OutcomeFirst}). Whether it takes only HTML (a browser's address bar),
 * only XML, only an image, or sends an {@code Accept} that is no media type at all: a read without a token is
 * 401, an unknown id 404 and a malformed one 400 naming it, each as the problem (the page of it for a
 * client asking for HTML first), where they were all 406; a success it cannot take stays 406, a problem too.
 */
public final class AnswersWhateverAccepted {

    /** What a client may send in Accept that the services' JSON operations do not answer, and no media type. */
    static final List<String> ACCEPTS = List.of("text/html", "application/xml", "image/png");
    static final String NO_MEDIA_TYPE = "<script>alert(1)</script>";

    private AnswersWhateverAccepted() {
    }

    /**
     * @param protectedRead a JSON read that needs a token ({@code token} may call it)
     * @param unknownId     a JSON read of an id nothing has
     * @param malformedId   the same read of an id that is none, refused 400 naming {@code idField}
     */
    public static void verify(String token, String protectedRead, String unknownId, String malformedId, String idField) {
        for (String accept : ACCEPTS) {
            boolean page = accept.equals("text/html");
            problem(RestAssured.given().accept(accept).get(protectedRead), 401, page)
                    .header("WWW-Authenticate", startsWith("Bearer"));
            problem(as(token).accept(accept).get(unknownId), 404, page);
            ValidatableResponse malformed = problem(as(token).accept(accept).get(malformedId), 400, page);
            if (!page) {
                malformed.body("errors[0].field", equalTo(idField));
            }
            problem(as(token).accept(accept).get(protectedRead), 406, page).header("ETag", nullValue());
        }
        // a header that names no media type says nothing: answered as if none were sent
        problem(RestAssured.given().header("Accept", NO_MEDIA_TYPE).get(protectedRead), 401, false);
        problem(as(token).header("Accept", NO_MEDIA_TYPE).get(malformedId), 400, false);
        as(token).header("Accept", NO_MEDIA_TYPE).get(protectedRead).then().statusCode(200);
    }

    private static ValidatableResponse problem(io.restassured.response.Response answer, int status, boolean page) {
        ValidatableResponse then = answer.then().statusCode(status);
        return page ? then.contentType(startsWith("text/html")).body(containsString(String.valueOf(status)))
                : then.contentType(startsWith("application/problem+json")).body("status", equalTo(status));
    }

    private static RequestSpecification as(String token) {
        return RestAssured.given().header("Authorization", "Bearer " + token);
    }
}
