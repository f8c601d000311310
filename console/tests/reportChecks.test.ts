import { describe, expect, it } from 'vitest'
import { reportNotices, reportWarnings, warningsByField } from '@/reportChecks'

describe("the report's checks in the office's words", () => {
  it("labels each of the service's Chinese warnings with its form field", () => {
    const warnings = reportWarnings([
      { field: 'nextSteps', text: '尚未填写第三部分（下一步工作打算）。' },
      { field: 'publicationId', text: '尚未选择公布：报告末尾写明其公示期和受理渠道。' },
      { field: 'inspection.declaredTasks', text: '方案声明3项整改任务，但台账中本次巡视的有5项整改任务：请更正巡视的声明总数。' },
    ])
    expect(warnings).toEqual([
      { field: 'nextSteps', label: '三、下一步工作打算', message: '尚未填写第三部分（下一步工作打算）。' },
      { field: 'publicationId', label: '公布（公示期与受理渠道）', message: '尚未选择公布：报告末尾写明其公示期和受理渠道。' },
      { field: 'inspection.declaredTasks', label: '巡视声明的任务数', message: '方案声明3项整改任务，但台账中本次巡视的有5项整改任务：请更正巡视的声明总数。' },
    ])
  })

  it("labels a measure's text as the task's, whose sentence names the measure", () => {
    const text = '第二部分（三）1.二是“提升主导产业招商质量”的文字写的是“新增亿元以上主导产业项目占比达92%”，主要指标却是新增亿元以上主导产业项目占比93%：请更新整改进展，或核对指标数值。'
    const warnings = reportWarnings([
      { field: 'tasks[0b0f4c52-6a43-4a58-9b1e-3f2d8c1a7e10].progressNarrative', text },
      { field: 'tasks[0b0f4c52-6a43-4a58-9b1e-3f2d8c1a7e11].measures', text },
    ])
    expect(warnings.map((w) => w.label)).toEqual(['整改任务的进展情况（在任务中修改）', '整改任务的进展情况（在任务中修改）'])
  })

  it("labels a measure's indicators as the task's, where an indicator's name is changed", () => {
    const text = '第二部分（四）2.一是“整治违反中央八项规定精神问题”尚未销号（整改中，已完成90%），其主要指标却写“已全部立行立改”：请按目前的进展改写，销号后再写完成。'
    const [warning] = reportWarnings([{ field: 'tasks[0b0f4c52-6a43-4a58-9b1e-3f2d8c1a7e10].indicators', text }])
    expect(warning?.label).toBe('整改任务的主要指标（在任务中修改）')
  })

  it('keeps an unknown field as it is and joins several warnings of one field', () => {
    const warnings = reportWarnings([
      { field: 'leadershipResponsibility', text: '第一部分写的是问责5人，记录的是问责4人。' },
      { field: 'leadershipResponsibility', text: '第一部分写的是由管委会主任任组长，领导小组记录的组长是党工委书记。' },
      { field: 'somethingNew', text: '新的检查。' },
    ])
    expect(warningsByField(warnings)).toEqual({
      leadershipResponsibility: '第一部分写的是问责5人，记录的是问责4人。第一部分写的是由管委会主任任组长，领导小组记录的组长是党工委书记。',
      somethingNew: '新的检查。',
    })
    expect(warnings[2]?.label).toBe('somethingNew')
  })

  it('tells the notices apart from what stops publication, and finds none where the service sends none', () => {
    const notice = '自第1版公布以来，编号已有变化：（三）“作风建设方面”现为（二）。公布新版本后，整改进展页面和意见建议表单的编号将与全文一致。'
    const checks = {
      publishable: true, incomplete: [], disagreements: [], warnings: [], notices: [{ field: 'numbering', text: notice }],
    }
    expect(reportNotices(checks)).toEqual([notice])
    expect(reportWarnings(checks.warnings)).toEqual([])
    const { notices: _none, ...older } = checks
    expect(reportNotices(older as typeof checks)).toEqual([])
  })
})
