package io.rectification.feedback.intake;

import io.rectification.platform.error.ErrorBody;
import io.rectification.platform.error.ApiException;

import java.util.List;

/** Refusals on public endpoints, in the submitter's language. */
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
}
