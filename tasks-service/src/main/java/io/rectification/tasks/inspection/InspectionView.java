package io.rectification.tasks.inspection;

import io.rectification.platform.contract.TasksEvent;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An inspection as the API shows it (also the data of InspectionRegistered and InspectionUpdated). */
@Schema(requiredProperties = {"id", "version", "title", "team", "inspectedOrganisation", "kind", "onSiteFrom",
        "onSiteTo", "createdAt"})
public record InspectionView(UUID id, long version, String title, String team, String inspectedOrganisation,
                             InspectionKind kind, LocalDate onSiteFrom, LocalDate onSiteTo, LocalDate feedbackDate,
                             Integer declaredAreas, Integer declaredProblems, Integer declaredTasks,
                             OffsetDateTime createdAt) {

    static InspectionView of(Inspection inspection) {
        return new InspectionView(inspection.id, inspection.version, inspection.title, inspection.team,
                inspection.inspectedOrganisation, inspection.kind, inspection.onSiteFrom, inspection.onSiteTo,
                inspection.feedbackDate, inspection.declaredAreas, inspection.declaredProblems,
                inspection.declaredTasks, inspection.createdAt);
    }

    /** As the Inspection events carry it. */
    public TasksEvent.InspectionSnapshot published() {
        return new TasksEvent.InspectionSnapshot(id, version, title, team, inspectedOrganisation, kind.name(),
                onSiteFrom, onSiteTo, feedbackDate, declaredAreas, declaredProblems, declaredTasks, createdAt);
    }
}
