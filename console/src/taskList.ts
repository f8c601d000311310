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

/** One value of a field the listed tasks hold (their inspection, their unit): named, with how many tasks have it. */
export interface Choice {
  value: string
  label: string
  count: number
}

/** The values the tasks hold of one field, each named and with how many tasks have it, in the names' order (a filter's choice). */
export function choicesOf<T = TaskSnapshot>(rows: readonly T[], valueOf: (t: T) => string, labelOf: (value: string) => string): Choice[] {
  const counts = new Map<string, number>()
  for (const t of rows) counts.set(valueOf(t), (counts.get(valueOf(t)) ?? 0) + 1)
  return [...counts].map(([value, count]) => ({ value, label: labelOf(value), count }))
    .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'))
}
