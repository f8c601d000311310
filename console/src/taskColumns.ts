import type { Evidence, InspectionView, MilestoneView, ProblemRow, TaskRow, TaskSnapshot } from '@/api/types'
import { EVIDENCE_LABELS, formatDate, formatDateTime, formatNumber, STATE_LABELS } from '@/format'
import type { Column } from '@/rowColumns'
import { labelOf, planNumberPieces, taskNamed } from '@/taskNames'

/**
 * A column of the task list and the responsibility list (三个清单), declared once for both and
 * rendered by RowTable (a card a task on a phone). The widths are those that let each list fit at 820 px (a tablet):
 * 编号 takes a number up to （五）20.二十是 (5.20.20) on one line at the lists' 12 px, its room taken from the columns
 * that wrap anyway (the task's title, the unit's and the official's names).
 */
export type TaskColumn = Column<TaskRow>

/** How the responsibility list groups its tasks (by the name of the lead official or of the unit). */
export type Grouping = 'byLeadOfficial' | 'byResponsibleUnit'

const NUMBER: TaskColumn = { key: 'label', prop: 'label', label: '编号', width: 112, unbroken: planNumberPieces, card: 'number' }
const TITLE: TaskColumn = { key: 'title', prop: 'title', to: (row) => `/tasks/${row.taskId}`, label: '整改任务', minWidth: 110, card: 'title' }
const DEADLINE: TaskColumn = { key: 'deadline', label: '完成时限', width: 112, text: (row) => formatDate(row.deadline) }
const STATE: TaskColumn = { key: 'state', label: '状态', width: 66, text: (row) => STATE_LABELS[row.state] ?? row.state }

export const TASK_LIST_COLUMNS: readonly TaskColumn[] = [
  NUMBER,
  TITLE,
  { key: 'responsibleUnit', prop: 'responsibleUnit', label: '责任单位', minWidth: 74 },
  { key: 'leadOfficial', prop: 'leadOfficial', label: '牵头领导', minWidth: 74 },
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

/** The problem list's columns (问题清单). */
export const PROBLEM_LIST_COLUMNS: readonly Column<ProblemRow>[] = [
  // a problem's number, （五）20., in one line (its tasks' column above)
  { key: 'label', prop: 'label', label: '编号', width: 96, unbroken: planNumberPieces, card: 'number' },
  { key: 'areaTitle', prop: 'areaTitle', label: '反馈意见方面', minWidth: 140 },
  { key: 'title', prop: 'title', label: '具体问题', minWidth: 200, card: 'title' },
  { key: 'taskCount', label: '任务数', width: 70, align: 'right', text: (row) => formatNumber(row.taskCount) },
  { key: 'percentComplete', label: '完成进度', width: 84, align: 'right', text: (row) => `${row.percentComplete}%` },
]

/**
 * The officer's 我的任务: the deadline first (the list's order), the task (its numbering and title), the inspection it is of
 * when the officer's tasks are of several (`inspectionOf`; its numbering alone would not say which plan), its flags (the
 * view draws them, TaskFlags), progress and the last report.
 */
export function myTaskColumns(inspectionOf: ((inspectionId: string) => string) | null): Column<TaskSnapshot>[] {
  // with 巡视 the others give it room, so that the table still fits at 820 px: 时限 still holds 2025年12月30日 on a line
  const several = inspectionOf !== null
  return [
    { key: 'deadline', label: '时限', width: several ? 132 : 140, text: (task) => formatDate(task.deadline) },
    { key: 'title', to: (task) => `/tasks/${task.id}`, label: '任务', minWidth: several ? 120 : 140, text: (task) => taskNamed(labelOf(task), task.title), card: 'title' },
    ...(several ? [{ key: 'inspection', label: '巡视', minWidth: 90, text: (task: TaskSnapshot) => inspectionOf(task.inspectionId) }] : []),
    { key: 'state', label: '状态', minWidth: several ? 120 : 170, text: (task) => STATE_LABELS[task.state] ?? task.state },
    { key: 'percentComplete', label: '进度', width: 64, text: (task) => `${task.percentComplete}%` },
    { key: 'lastProgressReportAt', label: '最近报告', minWidth: several ? 96 : 110, text: (task) => formatDateTime(task.lastProgressReportAt) },
  ]
}

/** 我的任务 of one inspection's tasks. */
export const MY_TASK_COLUMNS: readonly Column<TaskSnapshot>[] = myTaskColumns(null)

/** A task's stage goals (节点): the goal, its planned date and when it was achieved; the page adds 标记达成. */
export const MILESTONE_COLUMNS: readonly Column<MilestoneView>[] = [
  { key: 'title', prop: 'title', label: '节点', card: 'title' },
  { key: 'dueDate', label: '计划完成', width: 160, text: (m) => formatDate(m.dueDate) },
  { key: 'achievedAt', label: '完成时间', width: 180, text: (m) => formatDateTime(m.achievedAt) },
]

/** A task's evidence (佐证材料); the page draws the `file` cell (download, preview, upload: EvidenceFileCell). */
export const EVIDENCE_COLUMNS: readonly Column<Evidence>[] = [
  { key: 'type', label: '类型', width: 90, text: (e) => EVIDENCE_LABELS[e.type] ?? e.type },
  { key: 'title', prop: 'title', label: '名称', card: 'title' },
  { key: 'reference', prop: 'reference', label: '文号或存放位置' },
  // a date's ten characters, as the task lists' 完成时限: at 150 the table scrolled about 20 px at 820 px (a tablet)
  { key: 'date', label: '日期', width: 112, text: (e) => formatDate(e.date) },
  { key: 'file', label: '文件', minWidth: 220 },
]

/** The inspections (巡视与整改方案); the page draws `links`, the ways into an inspection, kept in view at the table's right edge. */
export const INSPECTION_COLUMNS: readonly Column<InspectionView>[] = [
  { key: 'title', prop: 'title', to: (i) => `/inspections/${i.id}/plan`, label: '巡视', minWidth: 160, card: 'title' },
  { key: 'team', prop: 'team', label: '巡视组', width: 130 },
  { key: 'inspectedOrganisation', prop: 'inspectedOrganisation', label: '被巡视单位', width: 140 },
  { key: 'onSite', label: '进驻时间', width: 250, text: (i) => `${formatDate(i.onSiteFrom)} — ${formatDate(i.onSiteTo)}` },
  { key: 'feedbackDate', label: '反馈日期', width: 130, text: (i) => formatDate(i.feedbackDate) },
  { key: 'links', label: '相关', minWidth: 220, fixed: 'right' },
]
