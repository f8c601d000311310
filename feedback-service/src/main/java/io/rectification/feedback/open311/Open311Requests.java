package io.rectification.feedback.open311;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.rectification.feedback.feedback.Feedback;
import io.rectification.feedback.feedback.TrackingCodes;
import io.rectification.feedback.language.Language;
import io.rectification.feedback.language.Messages;
import io.rectification.platform.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Feedback as GeoReport service requests. The service_request_id is the tracking code, and each
 * request shows what the tracking page shows: status, the published answer, dates. Never the
 * text a member of the public wrote (it may name people) and never contact details.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Open311Requests {

    /** A list of ids is a list of tracking codes, each a secret of its own: few per call. */
    static final int MAX_IDS = 50;

    /** The requests with these tracking codes, in the order asked; unknown codes are left out. */
    public List<Open311Resource.Request> byIds(String ids, Language language) {
        List<String> codes = new ArrayList<>();
        for (String typed : ids.split(",")) {
            if (typed.isBlank()) {
                continue;
            }
            String code = TrackingCodes.normalise(typed);
            if (code == null) {
                throw ApiException.badRequest("service_request_id", "'" + typed.strip() + "': "
                        + Messages.get(language, "code.invalid"));
            }
            codes.add(code);
        }
        if (codes.isEmpty() || codes.size() > MAX_IDS) {
            throw ApiException.badRequest("service_request_id", Messages.get(language, "open311.ids", MAX_IDS));
        }
        List<Feedback> found = Feedback.<Feedback>list("trackingCode in ?1", codes);
        return codes.stream().distinct()
                .flatMap(code -> found.stream().filter(f -> f.trackingCode.equals(code)).findFirst().stream())
                .map(Open311Requests::of).toList();
    }

    /** The requests {@code apiClient} submitted that match the search, newest first. */
    public List<Open311Resource.Request> search(String apiClient, Open311Search search) {
        StringBuilder where = new StringBuilder(
                "apiClient = :client and receivedAt >= :start and receivedAt <= :end and status in :statuses");
        Parameters parameters = Parameters.with("client", apiClient)
                .and("start", search.start().atOffset(ZoneOffset.UTC))
                .and("end", search.end().atOffset(ZoneOffset.UTC))
                .and("statuses", search.statuses());
        if (search.service() != null) {
            where.append(" and category = :category");
            parameters.and("category", search.service().category);
        }
        return Feedback.<Feedback>find(where.toString(), Sort.descending("receivedAt").and("id"), parameters)
                .page(search.page() - 1, search.pageSize()).list().stream().map(Open311Requests::of).toList();
    }

    static Open311Resource.Request of(Feedback feedback) {
        Feedback answering = feedback.answering();
        Open311Services service = feedback.category == null ? null
                : Open311Services.byCategory(feedback.category).orElse(null);
        return new Open311Resource.Request(TrackingCodes.display(feedback.trackingCode),
                Open311Search.closed(feedback.status) ? "closed" : "open",
                answering.answeredAt == null ? null : answering.answer,
                service == null ? null : service.serviceName, service == null ? null : service.code,
                null, null, feedback.receivedAt, feedback.lastChangedAt(),
                feedback.replyDueAt);
    }
}
