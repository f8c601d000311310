package io.rectification.feedback.open311;

import io.quarkus.panache.common.Sort;
import io.rectification.feedback.publication.Publication;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The publications open for feedback at a moment, as the choices of the publication_id attribute. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Open311Publications {

    /** Newest window first; the window decides to the second, as it does for a submission. */
    public List<Open311Services.Value> openAt(Instant now) {
        return Publication.<Publication>find("windowStart <= ?1 and windowEnd >= ?2",
                        Sort.descending("windowStart").and("id"), now.atOffset(ZoneOffset.UTC),
                        now.minusSeconds(1).atOffset(ZoneOffset.UTC))
                .stream().filter(p -> p.window().contains(now))
                .map(p -> new Open311Services.Value(p.id.toString(), p.title)).toList();
    }
}
