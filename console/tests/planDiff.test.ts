import { describe, expect, it } from 'vitest'
import { cellOf, explain, explainWarning, planDiff, STATUS_LABELS } from '@/planDiff'
import { spreadsheetType } from '@/api/tasks'
import type { SpreadsheetImportResult } from '@/api/types'

const result = (rows: SpreadsheetImportResult['rows'], conflicts: SpreadsheetImportResult['conflicts'] = [],
  warnings: SpreadsheetImportResult['warnings'] = []): SpreadsheetImportResult => ({
  inspectionId: 'i', dryRun: true, taskCount: 0, tasks: [], added: 0, changed: 0, unchanged: 0, conflicting: 0, rows, conflicts,
  warnings,
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
    expect(explain("'2026年12月' is not a date; write it as 2026-12-31, 2026/12/31, 2026.12.31 or 2026年12月31日"))
      .toBe('“2026年12月”不是有效日期：可写作 2026-12-31、2026/12/31、2026.12.31 或 2026年12月31日')
    expect(explain("'长期坚持' is not a date; write it as 2026-12-31, 2026/12/31, 2026.12.31 or 2026年12月31日 (长期坚持 is a 任务类型: a long-term task still has a deadline, and its stages in 阶段性目标)"))
      .toMatch(/^“长期坚持”不是有效日期：.*（长期坚持是任务类型：长期任务也须填写完成时限/)
    expect(explain("'9999-12-31' must be between 1900-01-01 and 2199-12-31")).toBe('“9999-12-31”超出可填写的日期范围（1900-01-01 至 2199-12-31）')
    expect(explain('has 11 cells; the header has 12')).toBe('本行有 11 个单元格，表头有 12 列')
    expect(explain("missing column(s) 整改任务, 完成时限 in the header (row 3 of sheet '任务分解表'); use the template at /plans/template.csv or /plans/template.xlsx"))
      .toBe('缺少列：整改任务, 完成时限（表头读自工作表“任务分解表”第 3 行；请使用模板）')
    expect(explain('must not be blank')).toBe('不能为空')
  })

  /** The reviewer's GBK file showed 表头 缺少列：… with the very columns the clerk could see in it. */
  it('says what to check when no header was found, not only which columns are missing', () => {
    expect(explain('no header row in the first 10 rows of the file (read as GB18030): none names the columns 反馈意见方面, 具体问题; is it the task breakdown table, and saved as CSV UTF-8 or as the CSV Excel writes (GBK)? use the template at /plans/template.csv or /plans/template.xlsx'))
      .toBe('未找到表头：文件（按 GB18030 编码读取）的前 10 行中没有一行含有列名（反馈意见方面、具体问题）。请确认文件是任务分解表（可下载模板）；CSV 请在 Excel 中另存为“CSV UTF-8（逗号分隔）”或 Excel 工作簿')
    expect(explain('no header row in the first 10 rows of any sheet (填表说明, Sheet2): none names the columns 反馈意见方面; is it the task breakdown table? use the template'))
      .toMatch(/^未找到表头：各工作表（填表说明、Sheet2）的前 10 行/)
    expect(explain('not readable as text: neither UTF-8 nor GB18030 (GBK); save the table as CSV UTF-8 or as a workbook (.xlsx)'))
      .toMatch(/^无法读取文件中的文字/)
    expect(explain('more than 2000 tasks (2100); split the plan')).toBe('共 2100 项任务，超过一次可导入的 2000 项，请拆分后分批导入')
  })

  it('names a formula cell without a value, a control character and a percentage in another unit', () => {
    expect(explain('cell G3: a formula without a computed value: open the file in Excel and save it again, or paste the values instead of the formulas'))
      .toBe('单元格 G3 是公式，但没有计算结果：请在 Excel 中打开并保存，或改为粘贴数值')
    expect(explain("cell E2: the formula's result is the error #N/A: correct it in the spreadsheet")).toBe('单元格 E2 的值是错误值 #N/A，请在表格中修正')
    expect(explain('contains a control character (U+0007) at position 2')).toBe('含有不可见的控制字符（U+0007，第 2 个字符），请删除后再导入')
    expect(explain("'50%' is a percentage, but 指标单位 is '件': write the figure in 件, or make the unit %"))
      .toBe('“50%”是百分数，但指标单位是“件”：请按该单位填写数值，或把指标单位改为 %')
  })
})

describe('the dry run\'s warnings, in Chinese', () => {
  it('lists them by row and column, the file\'s own first, and lets the import go on', () => {
    const diff = planDiff(result([row(2, 'ADDED')], [], [
      { field: 'body', message: 'not UTF-8: read as GB18030 (GBK), as Excel saves a CSV on a Chinese system' },
      { field: 'row 2.具体问题', message: "numbering '１．' removed: areas, problems and tasks are numbered by their place in the plan" },
    ]))
    expect(diff.importable).toBe(true)
    expect(diff.warnings).toEqual([
      { line: 0, column: '整个文件', message: expect.stringMatching(/^文件不是 UTF-8 编码，已按 GBK（GB18030）读取/) },
      { line: 2, column: '具体问题', message: '已去掉编号“１．”：方面、问题和任务由系统按顺序编号' },
    ])
  })

  it('says which rows were read as one, which only resemble each other, and which unit looks mistyped', () => {
    expect(explainWarning("'招商不力。' is read as the problem '招商不力' of row 2 (the same title but for numbering, blanks, full-width characters or a final 。/；)"))
      .toBe('“招商不力。”与第 2 行的具体问题“招商不力”视为同一项（仅编号、空格、全角半角或句末标点不同）')
    expect(explainWarning("'招商引资不力' resembles the problem '招商不力' of row 2 and is imported as another problem: if it is the same, write it as there"))
      .toBe('“招商引资不力”与第 2 行的具体问题“招商不力”相近，将作为另一项导入：如是同一项，请照第 2 行填写')
    expect(explainWarning("'46387' read as an Excel date serial number: 2026-12-31")).toBe('“46387”按 Excel 日期序号读作 2026-12-31，请核对')
    expect(explainWarning("'招商居' is new to the ledger and close to '招商局' (in the ledger): officers act only on the tasks of their unit, by its exact name"))
      .toBe('责任单位“招商居”在台账中尚无，与“招商局”（台账中已有）几乎相同：请核对；责任人只能处理本单位名下的任务')
    expect(explainWarning("'招商居' is new to the ledger and close to '招商局' (row 3): officers act only on the tasks of their unit, by its exact name"))
      .toMatch(/（第 3 行）/)
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
