// Which look-back reviews (回头看) a supervisor sees as due, how each is flagged, and the columns of both lists.
import type { LookBackReview } from '@/api/lookBack'
import type { TaskSnapshot } from '@/api/types'
import { daysUntil, formatDate, formatDateTime } from '@/format'
import type { Column } from '@/rowColumns'
import { labelOf, taskNamed } from '@/taskNames'

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

/**
 * The rework's deadline a reopening offers (再整改完成时限): one calendar month on from today, the last day
 * of the next month when it is shorter (31 January → 28 or 29 February). The reviewer may change it.
 */
export function reworkDeadlineDefault(today: string): string {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number]
  const lastOfNext = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  return new Date(Date.UTC(year, month, Math.min(day, lastOfNext))).toISOString().slice(0, 10)
}

/**
 * Why this rework deadline would be refused (tasks-service: a date after today in Asia/Shanghai, or the
 * reopened task would be overdue at the next midnight), or null when it may be sent.
 */
export function reworkDeadlineProblem(deadline: string | null, today: string): string | null {
  if (deadline === null || deadline === '') return '请选择再整改完成时限'
  if (deadline <= today) return `再整改完成时限须晚于今天（${today}）`
  return null
}

/**
 * The inspection 回头看 opens on when none is asked for (?inspection=): the first with reviews due, so that a second
 * inspection's due reviews are not hidden behind a first with none; the first when none has any, or counts are unknown.
 */
export function firstWithDue(inspections: readonly { id: string }[], dueCounts: ReadonlyMap<string, number>): string {
  return (inspections.find((i) => (dueCounts.get(i.id) ?? 0) > 0) ?? inspections[0])?.id ?? ''
}

/** The reviews due of one inspection, in the order read, out of those of every inspection (LookBackApi.due). */
export function dueOf(due: readonly TaskSnapshot[], inspectionId: string): TaskSnapshot[] {
  return due.filter((t) => t.inspectionId === inspectionId)
}

/** How many reviews are due of each inspection, 0 for one with none, out of those of every inspection. */
export function dueCountsOf(inspections: readonly { id: string }[], due: readonly TaskSnapshot[]): Map<string, number> {
  const counts = new Map(inspections.map((i) => [i.id, 0]))
  for (const t of due) if (counts.has(t.inspectionId)) counts.set(t.inspectionId, counts.get(t.inspectionId)! + 1)
  return counts
}

/** An inspection as the selector offers it: its title, and how many reviews are due in the horizon when known. */
export function inspectionChoice(title: string, due: number | undefined): string {
  return due === undefined ? title : `${title}（待开展 ${due}）`
}

export const OUTCOME_LABELS: Record<string, string> = { CONFIRMED: '确认整改成效', REOPENED: '再整改' }

/** 待开展的回头看's columns; the page tags 回头看时间 (dueFlag) and adds 记录回头看 for supervisors. */
export function dueColumns(today: string): Column<TaskSnapshot>[] {
  return [
    { key: 'task', label: '任务', minWidth: 240, to: (t) => `/tasks/${t.id}`, text: (t) => taskNamed(labelOf(t), t.title), card: 'title' },
    { key: 'responsibleUnit', prop: 'responsibleUnit', label: '责任单位', minWidth: 120 },
    { key: 'verifiedAt', label: '销号时间', width: 150, text: (t) => formatDateTime(t.verifiedAt) },
    { key: 'due', label: '回头看时间', width: 200, text: (t) => [formatDate(t.nextLookBackDue), dueFlag(t.nextLookBackDue, today)?.text ?? ''].join(' ').trim() },
  ]
}

/**
 * 已开展的回头看's columns: the task by its numbering and title (taskTitle, from the inspection's
 * tasks) and the reviewer by name (nameOf); the page draws 结论 as a tag.
 */
export function heldColumns(taskTitle: (taskId: string) => string | undefined, nameOf: (username: string) => string | null): Column<LookBackReview>[] {
  return [
    { key: 'reviewedAt', label: '时间', width: 150, text: (r) => formatDateTime(r.reviewedAt) },
    { key: 'task', label: '任务', minWidth: 220, to: (r) => `/tasks/${r.taskId}`, text: (r) => taskTitle(r.taskId) ?? '（任务）', card: 'title' },
    { key: 'outcome', label: '结论', width: 120, text: (r) => OUTCOME_LABELS[r.outcome] ?? r.outcome },
    { key: 'reason', label: '情况与问题', minWidth: 240, text: (r) => r.reason ?? '—' },
    { key: 'reviewer', label: '检查人', width: 140, text: (r) => nameOf(r.reviewer) ?? '—' },
    { key: 'newProblem', label: '新问题', width: 100, text: (r) => (r.newProblemId ? '已登记' : '—') },
  ]
}
