import type { AuditEntry, Decision, TaskSnapshot } from '@/api/types'

export interface Rejection {
  id: string
  actor: string
  at: string
  /** The supervisor's reason (null only for entries written before tasks-service kept reasons). */
  reason: string | null
  kind: 'rejected' | 'reopened'
}

function reasonIn(decision: unknown): string | null {
  const reason = (decision as Partial<Decision> | null | undefined)?.reason
  return typeof reason === 'string' && reason.trim() !== '' ? reason : null
}

/** The latest rejection and reopening the task itself carries: everyone who may read the task sees why. */
export function latestDecisionsOf(task: Pick<TaskSnapshot, 'lastRejection' | 'lastReopen'>): Rejection[] {
  const found: Rejection[] = []
  if (task.lastRejection) {
    found.push({ id: 'latest-rejection', actor: task.lastRejection.by, at: task.lastRejection.at,
      reason: reasonIn(task.lastRejection), kind: 'rejected' })
  }
  if (task.lastReopen) {
    found.push({ id: 'latest-reopen', actor: task.lastReopen.by, at: task.lastReopen.at,
      reason: reasonIn(task.lastReopen), kind: 'reopened' })
  }
  return found.sort((a, b) => b.at.localeCompare(a.at))
}

/**
 * Every rejection of completion and reopening in a task's audit trail (open to supervisors), newest
 * first; the reason is in the entry's snapshot (lastRejection / lastReopen), or, in older entries, nowhere.
 */
export function rejectionsOf(entries: readonly AuditEntry[]): Rejection[] {
  return entries
    .filter((e) => e.action === 'TaskCompletionRejected' || e.action === 'TaskReopened')
    .map((e) => {
      const reopened = e.action === 'TaskReopened'
      return {
        id: String(e.id),
        actor: e.actor,
        at: e.at,
        reason: reasonIn(reopened ? e.after?.lastReopen : e.after?.lastRejection),
        kind: reopened ? 'reopened' as const : 'rejected' as const,
      }
    })
    .sort((a, b) => b.at.localeCompare(a.at))
}
