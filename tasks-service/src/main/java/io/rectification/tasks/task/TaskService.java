package io.rectification.tasks.task;

import io.rectification.platform.contract.TasksEvent;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.rectification.platform.error.ApiException;
import io.rectification.platform.error.ErrorBody.FieldError;
import io.rectification.platform.rest.PageOf;
import io.rectification.tasks.inspection.Inspection;
import io.rectification.tasks.problem.Problem;
import io.rectification.tasks.problem.ProblemService;
import io.rectification.tasks.support.Cancellation;
import io.rectification.tasks.support.SortSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Creating, changing and finding rectification tasks (their lifecycle is in {@link TaskTransitionService}). */
@ApplicationScoped
@Transactional
public class TaskService {

    static final Map<String, String> SORTABLE = Map.ofEntries(
            Map.entry("number", "number"), Map.entry("title", "title"), Map.entry("deadline", "deadline"),
            Map.entry("state", "state"), Map.entry("kind", "kind"), Map.entry("percentComplete", "percentComplete"),
            Map.entry("responsibleUnit", "responsibleUnit"), Map.entry("leadOfficial", "leadOfficial"),
            Map.entry("createdAt", "createdAt"), Map.entry("updatedAt", "updatedAt"), Map.entry("claimedAt", "claimedAt"));

    private final ProblemService problems;
    private final TaskEvents events;
    private final TaskSnapshots snapshots;
    private final TaskGuard guard;
    private final TaskWork work;
    private final Clock clock;
    private final TaskListCache listCache;

    public TaskService(ProblemService problems, TaskEvents events, TaskSnapshots snapshots, TaskGuard guard,
                       TaskWork work, Clock clock, TaskListCache listCache) {
        this.listCache = listCache;
        this.guard = guard;
        this.work = work;
        this.problems = problems;
        this.events = events;
        this.snapshots = snapshots;
        this.clock = clock;
    }

    public TaskSnapshot createTask(UUID problemId, TaskInput input) {
        Problem problem = problems.requireStanding(problemId);
        Inspection inspection = Inspection.findById(problem.inspectionId);
        List<FieldError> errors = TaskRules.check(input, inspection.onSiteFrom, "");
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return createCheckedTask(problem, input);
    }

    /** Creates a task whose input already passed {@link TaskRules}, numbered next in its problem. */
    public TaskSnapshot createCheckedTask(Problem problem, TaskInput input) {
        int number = (int) RectificationTask.count("problemId", problem.id) + 1;
        return createCheckedTasks(List.of(new NewTask(problem, number, input))).get(0);
    }

    /** A task whose input already passed {@link TaskRules}, under a number the caller has settled. */
    public record NewTask(Problem problem, int number, TaskInput input) {
    }

