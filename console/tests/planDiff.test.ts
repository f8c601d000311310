import { describe, expect, it } from 'vitest'
import { cellOf, explain, planDiff, STATUS_LABELS } from '@/planDiff'
import { spreadsheetType } from '@/api/tasks'
import type { SpreadsheetImportResult } from '@/api/types'

const result = (rows: SpreadsheetImportResult['rows'], conflicts: SpreadsheetImportResult['conflicts'] = []): SpreadsheetImportResult => ({
  inspectionId: 'i', dryRun: true, taskCount: 0, tasks: [], added: 0, changed: 0, unchanged: 0, conflicting: 0, rows, conflicts,
})
const row = (n: number, status: 'ADDED' | 'CHANGED' | 'UNCHANGED' | 'CONFLICT', task = `任务${n}`) =>
  ({ row: `row ${n}`, area: '方面', problem: '问题', task, status })

describe('the dry run as a diff', () => {
  it('counts rows by status and may be imported when something is new and nothing refused', () => {
    const diff = planDiff(result([row(2, 'UNCHANGED'), row(3, 'ADDED'), row(4, 'ADDED')]))
    expect(diff.counts).toEqual({ ADDED: 2, CHANGED: 0, UNCHANGED: 1, REMOVED: 0, CONFLICT: 0 })
    expect(diff.rows.map((r) => r.line)).toEqual([2, 3, 4])
    expect(diff.importable).toBe(true)
  })

  it('puts each refused cell on its row, in Chinese, and then refuses the import', () => {
    const diff = planDiff(result([row(2, 'UNCHANGED'), row(3, 'CHANGED'), row(4, 'ADDED')], [
      { field: 'row 3.完成时限', message: 'differs from task 7f0 in the ledger: correct it there (PUT /tasks/7f0)' },
      { field: 'row 4.反馈意见方面', message: "'推进管理机制改革不彻' is no area of the ledger, but resembles area 1 '推进管理机制改革不彻底': write its title exactly" },
    ]))
    expect(diff.rows[1]?.conflicts).toEqual([{ column: '完成时限', message: expect.stringContaining('与台账中的任务不一致') }])
    expect(diff.rows[2]?.conflicts[0]?.message).toBe('“推进管理机制改革不彻”与已有反馈意见方面“推进管理机制改革不彻底”相近但不相同：请照原标题填写，或先修改已有的反馈意见方面')
    expect(diff.otherConflicts).toEqual([])
    expect(diff.importable).toBe(false)
  })

  it('shows an ambiguous row as a conflict, not as added, with its reason on the cell the service names', () => {
    const diff = planDiff(result([row(2, 'UNCHANGED'), row(3, 'CONFLICT'), row(4, 'ADDED')], [
      { field: 'row 3.整改任务', message: "'健全激励机制' matches 2 tasks of the ledger (a, b): give all but one of them another title in the ledger (PUT /tasks/{id})" },
    ]))
    expect(diff.counts.CONFLICT).toBe(1)
    expect(diff.counts.ADDED).toBe(1)
    expect(STATUS_LABELS.CONFLICT).toBe('有冲突')
    expect(diff.rows[1]?.conflicts).toEqual([{ column: '整改任务', message: '“健全激励机制”与台账中 2 项整改任务同名，无法确定是哪一项：请先在台账中修改其中的标题' }])
    expect(diff.importable).toBe(false)
  })

  it('refuses the import on a conflicting row even when the service named no cell of it', () => {
    expect(planDiff(result([row(2, 'ADDED'), row(3, 'CONFLICT')])).importable).toBe(false)
  })

  it('has nothing to import when every row is in the ledger', () => {
    expect(planDiff(result([row(2, 'UNCHANGED')])).importable).toBe(false)
  })

  it('keeps a refusal of no row rather than hiding it', () => {
    const diff = planDiff(result([row(2, 'ADDED')], [{ field: 'header', message: 'missing column(s) 整改任务' }]))
    expect(diff.otherConflicts).toHaveLength(1)
    expect(diff.importable).toBe(false)
  })

  it('reads row and column from a field name', () => {
    expect(cellOf('row 12.指标单位')).toEqual({ line: 12, column: '指标单位' })
    expect(cellOf('row 5')).toEqual({ line: 5, column: '' })
    expect(cellOf('header')).toBeNull()
    expect(explain('something else')).toBe('填写的内容不符合要求，请检查')
  })

  it('sends .xlsx as a spreadsheet and anything else as CSV', () => {
    expect(spreadsheetType('任务分解表.XLSX')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(spreadsheetType('plan.csv')).toBe('text/csv')
  })
})

describe('the import\'s refusals of a cell, in Chinese', () => {
  it('translates the spreadsheet reader\'s messages and keeps the cell\'s value', () => {
    expect(explain("'2025-13-45' is not a date (YYYY-MM-DD)")).toBe('“2025-13-45”不是有效日期（应为 YYYY-MM-DD）')
    expect(explain('has 11 cells; the header has 12')).toBe('本行有 11 个单元格，表头有 12 列')
    expect(explain('missing column(s) 整改任务, 完成时限; use the template at /plans/template.csv or /plans/template.xlsx'))
      .toBe('缺少列：整改任务, 完成时限（请使用模板）')
    expect(explain('must not be blank')).toBe('不能为空')
  })
})

describe('the import\'s coded columns and stage goals, in the words of the screens', () => {
  it('lists the words of 任务类型 and 调度频次, not their codes', () => {
    expect(explain("'限期' is not one of 立行立改, 限期整改, 长期坚持 (or the codes IMMEDIATE, TIME_BOUND, LONG_TERM)"))
      .toBe('“限期”不是可选值之一（立行立改、限期整改、长期坚持）')
    expect(explain("'每季度' is not one of 日报, 周报, 月报 (or the codes DAILY, WEEKLY, MONTHLY)"))
      .toBe('“每季度”不是可选值之一（日报、周报、月报）')
    expect(explain('a LONG_TERM task needs at least one stage goal')).toBe('长期坚持类任务须至少填写一个阶段性目标')
  })

  it('names the stage goal or indicator of a cell that holds several', () => {
    expect(explain("stage goal 2 '完成兑付': must not be before the inspection's on-site start (2026-03-02)"))
      .toBe('阶段性目标2“完成兑付”：不能早于巡视进驻日期（2026-03-02）')
    expect(explain("stage goal 1 '': must not be blank")).toBe('阶段性目标1：不能为空')
    expect(explain("indicator 1: '十二' is not a number")).toBe('第1个指标：“十二”不是数字')
  })

  it('says how a target is written, in Chinese', () => {
    expect(explain("'少一点' is not a target; write ≥N or ≤N (at least / at most N) for an absolute target, 上升N% or 下降N% (up N% / down N%) for a change from the baseline"))
      .toMatch(/^“少一点”不是目标值：绝对目标写 ≥N 或 ≤N/)
    expect(explain("has 1 entries separated by ';' but 指标名称 has 2")).toBe('有 1 项（以“;”分隔），而指标名称有 2 项')
  })
})
