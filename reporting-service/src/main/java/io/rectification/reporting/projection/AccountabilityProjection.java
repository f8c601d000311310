package io.rectification.reporting.projection;

import io.rectification.platform.contract.TasksEvent;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.reporting.support.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The leading group and the accountability figures of each inspection: what section 一 of the report
 * and its problems say about 第一责任人, 整改工作领导小组, 问责 and 追回/挽回. Withdrawn records (撤销登记) are
 * kept, marked, and left out of every figure (AccountabilityQueries).
 */
@ApplicationScoped
// as the other projections: a failure must not doom a rebuild's transaction
@Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = RuntimeException.class)
public class AccountabilityProjection {

    private final Sql sql;

    public AccountabilityProjection(Sql sql) {
        this.sql = sql;
    }

    public void leadingGroup(EventEnvelope event, TasksEvent.LeadingGroupSnapshot group) {
        Required.member(group, event.type(), "leadingGroup");
        sql.update("""
                INSERT INTO rm_leading_group (inspection_id, version, data) VALUES (?, ?, CAST(? AS jsonb))
                ON CONFLICT (inspection_id) DO UPDATE SET version = EXCLUDED.version, data = EXCLUDED.data
                WHERE rm_leading_group.version <= EXCLUDED.version""",
                Required.member(group.inspectionId(), event.type(), "leadingGroup.inspectionId"),
                Versions.of(event, group.version()), SnapshotText.of(event, "leadingGroup", group));
    }

    /**
     * Recorded, corrected or withdrawn: the newest version of the record wins, whatever order the events
     * come in; a withdrawn one stays (its version keeps older ones out) with {@code withdrawn} set.
     */
    public void outcome(EventEnvelope event, TasksEvent.AccountabilityOutcomeSnapshot outcome, boolean withdrawn) {
        Required.member(outcome, event.type(), "outcome");
        sql.update("""
                INSERT INTO rm_accountability_outcome (id, version, inspection_id, problem_id, kind, people, decided_on, source,
                    withdrawn)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, problem_id = EXCLUDED.problem_id,
                    kind = EXCLUDED.kind, people = EXCLUDED.people, decided_on = EXCLUDED.decided_on, source = EXCLUDED.source,
                    withdrawn = EXCLUDED.withdrawn
                WHERE rm_accountability_outcome.version < EXCLUDED.version""",
                Required.member(outcome.id(), event.type(), "outcome.id"), Versions.of(event, outcome.version()),
                Required.member(outcome.inspectionId(), event.type(), "outcome.inspectionId"), outcome.problemId(),
                Required.member(outcome.kind(), event.type(), "outcome.kind"),
                Required.member(outcome.people(), event.type(), "outcome.people"), outcome.decidedOn(), outcome.source(),
                withdrawn);
    }

    /** Recorded, corrected or withdrawn: as an outcome, the newest version of the entry wins. */
    public void funds(EventEnvelope event, TasksEvent.RecoveredFundsSnapshot funds, boolean withdrawn) {
        Required.member(funds, event.type(), "funds");
        sql.update("""
                INSERT INTO rm_recovered_funds (id, version, inspection_id, problem_id, kind, amount_wan_yuan, recorded_on, source,
                    withdrawn)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, problem_id = EXCLUDED.problem_id,
                    kind = EXCLUDED.kind, amount_wan_yuan = EXCLUDED.amount_wan_yuan, recorded_on = EXCLUDED.recorded_on,
                    source = EXCLUDED.source, withdrawn = EXCLUDED.withdrawn
                WHERE rm_recovered_funds.version < EXCLUDED.version""",
                Required.member(funds.id(), event.type(), "funds.id"), Versions.of(event, funds.version()),
                Required.member(funds.inspectionId(), event.type(), "funds.inspectionId"), funds.problemId(),
                Required.member(funds.kind(), event.type(), "funds.kind"),
                Required.member(funds.amountWanYuan(), event.type(), "funds.amountWanYuan"), funds.recordedOn(),
                funds.source(), withdrawn);
    }
}