    /**
     * Creates tasks with their stage goals and indicators in a fixed number of statements however many
     * there are (a plan import creates thousands): inserted in JDBC batches, then published and audited
     * together ({@link TaskEvents#publishNew}).
     */
    public List<TaskSnapshot> createCheckedTasks(List<NewTask> newTasks) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<RectificationTask> created = new ArrayList<>(newTasks.size());
        Map<UUID, List<RecordedValue>> initialValues = new HashMap<>();
        for (NewTask newTask : newTasks) {
            TaskInput input = newTask.input();
            RectificationTask task = new RectificationTask();
            task.id = UUID.randomUUID();
            task.inspectionId = newTask.problem().inspectionId;
            task.areaId = newTask.problem().areaId;
            task.problemId = newTask.problem().id;
            task.number = newTask.number();
            task.title = input.title().strip();
            task.measures = input.measures();
            task.progressNarrative = input.progressNarrative();
            task.leadOfficial = input.leadOfficial().strip();
            task.responsiblePerson = input.responsiblePerson().strip();
            task.responsibleUnit = input.responsibleUnit().strip();
            task.deadline = input.deadline();
            task.kind = input.kind();
            task.state = TaskState.PLANNED;
            task.reportingCadence = input.reportingCadence();
            task.requireIndicatorsMet = Boolean.TRUE.equals(input.requireIndicatorsMet());
            task.createdAt = now;
            task.updatedAt = now;
            // TaskCreated is version 0 and each first indicator value's IndicatorRecorded the next, as every
            // task event moves the version: the task is stored at the last of them, written once.
            task.version = input.indicatorsOrEmpty().stream().filter(IndicatorInput::statesActual).count();
            task.editedVersion = task.version;
            task.persist();
            initialValues.put(task.id, work.plan(task, input, now));
            created.add(task);
        }
        return events.publishNew(created, initialValues);
    }

    /** PUT: every editable field; {@code editor} is the token holder, named on a deadline's move. */
    public TaskSnapshot replaceTask(UUID id, long expectedVersion, TaskUpdate update, String editor) {
        RectificationTask task = guard.load(id, expectedVersion, LifecycleRule.ANY_STATE);
        Optional<DeadlineMove> move = DeadlineMove.of(task.deadline, update.deadline(), update.deadlineChangeReason());
        checkScheduling(task, update.deadline(), update.kind(), move);
        EditedFields before = EditedFields.of(task);
        task.title = update.title().strip();
        task.measures = update.measures();
        task.progressNarrative = update.progressNarrative();
        task.leadOfficial = update.leadOfficial().strip();
        task.responsiblePerson = update.responsiblePerson().strip();
        task.responsibleUnit = update.responsibleUnit().strip();
        task.deadline = update.deadline();
        task.kind = update.kind();
        task.reportingCadence = update.reportingCadence();
        task.requireIndicatorsMet = Boolean.TRUE.equals(update.requireIndicatorsMet());
        return publishEdit(task, before, move, editor);
    }

    /** PATCH: the fields present; {@code editor} is the token holder, named on a deadline's move. */
    public TaskSnapshot patchTask(UUID id, long expectedVersion, TaskPatch patch, String editor) {
        RectificationTask task = guard.load(id, expectedVersion, LifecycleRule.ANY_STATE);
        Optional<DeadlineMove> move = DeadlineMove.of(task.deadline, patch.deadline(), patch.deadlineChangeReason());
        checkScheduling(task, patch.deadline() != null ? patch.deadline() : task.deadline,
                patch.kind() != null ? patch.kind() : task.kind, move);
        EditedFields before = EditedFields.of(task);
        if (patch.title() != null) task.title = patch.title().strip();
        if (patch.measures() != null) task.measures = patch.measures();
        if (patch.progressNarrative() != null) task.progressNarrative = patch.progressNarrative();
        if (patch.leadOfficial() != null) task.leadOfficial = patch.leadOfficial().strip();
        if (patch.responsiblePerson() != null) task.responsiblePerson = patch.responsiblePerson().strip();
        if (patch.responsibleUnit() != null) task.responsibleUnit = patch.responsibleUnit().strip();
        if (patch.deadline() != null) task.deadline = patch.deadline();
        if (patch.kind() != null) task.kind = patch.kind();
        if (patch.reportingCadence() != null) task.reportingCadence = patch.reportingCadence();
        if (patch.requireIndicatorsMet() != null) task.requireIndicatorsMet = patch.requireIndicatorsMet();
        return publishEdit(task, before, move, editor);
    }

    /**
     * The deadline alone moved to {@code to} by {@code editor}, under the rules and with the event of an
     * edit's move (an approved deadline extension request, {@link DeadlineExtensions}): the same 400s
     * (a later one without a reason, a date before the on-site start), TaskDeadlineChanged, lastDeadlineChange.
     */
    TaskSnapshot moveDeadline(RectificationTask task, LocalDate to, String reason, String editor) {
        Optional<DeadlineMove> move = DeadlineMove.of(task.deadline, to, reason);
        checkScheduling(task, to, task.kind, move);
        EditedFields before = EditedFields.of(task);
        task.deadline = to;
        return publishEdit(task, before, move, editor);
    }

    /**
     * An edit that moved the deadline is TaskDeadlineChanged (the unit's officers are told, the task
     * keeps the move), any other TaskUpdated; either carries every field the edit changed. An edit that
     * changed none of them ({@code before}) is no change: no event, and the version stays.
     */
    private TaskSnapshot publishEdit(RectificationTask task, EditedFields before, Optional<DeadlineMove> move,
                                     String editor) {
        if (move.isEmpty() && EditedFields.of(task).equals(before)) {
            return snapshots.of(task);
        }
        if (move.isEmpty()) {
            return events.publish(task, TasksEvent.TaskUpdated::new);
        }
        DeadlineMove moved = move.get();
        task.deadlineMoved(moved.from(), moved.reason(), editor, OffsetDateTime.now(clock));
        return events.publish(task, s -> new TasksEvent.TaskDeadlineChanged(s, moved.from(), moved.reason()));
    }

    private void checkScheduling(RectificationTask task, LocalDate deadline, TaskKind kind, Optional<DeadlineMove> move) {
        TaskLifecycle.requireKindHolds(kind, task.state);
        Inspection inspection = Inspection.findById(task.inspectionId);
        List<FieldError> errors = new ArrayList<>(TaskRules.checkDeadline(deadline, inspection.onSiteFrom, "deadline"));
        move.flatMap(DeadlineMove::refusal).ifPresent(errors::add);
        if (kind == TaskKind.LONG_TERM && snapshots.partsOf(task).milestones().isEmpty()) {
            errors.add(new FieldError("kind", "a LONG_TERM task needs at least one stage goal; add milestones first"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TaskSnapshot findTaskById(UUID id) {
        return snapshots.of(requireEntity(id));
    }

    /** The tasks of a problem that exists: an unknown problem is a 404, not an empty list. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<TaskSnapshot> listTasksOfProblem(UUID problemId, boolean includeCancelled, String sort, int page, int size) {
        problems.requireEntity(problemId);
        return listTasks(new TaskFilter(null, null, problemId, null, null, null, null, null, null, includeCancelled),
                sort, page, size);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<TaskSnapshot> listTasks(TaskFilter filter, String sort, int page, int size) {
        return listCache.page(new TaskListCache.Key(filter, sort, page, size), now -> readTasks(filter, sort, page, size, now));
    }

    private TaskListCache.Read readTasks(TaskFilter filter, String sort, int page, int size, OffsetDateTime now) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        add(where, params, "inspectionId", filter.inspectionId());
        add(where, params, "areaId", filter.areaId());
        add(where, params, "problemId", filter.problemId());
        add(where, params, "state", filter.state());
        add(where, params, "kind", filter.kind());
        add(where, params, "responsibleUnit", filter.responsibleUnit());
        add(where, params, "leadOfficial", filter.leadOfficial());
        if (!filter.includeCancelled()) {
            where.add(Cancellation.standing("t"));
        }
        if (filter.lookBackDueBy() != null) {
            where.add("(state = io.rectification.tasks.task.TaskState.VERIFIED and lookBackDue <= :lookBackDueBy)");
            params.and("lookBackDueBy", filter.lookBackDueBy());
        }
        if (filter.overdue() != null) {
            where.add(filter.overdue() ? Overdue.where("t") : "not " + Overdue.where("t"));
            Overdue.on(now.toLocalDate()).map().forEach(params::and);
        }
        Sort order = SortSpec.parse(sort, SORTABLE, Sort.by("deadline").and("number"));
        var query = where.isEmpty() ? RectificationTask.<RectificationTask>findAll(order)
                : RectificationTask.<RectificationTask>find("from RectificationTask t where " + String.join(" and ", where), order, params);
        List<RectificationTask> found = query.page(page, size).list();
        return new TaskListCache.Read(new PageOf<>(snapshots.of(found, now), page, size, query.count()),
                snapshots.heldUntil(found, now));
    }

    private static void add(List<String> where, Parameters params, String attribute, Object value) {
        if (value != null) {
            where.add(attribute + " = :" + attribute);
            params.and(attribute, value);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RectificationTask requireEntity(UUID id) {
        return guard.find(id);
    }
}
