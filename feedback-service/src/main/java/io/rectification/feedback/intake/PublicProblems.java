package io.rectification.feedback.intake;

import io.rectification.platform.problem.Problem;
import io.rectification.platform.problem.ProblemException;

import java.util.List;

/** Refusals on public endpoints, in the submitter's language. */
public final class PublicProblems {

    private PublicProblems() {
    }

    public static ProblemException invalid(Language language, List<Problem.FieldError> errors) {
        String detail = Messages.get(language, "invalid.detail") + " "
                + String.join(" ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
        return new ProblemException(400, Messages.get(language, "invalid.title"), detail, errors);
    }

    public static ProblemException notFound(Language language, String key, Object... args) {
        return new ProblemException(404, Messages.get(language, "notFound.title"), Messages.get(language, key, args));
    }
}
