package io.rectification.platform.error;

/**
 * ErrorBody type URIs: stable identifiers a client can switch on, documented in docs/errors.md; and
 * the titles of the problems answered from a bare status.
 */
public final class ErrorTypes {

    /** The one title of every 404: the services' own (ApiException.notFound), the router's and the gateway's. */
    public static final String NOT_FOUND = "Not found";

    private ErrorTypes() {
    }

    public static String forStatus(int status) {
        return switch (status) {
            case 400 -> "/problems/invalid-request";
            case 401 -> "/problems/unauthenticated";
            case 403 -> "/problems/forbidden";
            case 404 -> "/problems/not-found";
            case 405 -> "/problems/method-not-allowed";
            case 406 -> "/problems/not-acceptable";
            case 409 -> "/problems/conflict";
            case 410 -> "/problems/gone";
            case 412 -> "/problems/stale-version";
            case 413 -> "/problems/too-large";
            case 414 -> "/problems/request-line-too-long";
            case 415 -> "/problems/unsupported-media-type";
            case 422 -> "/problems/unprocessable";
            case 428 -> "/problems/version-required";
            case 429 -> "/problems/too-many-requests";
            case 501 -> "/problems/not-implemented";
            default -> status >= 500 ? "/problems/internal-error" : "about:blank";
        };
    }

    /**
     * The title of a problem answered from a bare status (the router's 404 for a path it does not know,
     * its 405, 406, 415), worded as the services' own refusals and the gateway's are, not as the HTTP
     * reason phrase ("Not Found"): a client or a test sees one title per status whoever refused.
     */
    public static String title(int status, String reasonPhrase) {
        return switch (status) {
            case 404 -> NOT_FOUND;
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 415 -> "Unsupported media type";
            default -> reasonPhrase;
        };
    }
}
