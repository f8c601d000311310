import { describe, expect, it } from 'vitest'
import { reportMessage, reportWarnings, warningsByField } from '@/reportChecks'

describe("the report's checks in the office's words", () => {
  it('names each missing part by its form field, in Chinese', () => {
    const warnings = reportWarnings([
      { field: 'nextSteps', message: 'the draft has no text for section 三' },
      { field: 'publicationId', message: 'the draft names no publication: its window and channels close the report' },
      { field: 'issuedOn', message: 'the draft has no signature date' },
    ])
    expect(warnings).toEqual([
      { field: 'nextSteps', label: '三、下一步工作打算', message: '尚未填写第三部分' },
      { field: 'publicationId', label: '公布（公示期与受理渠道）', message: '尚未选择公布：报告末尾写明其公示期和受理渠道' },
      { field: 'issuedOn', label: '署名日期', message: '尚未填写署名日期' },
    ])
  })

  it('says which figures disagree, with both numbers', () => {
    expect(reportMessage('section 一 names 5个方面 but section 二 states 4个方面'))
      .toBe('此处写的是5个方面，第二部分统计为4个方面')
    expect(reportMessage('the plan declares 46项具体问题 but the report lists 40: say why in totalsExplanation, or correct the declared totals'))
      .toBe('方案声明46项具体问题，报告只列出40项具体问题：请在“总数说明”中说明原因，或更正声明总数')
    expect(reportMessage("the plan declares 3个方面 but the ledger holds 5 of the inspection's own: correct the inspection's declared totals"))
      .toBe('方案声明3个方面，但台账中本次巡视的有5个方面：请更正巡视的声明总数')
    expect(reportMessage('the explanation names 60项整改任务 but the plan declares 64 and the report lists 62'))
      .toBe('此处写的是60项整改任务，但方案声明64项整改任务、报告列出62项整改任务')
  })

  it('keeps a message it does not know as the service said it, and joins several of one field', () => {
    const warnings = reportWarnings([
      { field: 'leadershipResponsibility', message: 'the draft has no text for section 一' },
      { field: 'leadershipResponsibility', message: 'something new' },
      { field: 'inspection.declaredTasks', message: 'something else' },
    ])
    expect(warningsByField(warnings)).toEqual({
      leadershipResponsibility: '尚未填写第一部分；something new',
      'inspection.declaredTasks': 'something else',
    })
    expect(warnings[2]?.label).toBe('巡视声明的任务数')
  })
})
