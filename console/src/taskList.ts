import type { TaskSnapshot } from '@/api/types'

export type TaskListFilter = 'open' | 'attention' | 'all'

const CLOSED = new Set(['VERIFIED', 'CONSOLIDATING'])

/** The officer's list: not yet closed, or needing attention (overdue or a report missing); by deadline, then number. */
export function tasksToShow(tasks: readonly TaskSnapshot[], filter: TaskListFilter): TaskSnapshot[] {
  const chosen = tasks.filter((t) => {
    if (filter === 'open') return !CLOSED.has(t.state)
    if (filter === 'attention') return !CLOSED.has(t.state) && (t.overdue || t.progressReportMissing)
    return true
  })
  return [...chosen].sort((a, b) => a.deadline.localeCompare(b.deadline) || a.number - b.number)
}
