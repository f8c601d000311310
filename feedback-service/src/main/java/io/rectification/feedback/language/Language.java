package io.rectification.feedback.language;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import java.util.List;
import java.util.Locale;

/**
 * The language refusals are written in for the public: Chinese unless the client prefers English.
 * In a package of its own with {@link Messages} and {@link PublicProblems}: the intake, the
 * publications' public reads, tracking and Open311 all answer the public in it, and intake reads
 * publications, so it can live in neither.
 */
public enum Language {
    ZH, EN;

    /** The first of zh / en in the client's Accept-Language order; Chinese when neither is asked for. */
    public static Language of(HttpHeaders headers) {
        if (headers == null) {
            return ZH;
        }
        try {
            return of(headers.getAcceptableLanguages());
        } catch (RuntimeException malformedHeader) {
            return ZH;
        }
    }

    /** As {@link #of(HttpHeaders)}, from the request's acceptable languages (a filter's request context gives them). */
    public static Language of(ContainerRequestContext request) {
        try {
            return of(request.getAcceptableLanguages());
        } catch (RuntimeException malformedHeader) {
            return ZH;
        }
    }

    private static Language of(List<Locale> acceptable) {
        for (Locale locale : acceptable) {
            String language = locale.getLanguage().toLowerCase(Locale.ROOT);
            if (language.equals("zh")) {
                return ZH;
            }
            if (language.equals("en")) {
                return EN;
            }
        }
        return ZH;
    }
}
