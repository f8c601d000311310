package io.rectification.tasks.followup;

import java.time.OffsetDateTime;
import java.util.List;

/** One kind of follow-up (overdue, missing progress report, look-back due): the notices due at {@code now}. */
public interface FollowUpCheck {

    /** @param now the instant of the check; its date in the organisation's zone is "today" */
    List<FollowUpNotice> dueAt(OffsetDateTime now);
}
