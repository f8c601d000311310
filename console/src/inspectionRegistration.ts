// 登记巡视: the dialog's form and what of it is sent to tasks-service (POST /inspections, InspectionInput).
import { ApiError } from '@/api/problem'
import type { InspectionInput, InspectionKind } from '@/api/types'

/** The kinds of inspection, as the service names them (InspectionKind), in Chinese. */
export const INSPECTION_KIND_LABELS: Record<string, string> = { REGULAR: '常规巡视', SPECIAL: '专项巡视', FLEXIBLE: '机动巡视' }

export interface InspectionForm {
  title: string
  team: string
  inspectedOrganisation: string
  kind: InspectionKind
  onSiteFrom: string | null
  onSiteTo: string | null
  feedbackDate: string | null
  declaredAreas: number | undefined
  declaredProblems: number | undefined
  declaredTasks: number | undefined
}

/**
 * The form as the service takes it: names trimmed, a required date left empty sent as null (the service then marks
 * that field), what is optional and left empty not sent at all.
 */
export function inspectionInput(form: InspectionForm): InspectionInput {
  const optional = <K extends 'feedbackDate' | 'declaredAreas' | 'declaredProblems' | 'declaredTasks'>(name: K) =>
    (form[name] === null || form[name] === undefined ? {} : { [name]: form[name] })
  return {
    title: form.title.trim(), team: form.team.trim(), inspectedOrganisation: form.inspectedOrganisation.trim(), kind: form.kind,
    onSiteFrom: form.onSiteFrom, onSiteTo: form.onSiteTo,
    ...optional('feedbackDate'), ...optional('declaredAreas'), ...optional('declaredProblems'), ...optional('declaredTasks'),
  }
}

/**
 * The inspection a refused registration repeats (409 `Duplicate inspection`, whose `existingInspectionId` names it),
 * to be opened instead; null for any other failure.
 */
export function existingInspectionOf(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null
  const id = error.problem.existingInspectionId
  return typeof id === 'string' && id !== '' ? id : null
}
