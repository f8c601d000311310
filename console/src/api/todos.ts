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
  PROGRESS_REPORT_DUE: '进展情况今日应报送',
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

/** One reason a to-do needs the reader, in its own words (reporting-service's TodoReason). */
export interface TodoReason {
  kind: TodoKind
  /** the kind in Chinese, e.g. 销号申请被驳回 */
  label: string
  dueDate: string | null
  /** days from asOf to dueDate; negative: that many days overdue */
  daysLeft: number
  /**
   * what the decision the reason answers said, as written: the look-back's reason of a TASK_REOPENED (再整改), the
   * supervisor's of a CLAIM_REJECTED (销号申请被驳回); the date asked for and the unit's reason of a
   * DEADLINE_EXTENSION_REQUESTED (申请延至2027年3月31日：…); a meeting decision's text when the to-do is its task's
   */
  note: string | null
  /** the stage goal (阶段目标) a STAGE_GOAL_DUE / STAGE_GOAL_OVERDUE is about; the task is the to-do's */
  stageGoal: string | null
}

/**
 * One 待办: one a task, naming every reason it needs the reader for (`reasons`, the most urgent first); its kind, label,
 * dueDate and daysLeft are its most urgent reason's, the earliest date.
 */
export interface TodoItem {
  kind: TodoKind
  /** the kind of its most urgent reason in Chinese, e.g. 任务已逾期 */
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
  /**
   * the task's title; a meeting decision's text when it is about no task known; a problem's; a feedback's category,
   * channel and when it came, 群众反映（举报） · 来信 · 2026年12月3日收到 (the events carry no tracking code)
   */
  title: string | null
  responsibleUnit: string | null
  /** the earliest of its reasons' dates */
  dueDate: string | null
  /** days from asOf to dueDate; negative: that many days overdue */
  daysLeft: number
  /** the console path, e.g. /console/tasks/{id}, /console/meetings/{id} (a decision about no task), /console/feedback/{id} */
  link: string | null
  /** every reason, the most urgent first: the earliest date, then the kinds' order */
  reasons: TodoReason[]
}

