package io.rectification.tasks.work;

import io.rectification.platform.contract.TasksEvent;
import io.quarkus.panache.common.Sort;
import io.rectification.platform.error.ErrorBody.FieldError;
import io.rectification.platform.error.ApiException;
import io.rectification.tasks.task.IndicatorInput;
import io.rectification.tasks.task.LifecycleRule;
import io.rectification.tasks.task.RecordedValue;
import io.rectification.tasks.task.RectificationTask;
import io.rectification.tasks.task.TaskEvents;
import io.rectification.tasks.task.TaskGuard;
import io.rectification.tasks.task.TaskRules;
import io.rectification.tasks.task.TaskSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** 指标: a task's measured figures and the history of their values, each with its source. */
@ApplicationScoped
@Transactional
public class Indicators {

    private final TaskGuard guard;
    private final TaskEvents events;
    private final Clock clock;

    public Indicators(TaskGuard guard, TaskEvents events, Clock clock) {
        this.guard = guard;
        this.events = events;
        this.clock = clock;
    }

    public TaskSnapshot add(UUID taskId, Long expectedVersion, IndicatorInput input, String actor) {
        RectificationTask task = guard.load(taskId, expectedVersion, LifecycleRule.ANY_STATE);
        List<FieldError> errors = TaskRules.checkIndicator(input, "");
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Optional<RecordedValue> first = create(task, input, (int) Indicator.count("taskId", task.id), actor,
                OffsetDateTime.now(clock));
        TaskSnapshot snapshot = events.publish(task, TasksEvent.TaskUpdated::new);
        return first.isEmpty() ? snapshot : events.publish(task, first.get()::published);
    }

    public TaskSnapshot recordValue(UUID taskId, UUID indicatorId, Long expectedVersion, IndicatorValueInput input,
                                    String recordedBy) {
        RectificationTask task = guard.load(taskId, expectedVersion, LifecycleRule.ANY_STATE);
        RecordedValue value = record(require(taskId, indicatorId), input.value(), input.source().strip(), recordedBy,
                OffsetDateTime.now(clock));
        return events.publish(task, value::published);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<IndicatorValueView> history(UUID taskId, UUID indicatorId) {
        require(taskId, indicatorId);
        return IndicatorValue.<IndicatorValue>list("indicatorId", Sort.by("recordedAt"), indicatorId).stream()
                .map(IndicatorValueView::of).toList();
    }

    /** A new indicator, with its first value recorded when the input gives one (then answered). */
    static Optional<RecordedValue> create(RectificationTask task, IndicatorInput input, int position, String actor,
                                          OffsetDateTime at) {
        Indicator indicator = new Indicator();
        indicator.id = UUID.randomUUID();
        indicator.taskId = task.id;
        indicator.position = position;
        indicator.name = input.name().strip();
        indicator.unit = input.unit().strip();
        indicator.baseline = input.baseline();
        indicator.targetKind = input.targetKind();
        indicator.targetValue = input.targetValue();
        indicator.direction = input.direction();
        indicator.persist();
        return input.statesActual()
                ? Optional.of(record(indicator, input.actual(), input.actualSource().strip(), actor, at))
                : Optional.empty();
    }

    private static Indicator require(UUID taskId, UUID indicatorId) {
        return Indicator.<Indicator>find("id = ?1 and taskId = ?2", indicatorId, taskId)
                .firstResultOptional().orElseThrow(() -> ApiException.notFound("indicator", indicatorId));
    }

    private static RecordedValue record(Indicator indicator, BigDecimal amount, String source, String actor,
                                         OffsetDateTime at) {
        IndicatorValue value = new IndicatorValue();
        value.id = UUID.randomUUID();
        value.indicatorId = indicator.id;
        value.value = amount;
        value.source = source;
        value.recordedAt = at;
        value.recordedBy = actor;
        value.persist();
        indicator.latestActual = amount;
        indicator.latestSource = source;
        indicator.latestRecordedAt = value.recordedAt;
        return new RecordedValue(indicator.id, amount, source, value.recordedAt);
    }
}
