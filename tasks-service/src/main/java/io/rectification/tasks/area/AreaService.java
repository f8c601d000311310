package io.rectification.tasks.area;

import io.quarkus.panache.common.Sort;
import io.rectification.platform.error.ApiException;
import io.rectification.platform.rest.PageOf;
import io.rectification.tasks.inspection.InspectionService;
import io.rectification.platform.rest.Versions;
import io.rectification.platform.contract.TasksEvent;
import io.rectification.platform.events.EventPublisher;
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

    public AreaService(LedgerEvents events, InspectionService inspections, ProgressRollup rollup, Clock clock) {
        this.clock = clock;
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
        FeedbackArea area = requireEntity(id);
        Versions.check(expectedVersion, area.version, "area " + id);
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

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<AreaView> listAreas(UUID inspectionId, int page, int size) {
        inspections.requireInspection(inspectionId);
        var query = FeedbackArea.<FeedbackArea>find("inspectionId", Sort.by("number"), inspectionId);
        List<FeedbackArea> areas = query.page(page, size).list();
        Map<UUID, Integer> percents = rollup.percentOfAreas(areas.stream().map(a -> a.id).toList());
        return new PageOf<>(areas.stream().map(a -> toView(a, percents.get(a.id))).toList(), page, size, query.count());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FeedbackArea requireEntity(UUID id) {
        return FeedbackArea.<FeedbackArea>findByIdOptional(id).orElseThrow(() -> ApiException.notFound("area", id));
    }

    AreaView toView(FeedbackArea area) {
        return toView(area, rollup.percentOfArea(area.id));
    }

    private static AreaView toView(FeedbackArea area, int percentComplete) {
        return new AreaView(area.id, area.version, area.inspectionId, area.number, area.title, percentComplete);
    }
}
