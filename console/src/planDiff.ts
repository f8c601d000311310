// A dry run of the task breakdown table's import, read as a diff: each row with its status and the
// cells an import would refuse, so the office sees what confirming would create before it does.
import type { RowOutcome, RowStatus, SpreadsheetImportResult } from '@/api/types'
import { translateMessage } from '@/api/problem'
import type { Column } from '@/rowColumns'

export interface DiffRow extends RowOutcome {
  /** The sheet's line number (row 3 → 3). */
  line: number
  /** Cells of this row an import would refuse: column → message. */
  conflicts: { column: string; message: string }[]
}

export interface PlanDiff {
  rows: DiffRow[]
  counts: Record<RowStatus, number>
  /** Refusals not tied to one row (none today; kept so nothing is hidden). */
  otherConflicts: { field: string; message: string }[]
  /** Whether confirming would store something and nothing would be refused. */
  importable: boolean
}

export const STATUS_LABELS: Record<RowStatus, string> = {
  ADDED: '新增', CHANGED: '有变化', UNCHANGED: '无变化', REMOVED: '删除', CONFLICT: '有冲突',
}

/** "row 12.完成时限" → { line: 12, column: '完成时限' }; a field of no row → null. */
export function cellOf(field: string): { line: number; column: string } | null {
  const match = field.match(/^row (\d+)(?:\.(.+))?$/)
  if (!match) return null
  return { line: Number(match[1]), column: match[2] ?? '' }
}

export function planDiff(result: SpreadsheetImportResult): PlanDiff {
  const byLine = new Map<number, DiffRow>()
  const rows = result.rows.map((row) => {
    const diffRow: DiffRow = { ...row, line: cellOf(row.row)?.line ?? 0, conflicts: [] }
    byLine.set(diffRow.line, diffRow)
    return diffRow
  })
  const otherConflicts: PlanDiff['otherConflicts'] = []
  for (const conflict of result.conflicts ?? []) {
    const cell = cellOf(conflict.field)
    const row = cell === null ? undefined : byLine.get(cell.line)
    if (row !== undefined && cell !== null) row.conflicts.push({ column: cell.column, message: explain(conflict.message) })
    else otherConflicts.push(conflict)
  }
  const counts: Record<RowStatus, number> = { ADDED: 0, CHANGED: 0, UNCHANGED: 0, REMOVED: 0, CONFLICT: 0 }
  for (const row of rows) counts[row.status] += 1
  const refused = rows.some((row) => row.conflicts.length > 0) || otherConflicts.length > 0 || counts.CHANGED > 0
    || counts.CONFLICT > 0
  return { rows, counts, otherConflicts, importable: counts.ADDED > 0 && !refused }
}

/** The service's English reasons, in the office's words (the rest shown as sent). */
export function explain(message: string): string {
  if (/^differs from task /.test(message)) return '与台账中的任务不一致：导入不会修改已有任务，请在任务页面调整，或改回表格中的值'
  const near = message.match(/^'(.+)' is no (area|problem) of the ledger, but resembles \w+ (\d+) '(.+?)'/)
  if (near) {
    const what = near[2] === 'area' ? '反馈意见方面' : '具体问题'
    return `“${near[1]}”与已有${what}“${near[4]}”相近但不相同：请照原标题填写，或先修改已有的${what}`
  }
  const many = message.match(/^'(.+)' matches (\d+) (areas|problems|tasks) of the ledger/)
  if (many) {
    const what = many[3] === 'areas' ? '反馈意见方面' : many[3] === 'problems' ? '具体问题' : '整改任务'
    return `“${many[1]}”与台账中 ${many[2]} 项${what}同名，无法确定是哪一项：请先在台账中修改其中的标题`
  }
  // One cell holds several stage goals (indicators): the service names the one it refuses.
  const goal = message.match(/^stage goal (\d+) '(.*?)': (.*)$/s)
  if (goal) return `阶段性目标${goal[1]}${goal[2] ? `“${goal[2]}”` : ''}：${explain(goal[3] ?? '')}`
  const indicator = message.match(/^indicator (\d+): (.*)$/s)
  if (indicator) return `第${indicator[1]}个指标：${explain(indicator[2] ?? '')}`
  const translated = CELL_MESSAGES.find(([pattern]) => pattern.test(message))
  if (translated === undefined) return translateMessage(message)
  const [pattern, said] = translated
  return typeof said === 'string' ? message.replace(pattern, said) : said(message.match(pattern) as RegExpMatchArray)
}

