package io.rectification.tasks.area;

import io.quarkus.panache.common.Sort;
import io.rectification.platform.error.ApiException;
import io.rectification.platform.rest.PageOf;
import io.rectification.tasks.inspection.InspectionService;
import io.rectification.platform.rest.Versions;
import io.rectification.platform.contract.TasksEvent;
import io.rectification.platform.events.EventPublisher;
import io.rectification.platform.time.InstantText;
import io.rectification.tasks.support.Cancellation;
import io.rectification.tasks.support.LedgerEvents;
import io.rectification.tasks.rollup.ProgressRollup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class AreaService {

    static final String AGGREGATE = "Area";

    private final LedgerEvents events;
    private final InspectionService inspections;
    private final ProgressRollup rollup;
    private final Clock clock;
    private final InstantText instants;

    public AreaService(LedgerEvents events, InspectionService inspections, ProgressRollup rollup, Clock clock,
                       InstantText instants) {
        this.clock = clock;
        this.instants = instants;
        this.events = events;
        this.inspections = inspections;
        this.rollup = rollup;
    }

    public AreaView registerArea(UUID inspectionId, AreaInput input) {
        inspections.requireInspection(inspectionId);
        int number = (int) FeedbackArea.count("inspectionId", inspectionId) + 1;
        return toView(registerAreas(inspectionId, List.of(new NewArea(number, input))).get(0), 0);
    }

    /** An area to register under a number the caller has settled (a plan's rows are numbered by their place). */
    public record NewArea(int number, AreaInput input) {
    }

    /**
     * Registers areas of one inspection in a fixed number of statements however many there are: inserted in
     * JDBC batches, then published and audited together. A new area has no tasks yet: its progress is 0.
     */
    public List<FeedbackArea> registerAreas(UUID inspectionId, List<NewArea> newAreas) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<FeedbackArea> created = new ArrayList<>(newAreas.size());
        for (NewArea newArea : newAreas) {
            FeedbackArea area = new FeedbackArea();
            area.id = UUID.randomUUID();
            area.inspectionId = inspectionId;
            area.number = newArea.number();
            area.title = newArea.input().title().strip();
            area.createdAt = now;
            area.persist();
            created.add(area);
        }
        FeedbackArea.flush();
        events.publishAll(created.stream().map(area -> {
            AreaView view = toView(area, 0);
            return new EventPublisher.Change(AGGREGATE, area.id.toString(), area.version,
                    new TasksEvent.AreaRegistered(view.published()), view);
        }).toList());
        return created;
    }

    public AreaView replaceArea(UUID id, long expectedVersion, AreaInput input) {
        FeedbackArea area = changing(id, expectedVersion);
        if (area.title.equals(input.title().strip())) {
            return toView(area); // an edit that changes nothing is no change: no event, the same version
        }
        area.title = input.title().strip();
        area.persistAndFlush();
        AreaView view = toView(area);
        events.publish(AGGREGATE, area.id, area.version, new TasksEvent.AreaUpdated(view.published()), view);
        return view;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AreaView findAreaById(UUID id) {
        return toView(requireEntity(id));
    }

    /**
     * The inspection's areas; those cancelled (撤销) only with {@code includeCancelled}, the list being what
     * stands.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<AreaView> listAreas(UUID inspectionId, boolean includeCancelled, int page, int size) {
        inspections.requireInspection(inspectionId);
        var query = FeedbackArea.<FeedbackArea>find("inspectionId = ?1"
                + (includeCancelled ? "" : " and cancellation.at is null"),
                Sort.by("number"), inspectionId);
        List<FeedbackArea> areas = query.page(page, size).list();
        Map<UUID, Integer> percents = rollup.percentOfAreas(areas.stream().map(a -> a.id).toList());
        return new PageOf<>(areas.stream().map(a -> toView(a, percents.get(a.id))).toList(), page, size, query.count());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FeedbackArea requireEntity(UUID id) {
        return FeedbackArea.<FeedbackArea>findByIdOptional(id).orElseThrow(() -> ApiException.notFound("area", id));
    }

    /**
     * The area a command changes or adds to (a problem registered under it): 404, then 409 with
     * {@code cancelledAt} once the office cancelled it (撤销), since nothing is added to or changed in what
     * was entered by mistake.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public FeedbackArea requireStanding(UUID id) {
        FeedbackArea area = requireEntity(id);
        Cancellation.requireStanding("area " + id, area.cancellation, area.version, instants);
        return area;
    }

    /** The area a change based on {@code expectedVersion} is made to: {@link #requireStanding}, then If-Match (412). */
    public FeedbackArea changing(UUID id, long expectedVersion) {
        FeedbackArea area = requireStanding(id);
        Versions.check(expectedVersion, area.version, "area " + id);
        return area;
    }

    /**
     * 撤销: the area cancelled by {@code canceller} (its problems and their tasks already were, each with its
     * own event: the caller's part), published as AreaCancelled and audited with the reason.
     */
    public AreaView cancel(FeedbackArea area, String reason, String canceller) {
        area.cancellation = Cancellation.of(reason, canceller, OffsetDateTime.now(clock));
        area.persistAndFlush();
        AreaView view = toView(area);
        events.publish(AGGREGATE, area.id, area.version, new TasksEvent.AreaCancelled(view.published()), view);
        return view;
    }

    AreaView toView(FeedbackArea area) {
        return toView(area, rollup.percentOfArea(area.id));
    }

    private static AreaView toView(FeedbackArea area, int percentComplete) {
        return new AreaView(area.id, area.version, area.inspectionId, area.number, area.title, percentComplete,
                Cancellation.View.of(area.cancellation));
    }
}
