package io.rectification.tasks.leadership;

import io.rectification.platform.rest.NoContactDetails;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The leading group as a notice describes it: who is 第一责任人 and who sits in the group as
 * 组长/副组长/成员, by position (党工委书记…) and, for staff, name. Exactly one LEADER.
 */
@Schema(description = "The leading group: exactly one member has the role LEADER (组长).")
public record LeadingGroupInput(@NotNull @Valid Person firstResponsible,
                                @NotEmpty @Size(max = 100) List<@NotNull @Valid Member> members) {

    /** A position (职务) and, optionally, the staff member holding it. */
    public record Person(@NotBlank @Size(max = 200) @NoContactDetails String position, @Size(max = 100) String name) {
    }

    public record Member(@NotNull LeadingGroupRole role, @NotBlank @Size(max = 200) @NoContactDetails String position,
                         @Size(max = 100) String name) {
    }
}
