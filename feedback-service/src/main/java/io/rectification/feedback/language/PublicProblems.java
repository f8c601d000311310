package io.rectification.feedback.language;

import io.rectification.platform.error.ErrorBody;
import io.rectification.platform.error.ApiException;

import java.util.List;
import java.util.UUID;

/** Refusals on public endpoints, in the asker's language. */
public final class PublicProblems {

    private PublicProblems() {
    }

    public static ApiException invalid(Language language, List<ErrorBody.FieldError> errors) {
        String detail = Messages.get(language, "invalid.detail") + " "
                + String.join(" ", errors.stream().map(ErrorBody.FieldError::inDetail).toList());
        return new ApiException(400, Messages.get(language, "invalid.title"), detail, errors);
    }

    public static ApiException notFound(Language language, String key, Object... args) {
        return new ApiException(404, Messages.get(language, "notFound.title"), Messages.get(language, key, args));
    }

    /** 404 for a publication that does not exist: the form's reads and its submission alike. */
    public static ApiException unknownPublication(Language language, UUID id) {
        return notFound(language, "publication.notFound", id);
    }
}
