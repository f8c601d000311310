package io.rectification.tasks.inspection;

import io.quarkus.panache.common.Sort;
import io.rectification.platform.contract.TasksEvent;
import io.rectification.platform.error.ApiException;
import io.rectification.platform.rest.PageOf;
import io.rectification.platform.rest.Versions;
import io.rectification.tasks.support.LedgerEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

@ApplicationScoped
@Transactional
public class InspectionService {

    static final String AGGREGATE = "Inspection";

    private final LedgerEvents events;
    private final Clock clock;

    public InspectionService(LedgerEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    public InspectionView registerInspection(InspectionInput input) {
        checkPeriod(input);
        refuseDuplicate(input, null);
        Inspection inspection = new Inspection();
        inspection.id = UUID.randomUUID();
        inspection.createdAt = OffsetDateTime.now(clock);
        apply(inspection, input);
        return announce(inspection, TasksEvent.InspectionRegistered::new);
    }

    public InspectionView replaceInspection(UUID id, long expectedVersion, InspectionInput input) {
        Inspection inspection = Inspection.<Inspection>findByIdOptional(id)
                .orElseThrow(() -> ApiException.notFound("inspection", id));
        Versions.check(expectedVersion, inspection.version, "inspection " + id);
        checkPeriod(input);
        refuseDuplicate(input, id);
        // Deadlines were checked against the on-site start: moving it past one of them would break that rule.
        Long earlier = Inspection.getEntityManager().createQuery("""
                        select count(t) from RectificationTask t where t.inspectionId = :id and t.deadline < :from
                        and t.cancellation.at is null""", Long.class)
                .setParameter("id", id).setParameter("from", input.onSiteFrom()).getSingleResult();
        if (earlier > 0) {
            throw ApiException.badRequest("onSiteFrom", earlier + " task(s) of this inspection are due before "
                    + input.onSiteFrom());
        }
        InspectionView before = InspectionView.of(inspection);
        apply(inspection, input);
        if (InspectionView.of(inspection).equals(before)) {
            return before; // an edit that changes nothing is no change: no event, the same version
        }
        return announce(inspection, TasksEvent.InspectionUpdated::new);
    }

    private static void apply(Inspection inspection, InspectionInput input) {
        inspection.title = input.title().strip();
        inspection.team = input.team().strip();
        inspection.inspectedOrganisation = input.inspectedOrganisation().strip();
        inspection.kind = input.kind();
        inspection.onSiteFrom = input.onSiteFrom();
        inspection.onSiteTo = input.onSiteTo();
        inspection.feedbackDate = input.feedbackDate();
        inspection.declaredAreas = input.declaredAreas();
        inspection.declaredProblems = input.declaredProblems();
        inspection.declaredTasks = input.declaredTasks();
    }

    /**
     * One inspection per team, inspected organisation and on-site period: a second one would split the
     * ledger (and the public report) in two.
     */
    private void refuseDuplicate(InspectionInput input, UUID self) {
        findSame(input).filter(existing -> !existing.id.equals(self)).ifPresent(existing -> {
            throw new ApiException(409, "Duplicate inspection", "inspection " + existing.id + " (" + existing.title
                    + ") already records " + existing.team + " at " + existing.inspectedOrganisation + " on site "
                    + input.onSiteFrom() + " to " + input.onSiteTo())
                    .with("existingInspectionId", existing.id.toString());
        });
    }

    /**
     * The inspection of the same team, organisation and on-site dates, if there is one. The advisory
     * lock (to the end of the transaction) serialises those asking about one such key, so two
     * registrations cannot both find none.
     */
    public Optional<Inspection> findSame(InspectionInput input) {
        String team = input.team().strip();
        String organisation = input.inspectedOrganisation().strip();
        Inspection.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext(?1))) AS locked")
                .setParameter(1, "inspection|" + team + "|" + organisation + "|" + input.onSiteFrom() + "|" + input.onSiteTo())
                .getSingleResult();
        return Inspection.<Inspection>find("team = ?1 and inspectedOrganisation = ?2 and onSiteFrom = ?3 and onSiteTo = ?4 order by createdAt",
                team, organisation, input.onSiteFrom(), input.onSiteTo()).stream().findFirst();
    }

    /** Stores the change, then publishes and audits it, in this transaction. */
    private InspectionView announce(Inspection inspection,
                                    Function<TasksEvent.InspectionSnapshot, TasksEvent.InspectionChange> event) {
        inspection.persistAndFlush();
        InspectionView view = InspectionView.of(inspection);
        events.publish(AGGREGATE, inspection.id, inspection.version, event.apply(view.published()), view);
        return view;
    }

    private static void checkPeriod(InspectionInput input) {
        if (input.onSiteTo().isBefore(input.onSiteFrom())) {
            throw ApiException.badRequest("onSiteTo", "must not be before onSiteFrom (" + input.onSiteFrom() + ")");
        }
        if (input.feedbackDate() != null && input.feedbackDate().isBefore(input.onSiteFrom())) {
            throw ApiException.badRequest("feedbackDate", "must not be before onSiteFrom (" + input.onSiteFrom() + ")");
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<InspectionView> findInspectionById(UUID id) {
        return Inspection.<Inspection>findByIdOptional(id).map(InspectionView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<InspectionView> listInspections(int page, int size) {
        var query = Inspection.<Inspection>findAll(Sort.descending("onSiteFrom").and("id"));
        return new PageOf<>(query.page(page, size).stream().map(InspectionView::of).toList(), page, size, query.count());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public InspectionView requireInspection(UUID id) {
        return findInspectionById(id).orElseThrow(() -> ApiException.notFound("inspection", id));
    }
}
