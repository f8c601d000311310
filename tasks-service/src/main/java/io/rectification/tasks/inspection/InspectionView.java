package io.rectification.tasks.inspection;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An inspection as the API shows it (also the data of InspectionRegistered and InspectionUpdated). */
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
}
