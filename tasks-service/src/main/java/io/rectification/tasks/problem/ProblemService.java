package io.rectification.tasks.problem;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.rectification.platform.error.ApiException;
import io.rectification.platform.rest.PageOf;
import io.rectification.tasks.area.AreaService;
import io.rectification.tasks.area.FeedbackArea;
import io.rectification.platform.contract.TasksEvent;
import io.rectification.platform.events.EventPublisher;
import io.rectification.platform.time.InstantText;
import io.rectification.tasks.support.Cancellation;
import io.rectification.tasks.support.LedgerEvents;
import io.rectification.tasks.support.SortSpec;
import io.rectification.platform.rest.Versions;
import io.rectification.tasks.rollup.ProgressRollup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class ProblemService {

    static final String AGGREGATE = "Problem";
    static final Map<String, String> SORTABLE = Map.of("number", "number", "title", "title",
            "createdAt", "createdAt", "source", "source");

    private final LedgerEvents events;
    private final AreaService areas;
    private final ProgressRollup rollup;
    private final Clock clock;
    private final InstantText instants;

    public ProblemService(LedgerEvents events, AreaService areas, ProgressRollup rollup, Clock clock,
                          InstantText instants) {
        this.clock = clock;
        this.instants = instants;
        this.events = events;
        this.areas = areas;
        this.rollup = rollup;
    }

    /**
     * Registers a problem staff name directly: an inspection finding (PLAN), one they found themselves
     * (SELF_FOUND), or one found by extending a finding of the same inspection (ANALOGY, 举一反三).
     */
    public ProblemView registerProblem(UUID areaId, ProblemInput input) {
        ProblemSource source = input.source() == null ? ProblemSource.PLAN : input.source();
        if (source != ProblemSource.PLAN && source != ProblemSource.SELF_FOUND && source != ProblemSource.ANALOGY) {
            throw ApiException.badRequest("source", "PLAN, SELF_FOUND or ANALOGY; " + source
                    + " problems come from a look-back review or an escalated feedback");
        }
        FeedbackArea area = areas.requireStanding(areaId);
        Problem extended = extendedFinding(area, input, source);
        return register(area, input, source, null, extended == null ? null : extended.id);
    }

    /**
     * The finding an ANALOGY problem extends: required for it, refused for every other source; one the office
     * cancelled (撤销) is 409 naming the field.
     */
    private Problem extendedFinding(FeedbackArea area, ProblemInput input, ProblemSource source) {
        if (source != ProblemSource.ANALOGY) {
            if (input.extendsProblemId() != null) {
                throw ApiException.badRequest("extendsProblemId", "only a problem of source ANALOGY (举一反三) extends a finding");
            }
            return null;
        }
        if (input.extendsProblemId() == null) {
            throw ApiException.badRequest("extendsProblemId", "a problem of source ANALOGY (举一反三) names the finding it extends");
        }
        Problem extended = Problem.<Problem>findByIdOptional(input.extendsProblemId()).orElse(null);
        if (extended == null || !extended.inspectionId.equals(area.inspectionId) || extended.source != ProblemSource.PLAN) {
            throw ApiException.badRequest("extendsProblemId", "not an inspection finding (source PLAN) of inspection "
                    + area.inspectionId + ": " + input.extendsProblemId());
        }
        if (extended.cancellation != null) {
            // a finding entered by mistake has nothing to extend; the office names the one that stands
            throw Cancellation.refusal("problem " + extended.id + " (extendsProblemId)", extended.cancellation, instants)
                    .with("field", "extendsProblemId");
        }
        return extended;
    }

    /** Registers the next problem of an area; {@code sourceFeedbackId} only for source FEEDBACK. */
    public ProblemView registerProblem(FeedbackArea area, ProblemInput input, ProblemSource source, UUID sourceFeedbackId) {
        return register(area, input, source, sourceFeedbackId, null);
    }

    private ProblemView register(FeedbackArea area, ProblemInput input, ProblemSource source, UUID sourceFeedbackId,
                                 UUID extendsProblemId) {
        int number = (int) Problem.count("areaId", area.id) + 1;
        NewProblem newProblem = new NewProblem(area, number, input, source, sourceFeedbackId, extendsProblemId);
        return toView(registerProblems(List.of(newProblem)).get(0), 0);
    }

    /**
     * A problem to register under a number the caller has settled (a plan's rows are numbered by their place);
     * {@code extendsProblemId} only for a 举一反三 problem.
     */
    public record NewProblem(FeedbackArea area, int number, ProblemInput input, ProblemSource source,
                             UUID sourceFeedbackId, UUID extendsProblemId) {
        public NewProblem(FeedbackArea area, int number, ProblemInput input, ProblemSource source, UUID sourceFeedbackId) {
            this(area, number, input, source, sourceFeedbackId, null);
        }
    }

    /**
     * Registers problems in a fixed number of statements however many there are: inserted in JDBC batches,
     * then published and audited together. A new problem has no tasks yet: its progress is 0.
     */
    public List<Problem> registerProblems(List<NewProblem> newProblems) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Problem> created = new ArrayList<>(newProblems.size());
        for (NewProblem newProblem : newProblems) {
            Problem problem = new Problem();
            problem.id = UUID.randomUUID();
            problem.inspectionId = newProblem.area().inspectionId;
            problem.areaId = newProblem.area().id;
            problem.number = newProblem.number();
            problem.title = newProblem.input().title().strip();
            problem.description = newProblem.input().description();
            problem.source = newProblem.source();
            problem.sourceFeedbackId = newProblem.sourceFeedbackId();
            problem.extendsProblemId = newProblem.extendsProblemId();
            problem.createdAt = now;
            problem.persist();
            created.add(problem);
        }
        Problem.flush();
        events.publishAll(created.stream().map(problem -> {
            ProblemView view = toView(problem, 0);
            return new EventPublisher.Change(AGGREGATE, problem.id.toString(), problem.version,
                    new TasksEvent.ProblemRegistered(view.published()), view);
        }).toList());
        return created;
    }

    public ProblemView replaceProblem(UUID id, long expectedVersion, ProblemInput input) {
        Problem problem = changing(id, expectedVersion);
        if (problem.title.equals(input.title().strip()) && Objects.equals(problem.description, input.description())) {
            return toView(problem); // an edit that changes nothing is no change: no event, the same version
        }
        problem.title = input.title().strip();
        problem.description = input.description();
        problem.persistAndFlush();
        ProblemView view = toView(problem);
        events.publish(AGGREGATE, problem.id, problem.version, new TasksEvent.ProblemUpdated(view.published()), view);
        return view;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ProblemView findProblemById(UUID id) {
        return toView(requireEntity(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ProblemView> findProblemByFeedback(UUID feedbackId) {
        return Problem.<Problem>find("sourceFeedbackId", feedbackId).firstResultOptional().map(this::toView);
    }

    /** The problems of an area that exists: an unknown area is a 404, not an empty list. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<ProblemView> listProblemsOfArea(UUID areaId, boolean includeCancelled, String sort, int page, int size) {
        areas.requireEntity(areaId);
        return listProblems(null, areaId, null, includeCancelled, sort, page, size);
    }

    /** The problems filtered; those cancelled (撤销) only with {@code includeCancelled}, the list being what stands. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<ProblemView> listProblems(UUID inspectionId, UUID areaId, ProblemSource source,
                                            boolean includeCancelled, String sort, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (!includeCancelled) {
            where.add("cancellation.at is null");
        }
        if (inspectionId != null) {
            where.add("inspectionId = :inspectionId");
            params.and("inspectionId", inspectionId);
        }
        if (areaId != null) {
            where.add("areaId = :areaId");
            params.and("areaId", areaId);
        }
        if (source != null) {
            where.add("source = :source");
            params.and("source", source);
        }
        Sort order = SortSpec.parse(sort, SORTABLE, Sort.by("number"));
        var query = where.isEmpty() ? Problem.<Problem>findAll(order)
                : Problem.<Problem>find(String.join(" and ", where), order, params);
        List<Problem> problems = query.page(page, size).list();
        Map<UUID, Integer> percents = rollup.percentOfProblems(problems.stream().map(p -> p.id).toList());
        return new PageOf<>(problems.stream().map(p -> toView(p, percents.get(p.id))).toList(), page, size, query.count());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Problem requireEntity(UUID id) {
        return Problem.<Problem>findByIdOptional(id).orElseThrow(() -> ApiException.notFound("problem", id));
    }

    /**
     * The problem a command changes or adds to (a task created under it, an accountability record naming
     * it): 404, then 409 with {@code cancelledAt} once the office cancelled it (撤销).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Problem requireStanding(UUID id) {
        Problem problem = requireEntity(id);
        Cancellation.requireStanding("problem " + id, problem.cancellation, problem.version, instants);
        return problem;
    }

    /** The problem a change based on {@code expectedVersion} is made to: {@link #requireStanding}, then If-Match (412). */
    public Problem changing(UUID id, long expectedVersion) {
        Problem problem = requireStanding(id);
        Versions.check(expectedVersion, problem.version, "problem " + id);
        return problem;
    }

    /**
     * 撤销: the problem cancelled by {@code canceller} (its tasks already were, each with its own event: the
     * caller's part), published as ProblemCancelled and audited with the reason.
     */
    public ProblemView cancel(Problem problem, String reason, String canceller) {
        problem.cancellation = Cancellation.of(reason, canceller, OffsetDateTime.now(clock));
        problem.persistAndFlush();
        ProblemView view = toView(problem);
        events.publish(AGGREGATE, problem.id, problem.version, new TasksEvent.ProblemCancelled(view.published()), view);
        return view;
    }

    public ProblemView toView(Problem problem) {
        return toView(problem, rollup.percentOfProblem(problem.id));
    }

    private static ProblemView toView(Problem problem, int percentComplete) {
        return new ProblemView(problem.id, problem.version, problem.inspectionId, problem.areaId, problem.number,
                problem.title, problem.description, problem.source, problem.sourceFeedbackId, problem.extendsProblemId,
                percentComplete, Cancellation.View.of(problem.cancellation));
    }
}
