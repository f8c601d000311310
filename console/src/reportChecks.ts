// What reporting-service's checks say stands between a report draft and publication, keyed by the
// form field each belongs to (GET /reports/{id}/checks: its `warnings` are the clerk's sentences in
// Chinese, the same the preview shows under its title; the field errors beside them are the API's).
import type { CheckWarning, ReportChecks } from '@/api/reports'

/** The draft form's fields as the clerk sees them; `inspection.*` are the plan's declared totals. */
export const REPORT_FIELD_LABELS: Record<string, string> = {
  leadershipResponsibility: '一、领导班子履行主体责任情况',
  nextSteps: '三、下一步工作打算',
  issuer: '署名单位',
  issuedOn: '署名日期',
  publicationId: '公布（公示期与受理渠道）',
  includeOtherSources: '其他来源问题单列',
  totalsExplanation: '总数说明',
  'inspection.declaredAreas': '巡视声明的方面数',
  'inspection.declaredProblems': '巡视声明的问题数',
  'inspection.declaredTasks': '巡视声明的任务数',
}

/**
 * A measure's own text in section 二 (`tasks[<task id>].progressNarrative` or `.measures`) or its indicators
 * printed under 主要指标 (`.indicators`): edited on the task, not in this form; the service's sentence names
 * the measure (第二部分（三）1.二是“…”).
 */
const TASK_FIELD = /^tasks\[[^\]]*\]\./
const TASK_INDICATORS_FIELD = /^tasks\[[^\]]*\]\.indicators$/
export const TASK_TEXT_LABEL = '整改任务的进展情况（在任务中修改）'
export const TASK_INDICATORS_LABEL = '整改任务的主要指标（在任务中修改）'

export interface ReportWarning {
  field: string
  label: string
  message: string
}

/** The checks' warnings (reporting-service words them in Chinese, as its preview shows them) with the field's label. */
export function reportWarnings(warnings: readonly CheckWarning[]): ReportWarning[] {
  return warnings.map((w) => ({
    field: w.field,
    label: REPORT_FIELD_LABELS[w.field]
      ?? (TASK_INDICATORS_FIELD.test(w.field) ? TASK_INDICATORS_LABEL : TASK_FIELD.test(w.field) ? TASK_TEXT_LABEL : w.field),
    message: w.text,
  }))
}

/** The warnings by form field, several joined, for the form items' error slots. */
export function warningsByField(warnings: readonly ReportWarning[]): Record<string, string> {
  const byField: Record<string, string> = {}
  for (const w of warnings) {
    const before = byField[w.field]
    // the service's sentences end with 。; anything else is joined with ；
    byField[w.field] = before === undefined ? w.message : `${before}${before.endsWith('。') ? '' : '；'}${w.message}`
  }
  return byField
}

/**
 * What the checks tell the office without stopping publication, in the service's words: the numbers of section 二
 * that the progress page and the feedback form (numbering what stands now) give otherwise than the version in
 * force, until a new version is published. None from a reporting-service that does not send them yet.
 */
export function reportNotices(checks: ReportChecks): string[] {
  return (checks.notices ?? []).map((n) => n.text)
}
