import type { AuditEntry, DeadlineChange, Decision, TaskSnapshot } from '@/api/types'

/** The states of a task being worked on (整改中, 再整改), as the platform's TaskStates.OWING_REPORTS. */
const WORKED_ON = new Set(['IN_PROGRESS', 'REOPENED'])

/** a is a later instant than b (compared as instants: older events wrote Z, newer +08:00). */
function later(a: string | null | undefined, b: string): boolean {
  return a !== null && a !== undefined && Date.parse(a) > Date.parse(b)
}

/** A decision in the task's history: a claim rejected, a close-out reopened, or the deadline moved. */
export interface Rejection {
  id: string
  actor: string
  at: string
  /** Why (null for entries written before tasks-service kept reasons, and for an earlier deadline moved without one). */
  reason: string | null
  kind: 'rejected' | 'reopened' | 'deadline'
  /** For a deadline moved: from which date to which. */
  from?: string
  to?: string
  /** A deadline set by a look-back's reopening (再整改完成时限): its reason is the reopening's findings, shown there. */
  byReopen?: boolean
}

function reasonIn(decision: unknown): string | null {
  const reason = (decision as Partial<Decision> | null | undefined)?.reason
  return typeof reason === 'string' && reason.trim() !== '' ? reason : null
}

function deadlineMove(id: string, change: DeadlineChange): Rejection {
  return { id, actor: change.by, at: change.at, reason: reasonIn(change), kind: 'deadline', from: change.from, to: change.to }
}

/** The move a reopening made (再整改 sets the rework's deadline): made at the reopening's instant. */
function movedByReopen(change: DeadlineChange | null | undefined, reopen: unknown): change is DeadlineChange {
  const at = (reopen as Partial<Decision> | null | undefined)?.at
  return !!change && typeof at === 'string' && Date.parse(change.at) === Date.parse(at)
}

/** The latest rejection, reopening and deadline move the task itself carries: everyone who may read the task sees why. */
export function latestDecisionsOf(task: Pick<TaskSnapshot, 'lastRejection' | 'lastReopen'>
  & Partial<Pick<TaskSnapshot, 'lastDeadlineChange'>>): Rejection[] {
  const found: Rejection[] = []
  if (task.lastDeadlineChange) {
    found.push({ ...deadlineMove('latest-deadline', task.lastDeadlineChange), byReopen: movedByReopen(task.lastDeadlineChange, task.lastReopen) })
  }
  if (task.lastRejection) {
    found.push({ id: 'latest-rejection', actor: task.lastRejection.by, at: task.lastRejection.at,
      reason: reasonIn(task.lastRejection), kind: 'rejected' })
  }
  if (task.lastReopen) {
    found.push({ id: 'latest-reopen', actor: task.lastReopen.by, at: task.lastReopen.at,
      reason: reasonIn(task.lastReopen), kind: 'reopened' })
  }
  return found.sort(newestFirst)
}

/** Newest first; the deadline a reopening set just after that reopening. */
function newestFirst(a: Rejection, b: Rejection): number {
  return b.at.localeCompare(a.at) || Number(a.byReopen ?? false) - Number(b.byReopen ?? false)
}

/**
 * Every rejection of completion, reopening and deadline move in a task's audit trail (open to the
 * office and the supervisors), newest first; the reason is in the entry's snapshot (lastRejection /
 * lastReopen / lastDeadlineChange), or, in older entries, nowhere.
 */
export function rejectionsOf(entries: readonly AuditEntry[]): Rejection[] {
  return entries
    .filter((e) => e.action === 'TaskCompletionRejected' || e.action === 'TaskReopened' || e.action === 'TaskDeadlineChanged')
    .flatMap((e): Rejection[] => {
      const moved = e.after?.lastDeadlineChange as DeadlineChange | null | undefined
      if (e.action === 'TaskDeadlineChanged') {
        return [moved ? { ...deadlineMove(String(e.id), moved), actor: e.actor, at: e.at }
          : { id: String(e.id), actor: e.actor, at: e.at, reason: null, kind: 'deadline' }]
      }
      const reopened = e.action === 'TaskReopened'
      const decision: Rejection = {
        id: String(e.id),
        actor: e.actor,
        at: e.at,
        reason: reasonIn(reopened ? e.after?.lastReopen : e.after?.lastRejection),
        kind: reopened ? 'reopened' : 'rejected',
      }
      // a reopening sets the rework's deadline (entries before 2026-12-06 kept the old one, and move nothing)
      return reopened && movedByReopen(moved, e.after?.lastReopen)
        ? [decision, { ...deadlineMove(`${e.id}-deadline`, moved), actor: e.actor, at: e.at, byReopen: true }]
        : [decision]
    })
    .sort(newestFirst)
}

/** How a history entry reads: 销号申请被驳回：…, 回头看后再整改：…, 完成时限调整：2024年9月30日 → 2024年12月5日（理由）. */
export function decisionTitle(r: Rejection, formatDate: (date: string) => string): string {
  if (r.kind === 'deadline') {
    const moved = r.from && r.to ? `${formatDate(r.from)} → ${formatDate(r.to)}` : '（日期未留存）'
    if (r.byReopen) return `再整改完成时限：${moved}`
    return `完成时限调整：${moved}${r.reason ? `，理由：${r.reason}` : ''}`
  }
  return `${r.kind === 'reopened' ? '回头看后再整改' : '销号申请被驳回'}：${r.reason ?? '（此记录早于理由留存，未含理由）'}`
}

/**
 * The rejected claim its unit has still to answer (被驳回): the latest rejection while the task is being worked on
 * again, with no progress report, no claim withdrawn and no close-out reopened since. A new claim waiting or
 * verified leaves the states worked on. reporting-service's 待办 CLAIM_REJECTED (销号申请被驳回) follows the same rule.
 */
export function standingRejection(task: Pick<TaskSnapshot, 'state' | 'lastRejection' | 'lastProgressReportAt'>
  & Partial<Pick<TaskSnapshot, 'lastWithdrawal' | 'lastReopen'>>): Decision | null {
  const rejection = task.lastRejection
  if (!rejection || !WORKED_ON.has(task.state)) return null
  const answered = later(task.lastProgressReportAt, rejection.at) || later(task.lastWithdrawal?.at, rejection.at)
    || later(task.lastReopen?.at, rejection.at)
  return answered ? null : rejection
}
