package io.rectification.tasks.accountability;

import io.rectification.platform.contract.TasksEvent;
import io.rectification.platform.error.ApiException;
import io.rectification.tasks.inspection.InspectionService;
import io.rectification.tasks.problem.Problem;
import io.rectification.tasks.support.LedgerEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Records accountability outcomes and recovered funds; each record is fixed once made (version 1). */
@ApplicationScoped
@Transactional
public class AccountabilityService {

    private final LedgerEvents events;
    private final InspectionService inspections;
    private final Clock clock;

    public AccountabilityService(LedgerEvents events, InspectionService inspections, Clock clock) {
        this.events = events;
        this.inspections = inspections;
        this.clock = clock;
    }

    public AccountabilityViews.Outcome recordOutcome(UUID inspectionId, AccountabilityInputs.Outcome input) {
        inspections.requireInspection(inspectionId);
        AccountabilityOutcome outcome = new AccountabilityOutcome();
        outcome.id = UUID.randomUUID();
        outcome.inspectionId = inspectionId;
        outcome.problemId = problemOf(inspectionId, input.problemId());
        outcome.kind = input.kind();
        outcome.people = input.people();
        outcome.decidedOn = input.decidedOn();
        outcome.source = input.source().strip();
        outcome.createdAt = OffsetDateTime.now(clock);
        outcome.persist();
        AccountabilityViews.Outcome view = AccountabilityViews.Outcome.of(outcome);
        events.publish("AccountabilityOutcome", outcome.id, 1,
                new TasksEvent.AccountabilityOutcomeRecorded(view.published()), view);
        return view;
    }

    public AccountabilityViews.Funds recordFunds(UUID inspectionId, AccountabilityInputs.Funds input) {
        inspections.requireInspection(inspectionId);
        RecoveredFunds funds = new RecoveredFunds();
        funds.id = UUID.randomUUID();
        funds.inspectionId = inspectionId;
        funds.problemId = problemOf(inspectionId, input.problemId());
        funds.kind = input.kind();
        funds.amountWanYuan = input.amountWanYuan();
        funds.recordedOn = input.recordedOn();
        funds.source = input.source().strip();
        funds.createdAt = OffsetDateTime.now(clock);
        funds.persist();
        AccountabilityViews.Funds view = AccountabilityViews.Funds.of(funds);
        events.publish("RecoveredFunds", funds.id, 1, new TasksEvent.FundsRecovered(view.published()), view);
        return view;
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
        outcomes.forEach(o -> people.merge(o.kind(), o.people(), Integer::sum));
        Map<FundsKind, BigDecimal> wanYuan = new EnumMap<>(FundsKind.class);
        funds.forEach(f -> wanYuan.merge(f.kind(), f.amountWanYuan(), BigDecimal::add));
        return new AccountabilityViews.Summary(inspectionId, outcomes, funds, people,
                people.values().stream().mapToInt(Integer::intValue).sum(), wanYuan);
    }

    /** A record may concern one problem, which must then be the inspection's. */
    private static UUID problemOf(UUID inspectionId, UUID problemId) {
        if (problemId == null) {
            return null;
        }
        Problem problem = Problem.findById(problemId);
        if (problem == null || !problem.inspectionId.equals(inspectionId)) {
            throw ApiException.badRequest("problemId", "not a problem of inspection " + inspectionId + ": " + problemId);
        }
        return problemId;
    }
}
