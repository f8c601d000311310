package io.rectification.platform.error;

/** ErrorBody type URIs: stable identifiers a client can switch on, documented in docs/errors.md. */
public final class ErrorTypes {

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
}
