// Inline editing in the plan tree: what a node's record is, and which of a task's fields changed.
import type { AreaView, ProblemView, TaskPatch, TaskSnapshot } from '@/api/types'

export type PlanLevel = 'area' | 'problem' | 'task'
export type PlanRecord = AreaView | ProblemView | TaskSnapshot

export interface TaskWording {
  title: string
  responsibleUnit: string
  responsiblePerson: string
  leadOfficial: string
}

/**
 * The merge patch for what was typed: only the fields that differ from the task as the editor opened
 * with it, so a field left as it was (a person never named: null) is not sent as an empty text the
 * service refuses, and after a reload (412) a field someone else changed meanwhile is not overwritten
 * by the untouched copy the form still holds.
 */
export function taskChanges(task: TaskSnapshot, typed: TaskWording): TaskPatch & { title?: string } {
  const patch: TaskPatch & { title?: string } = {}
  const was: TaskWording = {
    title: task.title,
    responsibleUnit: task.responsibleUnit,
    responsiblePerson: task.responsiblePerson ?? '',
    leadOfficial: task.leadOfficial ?? '',
  }
  for (const field of ['title', 'responsibleUnit', 'responsiblePerson', 'leadOfficial'] as const) {
    const now = typed[field].trim()
    if (now !== was[field].trim()) patch[field] = now
  }
  return patch
}
