import type { HttpClient } from './http'
import { formatDate } from '@/format'
import type { Column } from '@/rowColumns'
import { sourceWord } from '@/problemSources'
import { taskHeading } from '@/taskNames'

/**
 * The kinds of 待办 reporting-service computes (GET /todos), with the label it answers for each (its TodoKind, in its
 * order; tests/todos.test.ts holds the two equal).
 */
export const TODO_KIND_LABELS = {
  TASK_OVERDUE: '任务已逾期',
  TASK_DUE_SOON: '任务临近完成时限',
  PROGRESS_REPORT_MISSING: '进展情况未按期报送',
  TASK_REOPENED: '“回头看”后再整改',
  CLAIM_REJECTED: '销号申请被驳回',
  STAGE_GOAL_OVERDUE: '阶段目标已逾期',
  STAGE_GOAL_DUE: '阶段目标临近时限',
  CLAIM_TO_VERIFY: '销号申请待核验',
  LOOK_BACK_DUE: '“回头看”待开展',
  FEEDBACK_REPLY_OVERDUE: '群众反映答复已逾期',
  FEEDBACK_REPLY_DUE: '群众反映待答复',
  MEETING_DECISION_OVERDUE: '会议议定事项已逾期',
  MEETING_DECISION_DUE: '会议议定事项临近时限',
  PROBLEM_WITHOUT_MEASURES: '制定整改措施',
  DEADLINE_EXTENSION_REQUESTED: '延期申请待审批',
} as const

export type TodoKind = keyof typeof TODO_KIND_LABELS

export interface TodoItem {
  kind: TodoKind
  /** the kind in Chinese, e.g. 任务已逾期 */
  label: string
  inspectionId: string | null
  taskId: string | null
  taskNumber: number | null
  /** the task's numbering in the plan, e.g. （一）3.二是; null while its area or problem is not known */
  taskLabel: string | null
  /**
   * the source of the task's problem (PLAN, FEEDBACK, …); null for a to-do about no task, or while the problem is
   * not known (read as a finding)
   */
  taskSource: string | null
  feedbackId: string | null
  /** the problem of a PROBLEM_WITHOUT_MEASURES (制定整改措施), which has no task yet */
  problemId: string | null
  title: string | null
  responsibleUnit: string | null
  dueDate: string | null
  /** days from asOf to dueDate; negative: that many days overdue */
  daysLeft: number
  /** the console path, e.g. /console/tasks/{id}, /console/meetings/{id} (a decision about no task), /console/feedback/{id} */
  link: string | null
  /**
   * what the decision the to-do answers said, as written: the look-back's reason of a TASK_REOPENED (再整改), the
   * supervisor's of a CLAIM_REJECTED (销号申请被驳回); the date asked for and the unit's reason of a
   * DEADLINE_EXTENSION_REQUESTED (申请延至2027年3月31日：…)
   */
  note: string | null
  /** the stage goal (阶段目标) a STAGE_GOAL_DUE / STAGE_GOAL_OVERDUE is about; the task is its taskId and title */
  stageGoal: string | null
}

export interface TodoList {
  person: string
  asOf: string
  dueSoonDays: number
  count: number
  byKind: Partial<Record<TodoKind, number>>
  items: TodoItem[]
}

/** The signed-in person's to-dos, from reporting-service behind the gateway. */
export class TodosApi {
  constructor(private readonly http: HttpClient) {}

  async mine(): Promise<TodoList> {
    return (await this.http.request<TodoList>('GET', '/todos')).body
  }
}

/** How a to-do's date reads: 已逾期3天, 今日到期, 还有4天. */
export function dueText(item: Pick<TodoItem, 'dueDate' | 'daysLeft'>): string {
  if (item.dueDate === null) return ''
  if (item.daysLeft < 0) return `已逾期${-item.daysLeft}天`
  if (item.daysLeft === 0) return '今日到期'
  return `还有${item.daysLeft}天`
}

/** The router path of a to-do's link (the API gives it under the console's base /console). */
export function routeOf(item: Pick<TodoItem, 'link'>): string | null {
  if (item.link === null) return null
  return item.link.startsWith('/console/') ? item.link.slice('/console'.length) : item.link
}

/**
 * A to-do's 事项 in words: its task named as the mails name it (任务（一）3.二是：…); a task whose
 * area or problem reporting has not read yet by its own number alone (任务3：…), as the mails too.
 * A task of a problem not of the inspection's findings says its source first (群众反映任务（三）5.一是：…),
 * as the mails and the lists do: tasks-service numbers it in its area's one sequence (problemSources.ts).
 */
export function todoTitle(item: Pick<TodoItem, 'taskNumber' | 'taskLabel' | 'taskSource' | 'title'>): string {
  const title = item.title ?? ''
  if (item.taskNumber === null) return title
  return `${sourceWord(item.taskSource) ?? ''}${taskHeading(item.taskLabel ?? String(item.taskNumber), title)}`
}

/** 待办's columns; the page links the 事项 and marks an overdue 期限 in red. */
export const TODO_COLUMNS: readonly Column<TodoItem>[] = [
  { key: 'label', prop: 'label', label: '类别', width: 110 },
  { key: 'title', label: '事项', minWidth: 170, text: todoTitle, card: 'title' },
  { key: 'responsibleUnit', label: '责任单位', width: 100, text: (item) => item.responsibleUnit ?? '—' },
  // the date and how it stands (已逾期3天) in one cell, so that a phone's card reads them on one line
  { key: 'due', label: '期限', width: 240, text: (item) => (item.dueDate === null ? '—' : `${formatDate(item.dueDate)} ${dueText(item)}`) },
]
