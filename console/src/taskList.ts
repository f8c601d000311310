import type { TaskSnapshot } from '@/api/types'
import { standingRejection } from '@/rejections'

export type TaskListFilter = 'open' | 'attention' | 'all'

const CLOSED = new Set(['VERIFIED', 'CONSOLIDATING'])

/**
 * The officer's list: not yet closed, or needing attention (overdue, a report missing, or a claim rejected and not yet
 * answered: 被驳回); by deadline, then number.
 */
export function tasksToShow(tasks: readonly TaskSnapshot[], filter: TaskListFilter): TaskSnapshot[] {
  const chosen = tasks.filter((t) => {
    if (filter === 'open') return !CLOSED.has(t.state)
    if (filter === 'attention') return !CLOSED.has(t.state) && (t.overdue || t.progressReportMissing || standingRejection(t) !== null)
    return true
  })
  return [...chosen].sort((a, b) => a.deadline.localeCompare(b.deadline) || a.number - b.number)
}
