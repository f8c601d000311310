package io.rectification.feedback.intake;

import jakarta.ws.rs.core.HttpHeaders;

import java.util.Locale;

/** The language refusals are written in for the public: Chinese unless the client prefers English. */
public enum Language {
    ZH, EN;

    /** The first of zh / en in the client's Accept-Language order; Chinese when neither is asked for. */
    public static Language of(HttpHeaders headers) {
        if (headers == null) {
            return ZH;
        }
        try {
            for (Locale locale : headers.getAcceptableLanguages()) {
                String language = locale.getLanguage().toLowerCase(Locale.ROOT);
                if (language.equals("zh")) {
                    return ZH;
                }
                if (language.equals("en")) {
                    return EN;
                }
            }
        } catch (RuntimeException malformedHeader) {
            return ZH;
        }
        return ZH;
    }
}
