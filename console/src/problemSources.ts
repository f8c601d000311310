// Which problems are the inspection's own findings (巡视反馈, source PLAN; none: a problem from before the
// field) and which came another way (举一反三, 自查发现, 回头看, 群众反映). tasks-service numbers every
// problem of an area in one sequence, so a 群众反映 problem placed in area (三) is （三）5. although the
// notice has no finding （三）5: the staff screens say its source beside its number, as the report and
// the dashboards count the findings only and the others beside them (reporting-service InspectionFindings).
import { SOURCE_LABELS } from '@/format'

/**
 * The source of an inspection finding: a copy of platform-support's
 * TasksEvent.ProblemSnapshot.INSPECTION_FINDING (the Java constant both services use), which it must equal.
 */
export const FINDING = 'PLAN'

export function isFinding(source: string | null | undefined): boolean {
  return source === null || source === undefined || source === FINDING
}

/** 群众反映 for a problem of another source; null for a finding. */
export function sourceWord(source: string | null | undefined): string | null {
  return isFinding(source) ? null : (SOURCE_LABELS[source!] ?? source!)
}

/** （三）5. or （三）5.一是 as it is, or 群众反映（三）5.一是 when the problem is not the inspection's finding. */
export function sourcedLabel(label: string, source: string | null | undefined): string {
  const word = sourceWord(source)
  return word === null ? label : `${word}${label}`
}

/** The key of a problem by its numbers in the plan (a task row names its problem so). */
export function problemKey(areaNumber: number, problemNumber: number): string {
  return `${areaNumber}.${problemNumber}`
}

/** Each problem's source by its numbers, for rows that name their problem by number only (task rows). */
export function sourcesByProblem(problems: readonly { areaNumber: number; problemNumber: number; source: string }[]): Map<string, string> {
  return new Map(problems.map((p) => [problemKey(p.areaNumber, p.problemNumber), p.source]))
}

/**
 * How many of the problems (or tasks) each source has, the findings first: 巡视反馈 16 项，举一反三 1 项，群众反映 2 项;
 * empty when all are findings (nothing to tell apart).
 */
export function countBySource(sources: readonly (string | null | undefined)[]): string {
  const counts = new Map<string, number>()
  for (const source of sources) {
    const key = isFinding(source) ? FINDING : source!
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  if (![...counts.keys()].some((key) => key !== FINDING)) return ''
  const order = Object.keys(SOURCE_LABELS)
  return [...counts.entries()]
    .sort(([a], [b]) => (order.indexOf(a) === -1 ? order.length : order.indexOf(a)) - (order.indexOf(b) === -1 ? order.length : order.indexOf(b)))
    .map(([source, n]) => `${SOURCE_LABELS[source] ?? source} ${n} 项`)
    .join('，')
}
