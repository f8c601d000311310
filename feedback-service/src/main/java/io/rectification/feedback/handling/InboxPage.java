package io.rectification.feedback.handling;

import io.quarkus.panache.common.Parameters;
import io.rectification.feedback.feedback.Feedback;
import jakarta.persistence.TypedQuery;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A page of the inbox and its total as of one moment. Read in two statements, feedback recorded (or moved out of
 * a tab) between them made the two disagree: a page showing one its total does not count, a last page that comes
 * back empty. So the total comes in the statement that picks the page ({@code count(*) over ()} beside each id,
 * counted before the page is cut out), and the page's feedback are then loaded by those ids. Only the ids are
 * windowed: a window over whole rows holds every matching feedback, text and sealed contact columns, in
 * PostgreSQL's tuple store before the first row comes out, on every page read. A page beyond the end has no row to
 * carry the total: it is counted in a statement of its own, and when that count reaches into the page (feedback
 * came in between) the page is read again, up to {@value #READS} times.
 */
record InboxPage(List<Feedback> rows, long total) {

    /** Reads of a page beyond the end before its count is answered as it stands: feedback came in each time. */
    private static final int READS = 3;

    /**
     * {@code from}: JPQL {@code from Feedback f where …} naming {@code parameters}; {@code orderBy} its order by,
     * which must end in a unique key so that pages neither overlap nor leave a gap.
     */
    static InboxPage read(String from, String orderBy, Parameters parameters, int page, int size) {
        long total = 0;
        for (int read = 1; read <= READS; read++) {
            List<Object[]> found = bound(Feedback.getEntityManager()
                    .createQuery("select f.id, count(*) over () " + from + orderBy, Object[].class), parameters)
                    .setFirstResult(page * size).setMaxResults(size).getResultList();
            if (!found.isEmpty()) {
                return new InboxPage(feedbackOf(found.stream().map(row -> (UUID) row[0]).toList()),
                        ((Number) found.get(0)[1]).longValue());
            }
            if (page == 0) {
                return new InboxPage(List.of(), 0);
            }
            total = bound(Feedback.getEntityManager().createQuery("select count(*) " + from, Long.class), parameters)
                    .getSingleResult();
            if (total <= (long) page * size) {
                break;
            }
        }
        return new InboxPage(List.of(), total);
    }

    /** The feedback of {@code ids} in one statement, in the ids' order (the page's). */
    private static List<Feedback> feedbackOf(List<UUID> ids) {
        Map<UUID, Feedback> byId = Feedback.<Feedback>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(f -> f.id, Function.identity()));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private static <T> TypedQuery<T> bound(TypedQuery<T> query, Parameters parameters) {
        parameters.map().forEach(query::setParameter);
        return query;
    }
}
