// 延期申请 (docs/tasks-service.md, "Asking for a later deadline"): the unit asks the office for a later
// deadline with a reason; the office (整改办) approves, and the deadline moves as its own move does, or
// refuses, saying why. What the task page offers and how it words a request, decided or not.
import type { DeadlineExtensionRequest, ExtensionStatus, TaskSnapshot, TaskState } from '@/api/types'
import type { Person } from '@/auth/roles'
import { mayAct } from '@/auth/roles'
import { formatDate } from '@/format'

export const REASON_MAX = 1000
export const NOTE_MAX = 500
export const REFUSAL_MAX = 2000

/** The states in which the deadline still runs against the unit: not claimed (待核验), not closed out. */
const DEADLINE_RUNS: readonly TaskState[] = ['PLANNED', 'IN_PROGRESS', 'REOPENED']

export const STATUS_LABELS: Record<ExtensionStatus, string> = { PENDING: '待审批', APPROVED: '已同意', REFUSED: '未同意' }

type TaskFacts = Pick<TaskSnapshot, 'state' | 'responsibleUnit'> & Partial<Pick<TaskSnapshot, 'pendingDeadlineExtension'>>

/**
 * 申请延期 is offered to an officer of the task's unit (the service refuses another unit's, 403) while the
 * deadline runs and no request waits (409 otherwise). The office may ask too, but moves the deadline
 * itself (调整责任与时限), so the page does not offer it the request.
 */
export function mayRequestExtension(task: TaskFacts, person: Person | null): boolean {
  return person !== null && mayAct(person, ['officer']) && person.unit !== '' && person.unit === task.responsibleUnit
    && DEADLINE_RUNS.includes(task.state) && !task.pendingDeadlineExtension
}

/** 同意 / 不同意: the office's alone, which moves deadlines. */
export function mayDecideExtension(person: Person | null): boolean {
  return person !== null && mayAct(person, ['coordinator'])
}

/**
 * The days the date picker greys out: the current deadline and before (the service wants a later one) and
 * days before today in Beijing (a date already past gives no more time). The service checks again.
 */
export function extensionDateDisabled(day: string, deadline: string, today: string): boolean {
  return day <= deadline || day < today
}

/** A picker's Date (local midnight of the chosen day) as yyyy-MM-dd. */
export function dayOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** One line of a request: 申请延至2025年9月30日（原完成时限2025年6月30日）：reason. */
export function requestLine(request: Pick<DeadlineExtensionRequest, 'requestedDeadline' | 'deadlineAtRequest' | 'reason'>): string {
  return `申请延至${formatDate(request.requestedDeadline)}（原完成时限${formatDate(request.deadlineAtRequest)}）：${request.reason}`
}

/** What the office answered: 已同意（审批意见：…）, 未同意：理由; nothing while pending. */
export function decisionLine(request: Pick<DeadlineExtensionRequest, 'status' | 'decisionNote'>): string {
  if (request.status === 'APPROVED') return request.decisionNote ? `已同意（审批意见：${request.decisionNote}）` : '已同意'
  if (request.status === 'REFUSED') return `未同意：${request.decisionNote ?? ''}`
  return ''
}