/** How 指标目标 is written (the service's PlanIndicatorCells reads these forms). */
const TARGET_FORMS = '绝对目标写 ≥N 或 ≤N（不低于N / 不高于N），相对基线的变化写 上升N% 或 下降N%'

// The import's own refusals of a cell (tasks-service plan/SpreadsheetPlanImportService), in Chinese.
const CELL_MESSAGES: [RegExp, string | ((m: RegExpMatchArray) => string)][] = [
  [/^'(.*)' is not a date \(YYYY-MM-DD\)$/, '“$1”不是有效日期（应为 YYYY-MM-DD）'],
  // 任务类型 and 调度频次: the words the console shows, which the service lists first (it reads the codes too)
  [/^'(.*)' is not one of (.*?)(?: \(or the codes .*\))?$/, (m) => `“${m[1]}”不是可选值之一（${(m[2] ?? '').split(', ').join('、')}）`],
  [/^a LONG_TERM task needs at least one stage goal$/, '长期坚持类任务须至少填写一个阶段性目标'],
  [/^'(.*)' is not a target; .*$/, (m) => `“${m[1]}”不是目标值：${TARGET_FORMS}`],
  [/^must not be blank; write ≥N.*$/, () => `不能为空：${TARGET_FORMS}`],
  [/^has (\d+) entries separated by ';' but 指标名称 has (\d+)$/, '有 $1 项（以“;”分隔），而指标名称有 $2 项'],
  [/^must name the indicator\(s\) that (.*) describes$/, '请填写$1所对应的指标名称'],
  [/^a source goes with a value in 指标现值$/, '填写了指标来源，须同时填写指标现值'],
  [/^say where the actual value comes from$/, '填写了指标现值，须同时填写指标来源'],
  [/^a RELATIVE_PERCENT target without a baseline/, '相对基线的目标未填指标基线时，记录的是变化本身：单位应为 %，或填写指标基线'],
  [/^'(.*)' is not title@YYYY-MM-DD$/, '“$1”应写作 节点名称@YYYY-MM-DD'],
  [/^'(.*)' is not a number$/, '“$1”不是数字'],
  [/^has (\d+) cells; the header has (\d+)$/, '本行有 $1 个单元格，表头有 $2 列'],
  [/^missing column\(s\) (.*?);.*$/, '缺少列：$1（请使用模板）'],
  [/^the same task as row (\d+) .*$/, '与第 $1 行是同一项任务（方面、问题、任务均相同）'],
  [/^more than (\d+) rows; split the plan$/, '超过 $1 行，请拆分后分批导入'],
]

/** The dry run's rows: the sheet's line before the task on a phone's card; the page tags 结果 and lists 不一致之处 in red. */
export const DIFF_COLUMNS: readonly Column<DiffRow>[] = [
  { key: 'line', label: '行', width: 64, text: (r) => String(r.line), card: 'number' },
  { key: 'status', label: '结果', width: 90, text: (r) => STATUS_LABELS[r.status] },
  { key: 'area', prop: 'area', label: '反馈意见方面', minWidth: 160 },
  { key: 'problem', prop: 'problem', label: '具体问题', minWidth: 180 },
  { key: 'task', prop: 'task', label: '整改任务', minWidth: 220, card: 'title' },
  { key: 'conflicts', label: '不一致之处', minWidth: 260, text: (r) => r.conflicts.map((c) => `${c.column}：${c.message}`).join('；') || '—' },
]

/** A cell the service refused, by line and column (a line of 0: the sheet as a whole). */
export interface CellError { line: number; column: string; message: string }

/** The refused cells: line and column head a phone's card, the problem under them. */
export const CELL_ERROR_COLUMNS: readonly Column<CellError>[] = [
  { key: 'line', label: '行', width: 80, text: (e) => (e.line ? String(e.line) : '—'), card: 'number' },
  { key: 'column', prop: 'column', label: '列', width: 160, card: 'title' },
  { key: 'message', prop: 'message', label: '问题' },
]
