// A report draft saved by someone else while the clerk was typing (412): what differs between
// the version now saved and the form, field by field, so the clerk can compare before saving again.
import type { ReportDraft, ReportDraftInput } from '@/api/reports'
import { REPORT_FIELD_LABELS } from '@/reportChecks'

export interface DraftDifference {
  field: keyof ReportDraftInput
  label: string
  /** What is saved now (someone else's), as text. */
  saved: string
  /** What the form holds (the clerk's), as text. */
  typed: string
}

const FIELDS: (keyof ReportDraftInput)[] = [
  'leadershipResponsibility', 'nextSteps', 'totalsExplanation', 'publicationId', 'issuer', 'issuedOn', 'includeOtherSources',
]

function text(value: string | boolean | null | undefined): string {
  if (typeof value === 'boolean') return value ? '是' : '否'
  return (value ?? '').trim()
}

/** The fields where the saved draft and the form differ (none when they agree, or nothing is saved). */
export function draftDifferences(saved: ReportDraft | null, typed: ReportDraftInput): DraftDifference[] {
  if (saved === null) return []
  return FIELDS.filter((field) => text(saved[field]) !== text(typed[field])).map((field) => ({
    field,
    label: REPORT_FIELD_LABELS[field] ?? field,
    saved: text(saved[field]),
    typed: text(typed[field]),
  }))
}

/**
 * The version of the draft a publish names in If-Match: the one the person read. After 保存并公布,
 * their own save ({@code justSaved}); otherwise the one the preview they looked at shows, which may
 * be a colleague's later save that the preview put before them; the form's when no preview could be
 * shown. Null before the first save (the service then says what is missing).
 */
export function reviewedVersion(justSaved: number | null, previewed: number | null, saved: number | null): number | null {
  return justSaved ?? previewed ?? saved
}

const TEXTS = new Set<keyof ReportDraftInput>(['leadershipResponsibility', 'nextSteps', 'issuer', 'totalsExplanation'])

/** The form with one field taken over from the saved draft (the clerk chose theirs over their own). */
export function takeSaved(saved: ReportDraft, typed: ReportDraftInput, field: keyof ReportDraftInput): ReportDraftInput {
  const value = saved[field]
  return { ...typed, [field]: value === null && TEXTS.has(field) ? '' : value }
}
