package io.rectification.feedback.language;

import io.rectification.feedback.ledger.PartOf;
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

    /**
     * An area or task named ({@code field}) that is not of the publication's inspection, by the one rule of every
     * link (ledger.PartOf, which triage answers in staff's words): another inspection's is 400; one not heard of
     * here 422 with {@code retryAfterSeconds}, as for staff (registered a moment ago in tasks-service, or not at
     * all: the form offers only what is known here, so its own choices never meet this).
     */
    public static ApiException notThisInspectionsPart(Language language, String field, PartOf part) {
        if (part == PartOf.UNKNOWN) {
            ErrorBody.FieldError error = new ErrorBody.FieldError(field, Messages.get(language, "link.unknown"));
            return new ApiException(422, Messages.get(language, "link.unknown.title"), error.inDetail(), List.of(error))
                    .with("retryAfterSeconds", PartOf.RETRY_AFTER_SECONDS);
        }
        return invalid(language, List.of(new ErrorBody.FieldError(field, Messages.get(language, "link.otherInspection"))));
    }

    /**
     * A task named beside an area it is not under (ledger.PartOf#requireUnder, which triage and staff's intake
     * answer in staff's words): 400 naming taskId. The form offers each area's own measures, so its choices meet
     * this only when altered or sent by another client.
     */
    public static ApiException taskNotUnderArea(Language language) {
        return invalid(language, List.of(new ErrorBody.FieldError("taskId", Messages.get(language, "link.otherArea"))));
    }

    /** 404 for a publication that does not exist: the form's reads and its submission alike. */
    public static ApiException unknownPublication(Language language, UUID id) {
        return notFound(language, "publication.notFound", id);
    }
}
