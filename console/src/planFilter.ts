// 筛选 in the plan tree (and 查找 in the ledger picker): which areas, problems and tasks a typed text and a
// chosen 责任单位 leave in view, over a plan of thousands of tasks. A text of numbers only ("3.2", "３．２")
// is the plan's numbering, area.problem.task: it finds that part and everything under it, not every title
// holding a 3; any other text is words, each of which the part's numbered label or title holds (Chinese
// has no blanks: "招商引资" is one word). A part found by its words keeps what hangs under it in view.
import { matchesText } from '@/listFilter'
import type { TaskSnapshot } from '@/api/types'
import { inPlanOrder, labelOf, planPartLabel } from '@/taskNames'

/** What the user typed and chose; '' for either when not used. */
export interface PlanFilter {
  text: string
  /** a task's 责任单位, by its exact name (units.ts: the name is the unit) */
  unit: string
}

export const NO_FILTER: PlanFilter = { text: '', unit: '' }

/** One part of the plan as the filter sees it: an area, a problem or a task. */
export interface PlanPart {
  /** its own number: the area's, the problem's within its area, the task's within its problem */
  number: number
  /** as the tree shows it, with its number in the plan's words: （三）…, 2. …, 一是 … */
  label: string
  title: string
  /** a task's 责任单位; an area or a problem has none */
  unit?: string
}

/** Full-width digits, points and brackets (３．２, （三）) read as their half-width forms, in what is typed and what is searched alike. */
function normalised(text: string): string {
  return text.normalize('NFKC').trim()
}

/** The numbers a text of numbers only names ("3.2" → [3, 2]; "3.2." too), or null when it is words. */
export function numbersOf(text: string): number[] | null {
  const t = normalised(text).replace(/[。、]/g, '.')
  if (!/^\d+(\.\d+)*\.?$/.test(t)) return null
  return t.split('.').filter((n) => n !== '').map(Number)
}

export function isFiltering(filter: PlanFilter): boolean {
  return normalised(filter.text) !== '' || filter.unit !== ''
}

/**
 * Whether the text finds the last part of `path` (its area first, then its problem, then itself): by its
 * numbering, it and everything under it ("3" an area and all of it, "3.2" a problem and its tasks, "3.2.1" one task);
 * by words, what its label or title holds.
 */
export function textFinds(text: string, path: readonly PlanPart[]): boolean {
  const numbers = numbersOf(text)
  if (numbers !== null) return numbers.length <= path.length && numbers.every((n, i) => path[i]!.number === n)
  const part = path[path.length - 1]
  return part !== undefined && matchesText(normalised(text), normalised(part.label), normalised(part.title))
}

/**
 * Whether the part last in `path` stays in view by itself: the text finds it or what holds it, and, with a unit
 * chosen, it is a task of that unit. An area or a problem the filter leaves out still shows when a task under it
 * stays (the tree shows what holds what it shows); with a unit chosen, only so.
 */
export function shown(filter: PlanFilter, path: readonly PlanPart[]): boolean {
  const part = path[path.length - 1]
  if (part === undefined) return false
  if (filter.unit !== '' && part.unit !== filter.unit) return false
  if (normalised(filter.text) === '') return true
  return path.some((_, i) => textFinds(filter.text, path.slice(0, i + 1)))
}

/** The units the tasks name, once each, in the order of a Chinese list (for a choice of them). */
export function unitsNamed(tasks: readonly { responsibleUnit: string }[]): string[] {
  const units = new Set(tasks.map((t) => t.responsibleUnit.trim()).filter((u) => u !== ''))
  return [...units].sort((a, b) => a.localeCompare(b, 'zh-CN'))
}

type Findable = Pick<TaskSnapshot, 'areaId' | 'problemId' | 'areaNumber' | 'problemNumber' | 'number' | 'title'>

/** An area or a problem a task hangs under, by its id: its number and title. */
type Holder = { id: string; number: number; title: string }

/** The areas and problems of the tasks searched, whose numbered labels and titles find the tasks under them. */
export interface TaskHolders {
  areas: readonly Holder[]
  problems: readonly Holder[]
}

/**
 * The tasks a text finds, the first `limit` in the plan's order and how many in all, as 筛选 keeps them in the plan
 * tree (`shown`): by their numbering ("3.2" the tasks of problem 2 of area 3, "3.2.1" one of them), by the words of
 * their name as every screen writes it (（三）2.一是 title), or, given their areas and problems, by the words of the
 * area or problem they hang under (（三）, 2. 招商引资, its title's words: all of its tasks); none for an empty text.
 */
export function findTasks<T extends Findable>(text: string, tasks: readonly T[], limit: number,
  holders: TaskHolders = { areas: [], problems: [] }): { tasks: T[]; total: number } {
  if (normalised(text) === '') return { tasks: [], total: 0 }
  const byId = (parts: readonly Holder[]) => new Map(parts.map((p) => [p.id, p]))
  const areas = byId(holders.areas)
  const problems = byId(holders.problems)
  // a holder not given is its number alone: the numbering still finds what is under it
  const part = (level: 'area' | 'problem', holder: Holder | undefined, number: number): PlanPart =>
    (holder === undefined ? { number, label: '', title: '' } : { number, label: planPartLabel(level, holder), title: holder.title })
  const filter: PlanFilter = { text, unit: '' }
  const found = tasks.filter((t) => shown(filter, [
    part('area', areas.get(t.areaId), t.areaNumber),
    part('problem', problems.get(t.problemId), t.problemNumber),
    { number: t.number, label: labelOf(t), title: t.title },
  ])).sort(inPlanOrder)
  return { tasks: found.slice(0, limit), total: found.length }
}
