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
  /** What the import read otherwise than written or noticed (numbering removed, a unit close to a known one): nothing refused. */
  warnings: CellError[]
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
  const warnings = (result.warnings ?? []).map((w) => ({ ...(cellOf(w.field) ?? { line: 0, column: w.field === 'body' ? '整个文件' : w.field }), message: explainWarning(w.message) }))
  return { rows, counts, warnings, otherConflicts, importable: counts.ADDED > 0 && !refused }
}

const WHAT: Record<string, string> = { area: '反馈意见方面', problem: '具体问题' }

/** "in the ledger" / "row 3": where a unit or title was seen before. */
function seenAt(where: string): string {
  const line = where.match(/^row (\d+)$/)
  return line ? `第 ${line[1]} 行` : '台账中已有'
}

// The import's warnings (tasks-service plan/PlanRowReader, FileTitles, UnitNames, CsvPlanReader), in Chinese.
const WARNINGS: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^not UTF-8: read as GB18030/, () => '文件不是 UTF-8 编码，已按 GBK（GB18030）读取；如有乱码，请在 Excel 中另存为“CSV UTF-8（逗号分隔）”'],
  [/^numbering '(.*)' removed: /, (m) => `已去掉编号“${m[1]}”：方面、问题和任务由系统按顺序编号`],
  [/^'(.*)' is read as the (area|problem) '(.*)' of row (\d+) /s,
    (m) => `“${m[1]}”与第 ${m[4]} 行的${WHAT[m[2] ?? ''] ?? ''}“${m[3]}”视为同一项（仅编号、空格、全角半角或句末标点不同）`],
  [/^'(.*)' resembles the (area|problem) '(.*)' of row (\d+) and is imported as another /s,
    (m) => `“${m[1]}”与第 ${m[4]} 行的${WHAT[m[2] ?? ''] ?? ''}“${m[3]}”相近，将作为另一项导入：如是同一项，请照第 ${m[4]} 行填写`],
  [/^'(.*)' read as an Excel date serial number: (\S+)$/, (m) => `“${m[1]}”按 Excel 日期序号读作 ${m[2]}，请核对`],
  [/^'(.*)' is new to the ledger and close to '(.*)' \((.*?)\): /s,
    (m) => `责任单位“${m[1]}”在台账中尚无，与“${m[2]}”（${seenAt(m[3] ?? '')}）几乎相同：请核对；责任人只能处理本单位名下的任务`],
]

/** A warning of the import in the office's words (one the console has no words for is shown as sent). */
export function explainWarning(message: string): string {
  const known = WARNINGS.find(([pattern]) => pattern.test(message))
  return known === undefined ? message : known[1](message.match(known[0]) as RegExpMatchArray)
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

/**
 * Where the service read (or looked for) the header: "row 3" → 第 3 行, "row 3 of sheet '任务分解表'" →
 * 工作表“任务分解表”第 3 行, "the file (read as UTF-8)" → 文件（按 UTF-8 编码读取）, "any sheet (a, b)" → 各工作表（a、b）.
 */
function where(text: string): string {
  const sheetRow = text.match(/^row (\d+) of sheet '(.*)'$/)
  if (sheetRow) return `工作表“${sheetRow[2]}”第 ${sheetRow[1]} 行`
  const row = text.match(/^row (\d+)$/)
  if (row) return `第 ${row[1]} 行`
  const file = text.match(/^the file \(read as (.*)\)$/)
  if (file) return `文件（按 ${file[1]} 编码读取）`
  const sheets = text.match(/^any sheet \((.*)\)$/)
  if (sheets) return `各工作表（${(sheets[1] ?? '').split(', ').join('、')}）`
  const sheet = text.match(/^the sheet '(.*)'$/)
  return sheet ? `工作表“${sheet[1]}”` : text
}

/** How 指标目标 is written (the service's PlanIndicatorCells reads these forms). */
const TARGET_FORMS = '绝对目标写 ≥N 或 ≤N（不低于N / 不高于N），相对基线的变化写 上升N% 或 下降N%'

// The import's own refusals of a cell (tasks-service plan/SpreadsheetPlanImportService), in Chinese.
const CELL_MESSAGES: [RegExp, string | ((m: RegExpMatchArray) => string)][] = [
  // plan/PlanDates: the forms a date may be written in
  [/^'(.*)' is not a date; write it as [^(]*?( \(长期坚持 is a 任务类型.*)?$/s, (m) => `“${m[1]}”不是有效日期：可写作 2026-12-31、2026/12/31、2026.12.31 或 2026年12月31日`
    + (m[2] ? '（长期坚持是任务类型：长期任务也须填写完成时限，阶段安排写在阶段性目标中）' : '')],
  [/^'(.*)' must be between (\S+) and (\S+)$/, '“$1”超出可填写的日期范围（$2 至 $3）'],
  [/^cell (\w+): a formula without a computed value.*$/s, '单元格 $1 是公式，但没有计算结果：请在 Excel 中打开并保存，或改为粘贴数值'],
  [/^cell (\w+): (?:the formula's result is|holds) the error (\S+?):.*$/s, '单元格 $1 的值是错误值 $2，请在表格中修正'],
  [/^contains a control character \(U\+(\w+)\) at position (\d+)$/, '含有不可见的控制字符（U+$1，第 $2 个字符），请删除后再导入'],
  [/^'(.*)' is a percentage, but 指标单位 is '(.*?)':.*$/s, '“$1”是百分数，但指标单位是“$2”：请按该单位填写数值，或把指标单位改为 %'],
  [/^no header row in the first (\d+) rows of (.*?): none names the columns (.*?); .*$/s,
    (m) => `未找到表头：${where(m[2] ?? '')}的前 ${m[1]} 行中没有一行含有列名（${(m[3] ?? '').split(', ').join('、')}）。`
      + '请确认文件是任务分解表（可下载模板）；CSV 请在 Excel 中另存为“CSV UTF-8（逗号分隔）”或 Excel 工作簿'],
  [/^not readable as text: /, () => '无法读取文件中的文字：既不是 UTF-8 也不是 GBK（GB18030）编码。请在 Excel 中另存为“CSV UTF-8（逗号分隔）”或 Excel 工作簿'],
  [/^missing column\(s\) (.*?) in the header \((.*?)\);.*$/s, (m) => `缺少列：${m[1]}（表头读自${where(m[2] ?? '')}；请使用模板）`],
  [/^more than (\d+) tasks \((\d+)\); split the plan$/, '共 $2 项任务，超过一次可导入的 $1 项，请拆分后分批导入'],
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
  [/^the same task as row (\d+) .*$/, '与第 $1 行是同一项任务（方面、问题、任务均相同）'],
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

/** The dry run's warnings, as the refused cells but headed 提示: nothing in them refuses the import. */
export const WARNING_COLUMNS: readonly Column<CellError>[] = CELL_ERROR_COLUMNS.map((column) =>
  column.key === 'message' ? { ...column, label: '提示' } : column)
