package io.rectification.tasks.leadership;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rectification.platform.contract.TasksEvent;
import io.rectification.platform.error.ApiException;
import io.rectification.platform.rest.Versions;
import io.rectification.tasks.inspection.InspectionService;
import io.rectification.tasks.support.LedgerEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class LeadingGroupService {

    static final String AGGREGATE = "LeadingGroup";
    private static final TypeReference<List<LeadingGroupInput.Member>> MEMBERS = new TypeReference<>() {
    };

    private final LedgerEvents events;
    private final InspectionService inspections;
    private final ObjectMapper json;
    private final Clock clock;

    public LeadingGroupService(LedgerEvents events, InspectionService inspections, ObjectMapper json, Clock clock) {
        this.events = events;
        this.inspections = inspections;
        this.json = json;
        this.clock = clock;
    }

    /** Sets the group, or replaces it (then If-Match must carry its version). */
    public LeadingGroupView set(UUID inspectionId, Long expectedVersion, LeadingGroupInput input) {
        inspections.requireInspection(inspectionId);
        long leaders = input.members().stream().filter(m -> m.role() == LeadingGroupRole.LEADER).count();
        if (leaders != 1) {
            throw ApiException.badRequest("members", "a leading group has exactly one LEADER (组长); this one has " + leaders);
        }
        LeadingGroup group = LeadingGroup.<LeadingGroup>findByIdOptional(inspectionId).orElse(null);
        if (group == null) {
            group = new LeadingGroup();
            group.inspectionId = inspectionId;
            group.id = UUID.randomUUID();
        } else if (expectedVersion == null) {
            throw new ApiException(428, "Precondition required",
                    "the leading group is set: send If-Match with the ETag of the version this change is based on");
        } else {
            Versions.check(expectedVersion, group.version, "leading group of inspection " + inspectionId);
        }
        group.firstResponsiblePosition = input.firstResponsible().position().strip();
        group.firstResponsibleName = input.firstResponsible().name();
        group.members = write(input.members().stream().map(m -> new LeadingGroupInput.Member(m.role(),
                m.position().strip(), m.name())).toList());
        group.updatedAt = OffsetDateTime.now(clock);
        group.persistAndFlush();
        LeadingGroupView view = toView(group);
        events.publish(AGGREGATE, group.id, group.version, new TasksEvent.LeadingGroupSet(view.published()), view);
        return view;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<LeadingGroupView> of(UUID inspectionId) {
        inspections.requireInspection(inspectionId);
        return LeadingGroup.<LeadingGroup>findByIdOptional(inspectionId).map(this::toView);
    }

    private LeadingGroupView toView(LeadingGroup group) {
        try {
            return new LeadingGroupView(group.id, group.inspectionId, group.version,
                    new LeadingGroupInput.Person(group.firstResponsiblePosition, group.firstResponsibleName),
                    json.readValue(group.members, MEMBERS), group.updatedAt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("leading group of " + group.inspectionId + " is not readable", e);
        }
    }

    private String write(List<LeadingGroupInput.Member> members) {
        try {
            return json.writeValueAsString(members);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
