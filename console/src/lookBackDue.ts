// Which look-back reviews (回头看) a supervisor sees as due, and how each is flagged.
import { daysUntil } from '@/format'

/** How far ahead the due list looks, in days from today (0: due today or overdue only). */
export const HORIZONS: readonly { days: number; label: string }[] = [
  { days: 0, label: '已到期' },
  { days: 30, label: '30 天内到期' },
  { days: 90, label: '90 天内到期' },
  { days: 366, label: '一年内到期' },
]

/** The last due date the list includes (yyyy-MM-dd): today plus the horizon. */
export function dueBy(today: string, days: number): string {
  const date = new Date(`${today}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

export interface DueFlag {
  text: string
  type: 'danger' | 'warning' | 'info'
}

/** 逾期 N 天 / 今天到期 / N 天后到期, from the review's due date and today (both yyyy-MM-dd). */
export function dueFlag(due: string | null, today: string): DueFlag | null {
  if (due === null) return null
  const days = daysUntil(due, today)
  if (days < 0) return { text: `逾期 ${-days} 天`, type: 'danger' }
  if (days === 0) return { text: '今天到期', type: 'warning' }
  return { text: `${days} 天后到期`, type: 'info' }
}

export const OUTCOME_LABELS: Record<string, string> = { CONFIRMED: '确认整改成效', REOPENED: '再整改' }
