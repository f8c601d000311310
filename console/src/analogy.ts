// 举一反三: the office extends an inspection finding to other units. The extension is a problem of
// its own (source ANALOGY, extendsProblemId the finding) in the finding's area, with one task per
// unit it reaches (docs/tasks-service.md). The form, its checks and what is sent, apart from the dialog.
import type { ProblemExtensionsView, ProblemInput, ProblemView, TaskInput } from '@/api/types'
import type { Column } from '@/rowColumns'

/** One unit reached by the extension, and its task. */
export interface UnitTaskForm {
  responsibleUnit: string
  title: string
  measures: string
  leadOfficial: string
  responsiblePerson: string
  deadline: string
}

export interface AnalogyForm {
  title: string
  tasks: UnitTaskForm[]
}

/** The task fields, in the form's order, with their labels. */
export const TASK_FIELDS: readonly { key: keyof UnitTaskForm; label: string }[] = [
  { key: 'responsibleUnit', label: '责任单位' },
  { key: 'deadline', label: '完成时限' },
  { key: 'title', label: '整改任务' },
  { key: 'measures', label: '整改措施' },
  { key: 'leadOfficial', label: '牵头领导' },
  { key: 'responsiblePerson', label: '责任人' },
]

export const TITLE_MAX = 500

export function emptyUnitTask(): UnitTaskForm {
  return { responsibleUnit: '', title: '', measures: '', leadOfficial: '', responsiblePerson: '', deadline: '' }
}

export function emptyAnalogy(finding: Pick<ProblemView, 'title'>): AnalogyForm {
  return { title: finding.title, tasks: [emptyUnitTask()] }
}

/** The key a task row's field error is kept under in the dialog's errors. */
export function taskKey(index: number, field: string): string {
  return `tasks[${index}].${field}`
}

/** What the service would refuse, checked before sending: every field is required. */
export function analogyErrors(form: AnalogyForm): Record<string, string> {
  const errors: Record<string, string> = {}
  if (form.title.trim() === '') errors.title = '不能为空'
  else if ([...form.title.trim()].length > TITLE_MAX) errors.title = `不能超过 ${TITLE_MAX} 个字符`
  form.tasks.forEach((task, index) => {
    for (const { key } of TASK_FIELDS) {
      if (task[key].trim() === '') errors[taskKey(index, key)] = key === 'deadline' ? '必填' : '不能为空'
    }
  })
  return errors
}

export function problemInput(form: AnalogyForm, findingId: string): ProblemInput {
  return { title: form.title.trim(), source: 'ANALOGY', extendsProblemId: findingId }
}

/** A unit's task as sent: a 限期整改 task (TIME_BOUND) with the monthly report the office asks of such tasks. */
export function taskInput(task: UnitTaskForm): TaskInput {
  return {
    title: task.title.trim(),
    measures: task.measures.trim(),
    leadOfficial: task.leadOfficial.trim(),
    responsiblePerson: task.responsiblePerson.trim(),
    responsibleUnit: task.responsibleUnit.trim(),
    deadline: task.deadline,
    kind: 'TIME_BOUND',
    reportingCadence: 'MONTHLY',
  }
}

/** The service's field errors for one task row (`title`, `input.deadline` …), under that row's keys. */
export function rowErrors(fields: Record<string, string>, index: number): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const { key } of TASK_FIELDS) {
    if (fields[key] !== undefined) errors[taskKey(index, key)] = fields[key]
  }
  return errors
}

/** 举一反三's roll-up by unit (the finding's tasks and its extensions'); the dialog draws 完成进度 as a bar. */
export const UNIT_PROGRESS_COLUMNS: readonly Column<ProblemExtensionsView['units'][number]>[] = [
  { key: 'responsibleUnit', prop: 'responsibleUnit', label: '责任单位', minWidth: 120, card: 'title' },
  { key: 'taskCount', prop: 'taskCount', label: '任务数', width: 70, align: 'right' },
  { key: 'closedOut', prop: 'closedOut', label: '已销号', width: 70, align: 'right' },
  { key: 'percentComplete', label: '完成进度', minWidth: 120, text: (u) => `${u.percentComplete}%` },
]
