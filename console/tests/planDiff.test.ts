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
