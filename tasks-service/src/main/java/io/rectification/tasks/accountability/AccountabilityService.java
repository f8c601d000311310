package io.rectification.tasks.accountability;

import io.quarkus.hibernate.orm.panache.Panache;
import io.rectification.platform.contract.TasksEvent;
import io.rectification.platform.error.ApiException;
import io.rectification.platform.rest.Versions;
import io.rectification.platform.time.InstantText;
import io.rectification.tasks.inspection.InspectionService;
import io.rectification.tasks.problem.Problem;
import io.rectification.tasks.support.Cancellation;
import io.rectification.tasks.support.LedgerEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Records accountability outcomes and recovered funds, and corrects or withdraws either; every record,
 * correction and withdrawal takes one path ({@link #save}): inspection and problem checked, stored,
 * published and audited together.
 */
@ApplicationScoped
@Transactional
public class AccountabilityService {

    /** How a kind of record is shown and announced. */
    private record Publishing<E, V>(String aggregate, Function<E, V> view, Function<V, TasksEvent> event) {
    }

    /** A kind of record: its entity, and its name in errors. */
    private record Kind<E>(Class<E> type, String name) {
    }

    private static final Kind<AccountabilityOutcome> OUTCOME = new Kind<>(AccountabilityOutcome.class, "accountability outcome");
    private static final Kind<RecoveredFunds> FUNDS = new Kind<>(RecoveredFunds.class, "recovered funds");

    private static final Publishing<AccountabilityOutcome, AccountabilityViews.Outcome> OUTCOME_RECORDED =
            new Publishing<>("AccountabilityOutcome", AccountabilityViews.Outcome::of,
                    view -> new TasksEvent.AccountabilityOutcomeRecorded(view.published()));
    private static final Publishing<AccountabilityOutcome, AccountabilityViews.Outcome> OUTCOME_CORRECTED =
            new Publishing<>("AccountabilityOutcome", AccountabilityViews.Outcome::of,
                    view -> new TasksEvent.AccountabilityOutcomeCorrected(view.published()));
    private static final Publishing<RecoveredFunds, AccountabilityViews.Funds> FUNDS_RECORDED =
            new Publishing<>("RecoveredFunds", AccountabilityViews.Funds::of,
                    view -> new TasksEvent.FundsRecovered(view.published()));
    private static final Publishing<RecoveredFunds, AccountabilityViews.Funds> FUNDS_CORRECTED =
            new Publishing<>("RecoveredFunds", AccountabilityViews.Funds::of,
                    view -> new TasksEvent.RecoveredFundsCorrected(view.published()));
    private static final Publishing<AccountabilityOutcome, AccountabilityViews.Outcome> OUTCOME_WITHDRAWN =
            new Publishing<>("AccountabilityOutcome", AccountabilityViews.Outcome::of,
                    view -> new TasksEvent.AccountabilityOutcomeWithdrawn(view.published()));
    private static final Publishing<RecoveredFunds, AccountabilityViews.Funds> FUNDS_WITHDRAWN =
            new Publishing<>("RecoveredFunds", AccountabilityViews.Funds::of,
                    view -> new TasksEvent.RecoveredFundsWithdrawn(view.published()));

    private final LedgerEvents events;
    private final InspectionService inspections;
    private final Clock clock;
    private final InstantText instants;

    public AccountabilityService(LedgerEvents events, InspectionService inspections, Clock clock, InstantText instants) {
        this.events = events;
        this.inspections = inspections;
        this.clock = clock;
        this.instants = instants;
    }

    public AccountabilityViews.Outcome recordOutcome(UUID inspectionId, AccountabilityInputs.Outcome input) {
        return save(inspectionId, input.problemId(), "problemId", new AccountabilityOutcome(), outcome -> outcome.take(input),
                OUTCOME_RECORDED);
    }

    public AccountabilityViews.Funds recordFunds(UUID inspectionId, AccountabilityInputs.Funds input) {
        return save(inspectionId, input.problemId(), "problemId", new RecoveredFunds(), funds -> funds.take(input), FUNDS_RECORDED);
    }

    /** The outcome as it should read, based on the version {@code expectedVersion} (412 when it moved). */
    public AccountabilityViews.Outcome correctOutcome(UUID inspectionId, UUID outcomeId, long expectedVersion,
                                                      AccountabilityInputs.OutcomeCorrection correction) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return correct(inspectionId, OUTCOME, outcomeId, expectedVersion, correction.outcome().problemId(),
                "outcome.problemId", o -> o.correct(correction.outcome(), correction.reason(), now), OUTCOME_CORRECTED);
    }

    /** The recovered-funds entry as it should read, based on the version {@code expectedVersion} (412 when it moved). */
    public AccountabilityViews.Funds correctFunds(UUID inspectionId, UUID fundsId, long expectedVersion,
                                                  AccountabilityInputs.FundsCorrection correction) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return correct(inspectionId, FUNDS, fundsId, expectedVersion, correction.funds().problemId(),
                "funds.problemId", f -> f.correct(correction.funds(), correction.reason(), now), FUNDS_CORRECTED);
    }

    /** Withdraws the outcome (撤销登记) by {@code withdrawer}, based on {@code expectedVersion}; 409 when already withdrawn. */
    public AccountabilityViews.Outcome withdrawOutcome(UUID inspectionId, UUID outcomeId, long expectedVersion,
                                                       String reason, String withdrawer) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        AccountabilityOutcome outcome = changing(inspectionId, OUTCOME, outcomeId, expectedVersion);
        return save(inspectionId, outcome.problemId, "problemId", outcome, o -> o.withdraw(reason, withdrawer, now),
                OUTCOME_WITHDRAWN);
    }

    /** Withdraws the recovered-funds entry, as {@link #withdrawOutcome}. */
    public AccountabilityViews.Funds withdrawFunds(UUID inspectionId, UUID fundsId, long expectedVersion, String reason,
                                                   String withdrawer) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        RecoveredFunds funds = changing(inspectionId, FUNDS, fundsId, expectedVersion);
        return save(inspectionId, funds.problemId, "problemId", funds, f -> f.withdraw(reason, withdrawer, now),
                FUNDS_WITHDRAWN);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AccountabilityViews.Outcome outcome(UUID inspectionId, UUID outcomeId) {
        inspections.requireInspection(inspectionId);
        return AccountabilityViews.Outcome.of(recordOf(inspectionId, OUTCOME, outcomeId, LockModeType.NONE));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AccountabilityViews.Funds funds(UUID inspectionId, UUID fundsId) {
        inspections.requireInspection(inspectionId);
        return AccountabilityViews.Funds.of(recordOf(inspectionId, FUNDS, fundsId, LockModeType.NONE));
    }

    /** The one path of every correction: the record as {@link #changing} gives it, then saved as a record is. */
    private <E extends AccountabilityRecord, V> V correct(UUID inspectionId, Kind<E> kind, UUID id,
                                                                             long expectedVersion, UUID problemId,
                                                                             String problemField, Consumer<E> change,
                                                                             Publishing<E, V> publishing) {
        return save(inspectionId, problemId, problemField, changing(inspectionId, kind, id, expectedVersion), change,
                publishing);
    }

    /**
     * The record a correction or withdrawal changes: looked up under a lock, so that two changes based on
     * the same version cannot both pass the check; a withdrawn record changes no more (409, said before a
     * stale If-Match: reloading would not help), then If-Match is checked against its version (412).
     */
    private <E extends AccountabilityRecord> E changing(UUID inspectionId, Kind<E> kind, UUID id, long expectedVersion) {
        inspections.requireInspection(inspectionId);
        E record = recordOf(inspectionId, kind, id, LockModeType.PESSIMISTIC_WRITE);
        if (record.withdrawal != null) {
            // in the service's time zone, as every other time it states (+08:00, not the database's UTC)
            OffsetDateTime at = instants.at(record.withdrawal.at.toInstant());
            throw ApiException.conflict(kind.name() + " " + id + " was withdrawn (撤销登记) by " + record.withdrawal.by
                            + " at " + instants.format(at) + ": a withdrawn record is neither corrected nor withdrawn again")
                    .with("state", RecordState.WITHDRAWN.name()).with("withdrawnAt", at)
                    .with("currentVersion", record.version());
        }
        Versions.check(expectedVersion, record.version(), kind.name() + " " + id);
        return record;
    }

    /** The inspection's record of that id (404 for another inspection's), read under {@code lock}. */
    private static <E extends AccountabilityRecord> E recordOf(UUID inspectionId, Kind<E> kind,
                                                                                  UUID id, LockModeType lock) {
        return Optional.ofNullable(Panache.getEntityManager().find(kind.type(), id, lock))
                .filter(found -> found.inspectionId.equals(inspectionId))
                .orElseThrow(() -> ApiException.notFound(kind.name() + " of inspection " + inspectionId, id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AccountabilityViews.Summary summary(UUID inspectionId) {
        inspections.requireInspection(inspectionId);
        List<AccountabilityViews.Outcome> outcomes = AccountabilityOutcome.<AccountabilityOutcome>list(
                "inspectionId = ?1 order by decidedOn, createdAt", inspectionId).stream()
                .map(AccountabilityViews.Outcome::of).toList();
        List<AccountabilityViews.Funds> funds = RecoveredFunds.<RecoveredFunds>list(
                "inspectionId = ?1 order by recordedOn, createdAt", inspectionId).stream()
                .map(AccountabilityViews.Funds::of).toList();
        Map<AccountabilityKind, Integer> people = new EnumMap<>(AccountabilityKind.class);
        outcomes.stream().filter(AccountabilityViews.Outcome::counts).forEach(o -> people.merge(o.kind(), o.people(), Integer::sum));
        Map<FundsKind, BigDecimal> wanYuan = new EnumMap<>(FundsKind.class);
        funds.stream().filter(AccountabilityViews.Funds::counts).forEach(f -> wanYuan.merge(f.kind(), f.amountWanYuan(), BigDecimal::add));
        return new AccountabilityViews.Summary(inspectionId, outcomes, funds, people,
                people.values().stream().mapToInt(Integer::intValue).sum(), wanYuan);
    }

    /**
     * The one path of every record and correction: the inspection and the problem (named in errors as
     * {@code problemField}) checked, the
     * record (new ones opened first) changed by {@code change}, stored, and its event and audit entry
     * published with its view.
     */
    private <E extends AccountabilityRecord, V> V save(UUID inspectionId, UUID problemId, String problemField,
                                                                          E record, Consumer<E> change,
                                                                          Publishing<E, V> publishing) {
        inspections.requireInspection(inspectionId);
        UUID problem = problemOf(inspectionId, problemId, problemField);
        if (record.id == null) {
            record.open(inspectionId, OffsetDateTime.now(clock));
        }
        record.concern(problem);
        change.accept(record);
        record.persist();
        V view = publishing.view().apply(record);
        events.publish(publishing.aggregate(), record.id, record.version(), publishing.event().apply(view), view);
        return view;
    }

    /**
     * A record may concern one problem, which must then be the inspection's (400 naming {@code field}) and
     * stand (409 once the office cancelled it, 撤销: a problem entered by mistake is accountable for nothing).
     */
    private UUID problemOf(UUID inspectionId, UUID problemId, String field) {
        if (problemId == null) {
            return null;
        }
        Problem problem = Problem.findById(problemId);
        if (problem == null || !problem.inspectionId.equals(inspectionId)) {
            throw ApiException.badRequest(field, "not a problem of inspection " + inspectionId + ": " + problemId);
        }
        if (problem.cancellation != null) {
            throw Cancellation.refusal("problem " + problemId + " (" + field + ")", problem.cancellation, instants)
                    .with("field", field);
        }
        return problemId;
    }
}
