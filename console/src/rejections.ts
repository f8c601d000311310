import type { AuditEntry } from '@/api/types'

export interface Rejection {
  id: number
  actor: string
  at: string
  /** The supervisor's reason; tasks-service's audit entry does not carry it yet (null then). */
  reason: string | null
  kind: 'rejected' | 'reopened'
}

/** The rejections of completion and the reopenings in a task's audit trail, newest first. */
export function rejectionsOf(entries: readonly AuditEntry[]): Rejection[] {
  return entries
    .filter((e) => e.action === 'TaskCompletionRejected' || e.action === 'TaskReopened')
    .map((e) => ({
      id: e.id,
      actor: e.actor,
      at: e.at,
      reason: typeof e.after?.reason === 'string' && e.after.reason.trim() !== '' ? e.after.reason : null,
      kind: e.action === 'TaskReopened' ? 'reopened' as const : 'rejected' as const,
    }))
    .sort((a, b) => b.at.localeCompare(a.at))
}
