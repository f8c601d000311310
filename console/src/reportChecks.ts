// What reporting-service's checks say stands between a report draft and publication, in the
// office's words and keyed by the form field each belongs to (GET /reports/{id}/checks and the
// 409 of a refused publication carry the same field errors).
import type { FieldError } from '@/api/problem'

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

export interface ReportWarning {
  field: string
  label: string
  message: string
}

const N = '(\\d+)'
const WORD = '(个方面|项具体问题|项整改任务)'
const SAID: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^the draft has no text for section 一$/, () => '尚未填写第一部分'],
  [/^the draft has no text for section 三$/, () => '尚未填写第三部分'],
  [/^the draft names no publication/, () => '尚未选择公布：报告末尾写明其公示期和受理渠道'],
  [/^the draft has no signing organisation$/, () => '尚未填写署名单位'],
  [/^the draft has no signature date$/, () => '尚未填写署名日期'],
  [/^names no publication of this inspection$/, () => '所选公布不属于本次巡视'],
  [/^no publication .* is known here/, () => '报告服务尚未收到该公布（新建的公布几秒内送达），请稍后再保存'],
  [new RegExp(`^the plan declares ${N}${WORD} but the ledger holds ${N} of the inspection's own`),
    (m) => `方案声明${m[1]}${m[2]}，但台账中本次巡视的有${m[3]}${m[2]}：请更正巡视的声明总数`],
  [new RegExp(`^the plan declares ${N}${WORD} but the report lists ${N}:`),
    (m) => `方案声明${m[1]}${m[2]}，报告只列出${m[3]}${m[2]}：请在“总数说明”中说明原因，或更正声明总数`],
  [new RegExp(`^section 一 names ${N}${WORD} but section 二 states ${N}`),
    (m) => `此处写的是${m[1]}${m[2]}，第二部分统计为${m[3]}${m[2]}`],
  [new RegExp(`^the explanation names ${N}${WORD} but the plan declares ${N} and the report lists ${N}`),
    (m) => `此处写的是${m[1]}${m[2]}，但方案声明${m[3]}${m[2]}、报告列出${m[4]}${m[2]}`],
]

/** One check's message in Chinese (an unknown one is shown as the service said it). */
export function reportMessage(message: string): string {
  for (const [pattern, say] of SAID) {
    const match = message.match(pattern)
    if (match) return say(match)
  }
  return message
}

export function reportWarnings(errors: readonly FieldError[]): ReportWarning[] {
  return errors.map((e) => ({ field: e.field, label: REPORT_FIELD_LABELS[e.field] ?? e.field, message: reportMessage(e.message) }))
}

/** The warnings by form field, several joined, for the form items' error slots. */
export function warningsByField(warnings: readonly ReportWarning[]): Record<string, string> {
  const byField: Record<string, string> = {}
  for (const w of warnings) byField[w.field] = byField[w.field] === undefined ? w.message : `${byField[w.field]}；${w.message}`
  return byField
}
