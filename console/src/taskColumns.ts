import type { TaskRow } from '@/api/types'
import { formatDate, STATE_LABELS } from '@/format'

/**
 * A column of the task list and the responsibility list (三个清单), declared once for both and
 * rendered by TaskRowTable. The widths are those that let each list fit at 820 px (a tablet).
 */
export interface TaskColumn {
  /** stays the same while the heading changes (the responsibility list's other column) */
  key: string
  label: string
  width?: number
  minWidth?: number
  align?: 'right'
  /** a field shown as it is */
  prop?: keyof TaskRow
  /** the task's title, linking to the task */
  link?: true
  /** or what the cell says, from the row */
  text?: (row: TaskRow) => string
}

/** How the responsibility list groups its tasks (by the name of the lead official or of the unit). */
export type Grouping = 'byLeadOfficial' | 'byResponsibleUnit'

const NUMBER: TaskColumn = { key: 'label', prop: 'label', label: '编号', width: 80 }
const TITLE: TaskColumn = { key: 'title', link: true, label: '整改任务', minWidth: 130 }
const DEADLINE: TaskColumn = { key: 'deadline', label: '完成时限', width: 112, text: (row) => formatDate(row.deadline) }
const STATE: TaskColumn = { key: 'state', label: '状态', width: 66, text: (row) => STATE_LABELS[row.state] ?? row.state }

export const TASK_LIST_COLUMNS: readonly TaskColumn[] = [
  NUMBER,
  TITLE,
  { key: 'responsibleUnit', prop: 'responsibleUnit', label: '责任单位', minWidth: 80 },
  { key: 'leadOfficial', prop: 'leadOfficial', label: '牵头领导', minWidth: 80 },
  DEADLINE,
  STATE,
  { key: 'percentComplete', label: '进度', width: 58, align: 'right', text: (row) => `${row.percentComplete}%` },
]

/** The responsibility list's columns: beside the task, whichever of unit and lead official it is not grouped by. */
export function responsibilityColumns(grouping: Grouping): TaskColumn[] {
  const byLead = grouping === 'byLeadOfficial'
  return [
    NUMBER,
    TITLE,
    { key: 'other', label: byLead ? '责任单位' : '牵头领导', minWidth: 80, text: (row) => (byLead ? row.responsibleUnit : row.leadOfficial ?? '—') },
    { key: 'responsiblePerson', prop: 'responsiblePerson', label: '具体责任人', minWidth: 96 },
    DEADLINE,
    STATE,
  ]
}
