package io.rectification.tasks.followup;

import io.rectification.platform.contract.TasksEvent;
import io.rectification.tasks.task.TaskEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;

/**
 * The one emitter loop of every follow-up: each notice a check finds is claimed ({@link FollowUpNotices})
 * and, when this call claimed it, published as a task event in the same transaction, so it goes out
 * once even with several instances running. Like every task event it moves the task's version: the
 * snapshot now says overdue (or missing, or due), and a consumer ordering snapshots by version must
 * not take it for the previous one.
 */
@ApplicationScoped
public class FollowUps {

    private final FollowUpNotices notices;
    private final TaskEvents events;

    public FollowUps(FollowUpNotices notices, TaskEvents events) {
        this.notices = notices;
        this.events = events;
    }

    /** @return how many events were appended */
    @Transactional
    public int emit(FollowUpCheck check, OffsetDateTime now) {
        int emitted = 0;
        for (FollowUpNotice notice : check.dueAt(now)) {
            if (notices.claim(notice.key(), notice.task().id, notice.eventType())) {
                events.publish(notice.task(), notice.event());
                emitted++;
            }
        }
        return emitted;
    }
}
