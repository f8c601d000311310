package io.rectification.tasks.area;

import io.quarkus.panache.common.Sort;
import io.rectification.platform.problem.ProblemException;
import io.rectification.platform.rest.PageOf;
import io.rectification.tasks.inspection.InspectionService;
import io.rectification.platform.rest.Versions;
import io.rectification.tasks.support.LedgerEvents;
import io.rectification.tasks.task.Rollup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class AreaService {

    static final String AGGREGATE = "Area";

    private final LedgerEvents events;
    private final InspectionService inspections;
    private final Rollup rollup;

    public AreaService(LedgerEvents events, InspectionService inspections, Rollup rollup) {
        this.events = events;
        this.inspections = inspections;
        this.rollup = rollup;
    }

    public AreaView registerArea(UUID inspectionId, AreaInput input) {
        inspections.requireInspection(inspectionId);
        FeedbackArea area = new FeedbackArea();
        area.id = UUID.randomUUID();
        area.inspectionId = inspectionId;
        area.number = (int) FeedbackArea.count("inspectionId", inspectionId) + 1;
        area.title = input.title().strip();
        area.createdAt = OffsetDateTime.now();
        area.persistAndFlush();
        AreaView view = toView(area);
        events.publish(AGGREGATE, area.id, area.version, "AreaRegistered", Map.of("area", view), view);
        return view;
    }

    public AreaView replaceArea(UUID id, long expectedVersion, AreaInput input) {
        FeedbackArea area = requireEntity(id);
        Versions.check(expectedVersion, area.version, "area " + id);
        area.title = input.title().strip();
        area.persistAndFlush();
        AreaView view = toView(area);
        events.publish(AGGREGATE, area.id, area.version, "AreaUpdated", Map.of("area", view), view);
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
        return new PageOf<>(query.page(page, size).list().stream().map(this::toView).toList(), page, size, query.count());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FeedbackArea requireEntity(UUID id) {
        return FeedbackArea.<FeedbackArea>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("area", id));
    }

    AreaView toView(FeedbackArea area) {
        return new AreaView(area.id, area.version, area.inspectionId, area.number, area.title,
                rollup.percentOfArea(area.id));
    }
}
