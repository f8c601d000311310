package io.rectification.tasks.leadership;

import io.rectification.platform.contract.TasksEvent;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The leading group as the API shows it (staff names included); its event carries positions only. */
@Schema(requiredProperties = {"id", "inspectionId", "version", "firstResponsible", "members", "updatedAt"})
public record LeadingGroupView(@Schema(description = "the group's own id: the subject of its LeadingGroupSet events and "
                                       + "its audit trail (GET /audit/LeadingGroup/{id})") UUID id,
                               UUID inspectionId, long version, LeadingGroupInput.Person firstResponsible,
                               List<LeadingGroupInput.Member> members, OffsetDateTime updatedAt) {

    TasksEvent.LeadingGroupSnapshot published() {
        return new TasksEvent.LeadingGroupSnapshot(id, inspectionId, version, firstResponsible.position(),
                members.stream().map(m -> new TasksEvent.LeadingGroupMember(m.role().name(), m.position())).toList());
    }
}
