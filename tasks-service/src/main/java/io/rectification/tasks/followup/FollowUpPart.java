package io.rectification.tasks.followup;

import io.rectification.tasks.task.RectificationTask;
import io.rectification.tasks.task.TaskEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One part of a follow-up run, committed on its own: each notice claimed ({@link FollowUpNotices})
 * and, when this transaction claimed it, its event appended, together, so a part that fails leaves
 * neither claims nor events behind and the next run publishes its notices. The transaction takes
 * the audit chain's lock before its first claim, as every writer of this service does
 * ({@code AuditLockFirst}), and holds it for this part only.
 */
@ApplicationScoped
public class FollowUpPart {

    private final FollowUpNotices notices;
    private final TaskEvents events;

    public FollowUpPart(FollowUpNotices notices, TaskEvents events) {
        this.notices = notices;
        this.events = events;
    }

    /** @return how many events were appended */
    @Transactional
    public int publish(List<FollowUpNotice.Due> part) {
        // the part's tasks as they are now (loaded in one query): another change since the check is in
        // the snapshot, and the event moves the current version (but not the edited one: TaskEvents)
        Map<UUID, RectificationTask> tasks = RectificationTask.<RectificationTask>list("id in ?1",
                        part.stream().map(FollowUpNotice.Due::taskId).distinct().toList())
                .stream().collect(Collectors.toMap(task -> task.id, Function.identity()));
        int emitted = 0;
        for (FollowUpNotice.Due due : part) {
            RectificationTask task = tasks.get(due.taskId());
            // a task cancelled (撤销) since the check is due nothing
            if (task != null && !task.cancelled() && notices.claim(due.key(), due.taskId(), due.eventType())) {
                events.publishNotice(task, due.event());
                emitted++;
            }
        }
        return emitted;
    }
}
