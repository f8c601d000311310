import type { HttpClient } from './http'

/** The kinds of 待办 reporting-service computes (GET /todos). */
export type TodoKind =
  | 'TASK_OVERDUE'
  | 'TASK_DUE_SOON'
  | 'PROGRESS_REPORT_MISSING'
  | 'CLAIM_TO_VERIFY'
  | 'LOOK_BACK_DUE'
  | 'FEEDBACK_REPLY_OVERDUE'
  | 'FEEDBACK_REPLY_DUE'
  | 'MEETING_DECISION_OVERDUE'
  | 'MEETING_DECISION_DUE'

export interface TodoItem {
  kind: TodoKind
  /** the kind in Chinese, e.g. 任务已逾期 */
  label: string
  inspectionId: string | null
  taskId: string | null
  taskNumber: number | null
  /** the task's numbering in the plan, e.g. （一）3.二是; null while its area or problem is not known */
  taskLabel: string | null
  feedbackId: string | null
  title: string | null
  responsibleUnit: string | null
  dueDate: string | null
  /** days from asOf to dueDate; negative: that many days overdue */
  daysLeft: number
  /** the console path, e.g. /console/tasks/{id}, /console/meetings/{id} (a decision about no task), /console/feedback/{id} */
  link: string | null
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
