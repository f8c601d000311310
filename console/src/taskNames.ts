// How every staff screen names a task: by the plan's numbering, as the notices, digests and 待办
// name it (reporting-service notice/TaskReference), so that a clerk finds the task of a mail on the
// screen: 任务（一）3.二是 is the second task (二是) of problem 3 of area （一）. A task's own number is
// unique only within its problem: "任务 2" alone says nothing. The lists' 编号 column shows tasks-service's
// label, written the same way (platform PlanNumbering); a problem not of the inspection's findings
// says its source before it (problemSources.ts).
import type { TaskSnapshot } from '@/api/types'

/** Where a task stands in the plan, as tasks-service's task view says it. */
export type TaskNumbers = Pick<TaskSnapshot, 'areaNumber' | 'problemNumber' | 'number'>

const DIGITS = '零一二三四五六七八九'

/**
 * 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一, as a rectification notice numbers its areas and measures:
 * platform-support's ChineseNumerals, which the services number with; a number a notice never writes
 * this way (below 1, from 100) stays in digits.
 */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n >= 100) return String(n)
  if (n < 10) return DIGITS[n]!
  const tens = Math.floor(n / 10)
  const units = n % 10
  return `${tens === 1 ? '' : DIGITS[tens]}十${units === 0 ? '' : DIGITS[units]}`
}

/** 二是: a task's own number as the plan writes it (its measures 一是, 二是…). */
export function taskOrdinal(number: number): string {
  return `${chineseNumeral(number)}是`
}

/** （一）3.二是: platform PlanNumbering.inText, full-width brackets as in the notices' running text. */
export function planLabel(area: number, problem: number, task: number): string {
  return `（${chineseNumeral(area)}）${problem}.${taskOrdinal(task)}`
}

/** A level of the plan: 方面, 问题 or 任务 (整改措施). */
export type PlanLevel = 'area' | 'problem' | 'task'

/**
 * （一）title, 3. title, 二是 title: a part as the plan tree labels it, under what holds it (a problem's
 * number is the area's own, a task's the problem's), as a chooser shaped like the ledger shows it too.
 */
export function planPartLabel(level: PlanLevel, part: { number: number; title: string }): string {
  if (level === 'area') return `（${chineseNumeral(part.number)}）${part.title}`
  if (level === 'problem') return `${part.number}. ${part.title}`
  return `${taskOrdinal(part.number)} ${part.title}`
}

/** The numbering of a task as tasks-service shows it (its area's, its problem's and its own number). */
export function labelOf(task: TaskNumbers): string {
  return planLabel(task.areaNumber, task.problemNumber, task.number)
}

/** The plan's order: by area, problem, then the task's own number (a chooser lists tasks so). */
export function inPlanOrder(a: TaskNumbers, b: TaskNumbers): number {
  return a.areaNumber - b.areaNumber || a.problemNumber - b.problemNumber || a.number - b.number
}

/** 任务（一）3.二是: what another thing (a breadcrumb, a decision) is about. */
export function taskName(label: string): string {
  return `任务${label}`
}

/** 任务（一）3.二是：title: a task named on its own, as a notice's subject or a 待办. */
export function taskHeading(label: string, title: string): string {
  return `${taskName(label)}：${title}`
}

/** （一）3.二是 title: in a column or a choice already headed 任务 (a list of tasks). */
export function taskNamed(label: string, title: string): string {
  return `${label} ${title}`
}

/**
 * A plan number as the lists' 编号 shows it, in the pieces that never break inside: the source word before it (群众反映),
 * its area (（十二）), the rest (20.三是). 12.20.3 broken as "（十二）20.三" over "是" reads as another number; between
 * the pieces it may break when the column is too narrow for the whole.
 */
export function planNumberPieces(label: string): string[] {
  const match = /^([^（]*)(（[^）]*）)?(.*)$/.exec(label)!
  return [match[1]!, match[2] ?? '', match[3]!].filter((piece) => piece !== '')
}