export interface TodoList {
  person: string
  asOf: string
  dueSoonDays: number
  /** the to-dos (entries: one a task) */
  count: number
  /** the reasons of each kind, over all entries */
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

/**
 * What the list holds, by kind, in the kinds' order: how many reasons of each its entries give (an entry of one
 * task names all of its reasons, so these may add up to more than the entries), as reporting-service's byKind counts.
 */
export function kindCounts(items: readonly Pick<TodoItem, 'reasons'>[]): { kind: TodoKind; label: string; count: number }[] {
  const counts = new Map<TodoKind, number>()
  for (const item of items) for (const reason of item.reasons) counts.set(reason.kind, (counts.get(reason.kind) ?? 0) + 1)
  return (Object.keys(TODO_KIND_LABELS) as TodoKind[]).filter((kind) => counts.has(kind))
    .map((kind) => ({ kind, label: TODO_KIND_LABELS[kind], count: counts.get(kind)! }))
}

/**
 * 待办's heading, true of what is listed: its entries by kind. Not every kind is chosen by date: a claim to
 * verify, a deadline request, a rejection or a reopening to answer and a problem without measures wait on the
 * reader whatever their date (reporting-service's TodoQueries), while what falls due (a deadline, a stage goal,
 * a look-back, a decision, a reply) is listed from `dueSoonDays` before it.
 */
export function todoSummary(list: Pick<TodoList, 'asOf' | 'count' | 'dueSoonDays' | 'items'>): string {
  const asOf = `截至 ${formatDate(list.asOf)}`
  if (list.count === 0) return `${asOf}，暂无待办。`
  const kinds = kindCounts(list.items).map((k) => `${k.label} ${k.count}`).join('、')
  return `${asOf}，共 ${list.count} 项（${kinds}），最紧急的在前；临近时限的事项自到期前 ${list.dueSoonDays} 天起列出；同一任务只列一项，写明全部事由。`
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

const MEETING_DECISIONS: readonly TodoKind[] = ['MEETING_DECISION_OVERDUE', 'MEETING_DECISION_DUE']

/** Its reasons' kinds in Chinese, the most urgent first, each kind once: 任务已逾期、销号申请被驳回. */
export function reasonLabels(item: Pick<TodoItem, 'reasons'>): string {
  return [...new Set(item.reasons.map((r) => r.label))].join('、')
}

/**
 * Each reason in its own words, below the to-do's task. An entry of one reason, whose kind 类别 says: its words
 * alone (阶段目标：…, 理由：…, 议定事项：…). An entry of several, each reason that adds to 类别 and 期限, as the daily
 * digest says them (reporting-service DigestText): 阶段目标已逾期：“完成首批清退”, 任务已逾期 2025年3月8日 已逾期2天 (its
 * date where it is not the entry's), 销号申请被驳回，理由：…, 会议议定事项临近时限：补齐照片 2025年3月12日 还有2天.
 */
export function reasonLines(item: Pick<TodoItem, 'reasons' | 'dueDate'>): string[] {
  if (item.reasons.length === 1) {
    const only = item.reasons[0]!
    if (only.stageGoal !== null) return [`阶段目标：${only.stageGoal}`]
    if (only.note === null) return []
    return [MEETING_DECISIONS.includes(only.kind) ? `议定事项：${only.note}` : `理由：${only.note}`]
  }
  return item.reasons.map((r) => reasonWords(r, item.dueDate)).filter((line): line is string => line !== null)
}

/** One reason of several: its label and words, its date unless it is `entryDate`; null when it adds nothing. */
function reasonWords(reason: TodoReason, entryDate: string | null): string | null {
  const decision = MEETING_DECISIONS.includes(reason.kind)
  const words = reason.stageGoal !== null ? `：“${reason.stageGoal}”` : decision && reason.note !== null ? `：${reason.note}` : ''
  const date = reason.dueDate !== null && reason.dueDate !== entryDate ? ` ${formatDate(reason.dueDate)} ${dueText(reason)}` : ''
  const why = !decision && reason.note !== null ? `，理由：${reason.note}` : ''
  return words === '' && date === '' && why === '' ? null : `${reason.label}${words}${date}${why}`
}

/**
 * 待办's columns; the page links the 事项, writes each reason's words under it, and marks an overdue 期限 in red.
 * `inspectionOf` names a to-do's inspection (巡视) when the to-dos are of several (as 销号核实 does): each plan numbers
 * its own tasks, so （一）3.二是 alone would not say which; null when they are of one, which then goes unsaid.
 */
export function todoColumns(inspectionOf: ((id: string) => string) | null): Column<TodoItem>[] {
  return [
    // several reasons wrap, one a line: the four columns must fit an 820 px window beside the menu (e2e)
    { key: 'label', label: '类别', width: 120, text: reasonLabels },
    { key: 'title', label: '事项', minWidth: 170, text: todoTitle, card: 'title' },
    ...(inspectionOf === null ? [] : [{ key: 'inspection', label: '巡视', minWidth: 120,
      text: (item: TodoItem) => (item.inspectionId === null ? '—' : inspectionOf(item.inspectionId)) }]),
    { key: 'responsibleUnit', label: '责任单位', width: 100, text: (item) => item.responsibleUnit ?? '—' },
    // the date and how it stands (已逾期3天) in one cell, so that a phone's card reads them on one line
    { key: 'due', label: '期限', width: 200, text: (item) => (item.dueDate === null ? '—' : `${formatDate(item.dueDate)} ${dueText(item)}`) },
  ]
}

/** 待办's columns for to-dos of one inspection. */
export const TODO_COLUMNS: readonly Column<TodoItem>[] = todoColumns(null)
