// Where in the ledger a feedback is linked (关联): an area (方面), a problem (问题) of it, or a task
// (整改任务) of that. feedback-service keeps all three ids of a link (a task brings its problem and
// area), and a triage names the deepest one (TriageInputs.Triage).
import type { TriageInput } from '@/api/feedback'
import type { Uuid } from '@/api/types'

export interface LedgerLink {
  areaId: Uuid
  problemId: Uuid | null
  taskId: Uuid | null
}

/** A feedback's link as it stands, or undefined when it has none. */
export function linkOf(record: { areaId?: Uuid | null; problemId?: Uuid | null; taskId?: Uuid | null }): LedgerLink | undefined {
  return record.areaId ? { areaId: record.areaId, problemId: record.problemId ?? null, taskId: record.taskId ?? null } : undefined
}

/** The ids from the area down, as a cascader holds the choice. */
export function pathOf(link: LedgerLink | undefined): Uuid[] {
  return link ? [link.areaId, link.problemId, link.taskId].filter((id): id is Uuid => id !== null) : []
}

/** A cascader's path back into a link; an empty path is none. */
export function linkFromPath(path: readonly Uuid[] | null | undefined): LedgerLink | undefined {
  const [areaId, problemId = null, taskId = null] = path ?? []
  return areaId ? { areaId, problemId, taskId } : undefined
}

/** What a triage sends for the link: the task, else the problem, else the area (the service fills in the rest). */
export function triageLink(link: LedgerLink | undefined): Pick<TriageInput, 'areaId' | 'problemId' | 'taskId'> {
  if (link === undefined) return {}
  if (link.taskId) return { taskId: link.taskId }
  if (link.problemId) return { problemId: link.problemId }
  return { areaId: link.areaId }
}
