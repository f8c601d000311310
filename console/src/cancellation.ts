// 撤销: the office (整改办) cancels a task, a problem or an area entered by mistake (a plan row imported
// twice, a finding of another inspection, a task under the wrong problem). It stays in the ledger, greyed,
// and counts in no figure; it cannot be undone. What the console says of it: when it is offered, what a
// cancellation takes with it, and tasks-service's refusals (409, by their members) in Chinese.
import type { Problem } from '@/api/problem'
import type { AreaView, Cancellation, ProblemView, TaskSnapshot } from '@/api/types'
import { formatDateTime } from '@/format'
import { taskOrdinal } from '@/taskNames'

export type CancelLevel = 'task' | 'problem' | 'area'
export const LEVEL_WORDS: Record<CancelLevel, string> = { task: '任务', problem: '问题', area: '方面' }

/** Whether the office cancelled it (itself, or what it belongs to): the view's `cancellation`. */
export function isCancelled(record: { cancellation?: Cancellation | null } | null | undefined): boolean {
  return record?.cancellation != null
}

/** 2026年12月5日 10:00 王主任 撤销：重复导入 — when, by whom (their display name) and why, one line. */
export function cancelledLine(cancellation: Cancellation, nameOf: (username: string) => string | null = (u) => u): string {
  return `${formatDateTime(cancellation.at)} ${nameOf(cancellation.by) ?? cancellation.by} 撤销：${cancellation.reason}`
}

/** A close-out is counted (销号, or a LONG_TERM task consolidating): it is reopened through a look-back first. */
const CLOSED: readonly string[] = ['VERIFIED', 'CONSOLIDATING']

/**
 * Why a task's 撤销 is not offered, in the words shown in place of the button (as 申请销号 is when the
 * task has no evidence); '' when it may be cancelled. The service refuses these alike (409).
 */
export function taskNotCancellable(task: TaskSnapshot): string {
  if (isCancelled(task)) return '' // the banner says it; no action is shown on a cancelled task
  return CLOSED.includes(task.state)
    ? '已销号的任务不能撤销：销号已计入统计；如确属误录，须先经回头看重新整改'
    : ''
}

/**
 * What the plan tree reads (for the office only, with the areas) to know which 撤销 tasks-service would
 * refuse before offering it: the inspection's problems escalated from public feedback and its closed-out
 * tasks, those that stand. What only the service knows (举一反三 extending a problem, accountability
 * records naming it) is left to its 409, said by the dialog.
 */
export interface KnownRefusals {
  feedbackProblems: Pick<ProblemView, 'id' | 'areaId'>[]
  closedTasks: Pick<TaskSnapshot, 'areaId' | 'problemId' | 'number' | 'title' | 'state'>[]
}

export const NOTHING_KNOWN: KnownRefusals = { feedbackProblems: [], closedTasks: [] }

const FEEDBACK_PROBLEM = '该问题由群众反映的意见建议转为整改问题，群众可查询其办理情况，不能撤销；表述有误的，请用“修改”'

/**
 * Why a problem's 撤销 is certain to be refused (409 `source` FEEDBACK, `closedTasks`), said on the
 * disabled button; '' when it is offered.
 */
export function problemNotCancellable(problem: Pick<ProblemView, 'id' | 'source' | 'cancellation'>, known: KnownRefusals): string {
  if (isCancelled(problem)) return ''
  const said: string[] = []
  if (problem.source === 'FEEDBACK') said.push(FEEDBACK_PROBLEM)
  const closed = known.closedTasks.filter((t) => t.problemId === problem.id)
  if (closed.length > 0) said.push(`该问题下有已销号的任务：${closed.map(closedTaskName).join('、')}，须先经回头看重新整改，才能撤销`)
  return sentences(said)
}

/** Why an area's 撤销 is certain to be refused (409 `problems`: one escalated from feedback, one with a closed-out task); '' when offered. */
export function areaNotCancellable(area: Pick<AreaView, 'id' | 'cancellation'>, known: KnownRefusals): string {
  if (isCancelled(area)) return ''
  const said: string[] = []
  const fromFeedback = known.feedbackProblems.filter((p) => p.areaId === area.id).length
  if (fromFeedback > 0) said.push(`该方面下有 ${fromFeedback} 个由群众反映的意见建议转为整改的问题，群众可查询其办理情况，不能撤销`)
  const closed = known.closedTasks.filter((t) => t.areaId === area.id).length
  if (closed > 0) said.push(`该方面下有 ${closed} 项已销号的任务，须先经回头看重新整改，才能撤销`)
  return sentences(said)
}

const sentences = (said: string[]) => (said.length > 0 ? `${said.join('；')}。` : '')

/** What the dialog lists a task as: 二是 健全学习制度 (its problem is said above the list). */
export function taskLine(task: Pick<TaskSnapshot, 'number' | 'title'>): string {
  return `${taskOrdinal(task.number)} ${task.title}`
}

/** What the dialog lists a problem as: 2. 理论学习不够深入（3项任务）. */
export function problemLine(problem: Pick<ProblemView, 'number' | 'title'>, tasks: number): string {
  return `${problem.number}. ${problem.title}（${tasks}项任务）`
}

/** What a cancellation does, said plainly before it is confirmed. */
export function cancellationEffect(level: CancelLevel): string {
  const word = LEVEL_WORDS[level]
  const along = level === 'area' ? '（连同其下的问题和任务）' : level === 'problem' ? '（连同其下的任务）' : ''
  return `撤销用于重复导入、误录或挂错位置的${word}：撤销后该${word}${along}仍保留在台账中并标注“已撤销”，`
    + '不再计入任何统计数字（完成率、逾期、清单和整改报告），也不能再办理；撤销后不能恢复。'
    + (level === 'task' ? '内容有误的，请用“修改”或“调整责任与时限”。' : `名称有误的，请用“修改”。`)
}

// ---- refusals (409): the members tasks-service names, said in Chinese

interface ClosedTask { id?: string; number?: number; title?: string; state?: string }

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])

function closedTaskName(task: ClosedTask): string {
  const name = `${typeof task.number === 'number' ? taskOrdinal(task.number) : ''}“${task.title ?? ''}”`
  return task.state === 'CONSOLIDATING' ? `${name}（巩固中）` : name
}

/** A problem's reasons as an area's refusal lists them (`problems`), naming it by number and title. */
interface RefusedProblem { problemId?: string; number?: number; title?: string }

/** 问题“2. 理论学习不够深入”, or its number alone, as an area's refusal names one of its problems. */
function problemNamed(refused: RefusedProblem): string {
  const number = typeof refused.number === 'number' ? `${refused.number}. ` : ''
  return typeof refused.title === 'string' ? `问题“${number}${refused.title}”` : `第${refused.number ?? '?'}个问题`
}

/** The sentences for one problem's reasons (a problem's 409 members, or one entry of an area's `problems`). */
function problemReasons(members: Record<string, unknown>, subject: string): string[] {
  const said: string[] = []
  const closed = list(members.closedTasks).filter((t): t is ClosedTask => t !== null && typeof t === 'object')
  if (closed.length > 0) {
    said.push(`${subject}下有已销号的任务：${closed.map(closedTaskName).join('、')}，须先经回头看重新整改`)
  }
  if (members.source === 'FEEDBACK') {
    said.push(`${subject}由群众反映的意见建议转为整改问题，群众可查询其办理情况，不能撤销`)
  }
  const extendedBy = list(members.extendedBy)
  if (extendedBy.length > 0) {
    said.push(`${subject}有 ${extendedBy.length} 个举一反三问题延伸自它，须先撤销这些举一反三问题`)
  }
  const records = list(members.accountabilityRecords)
  if (records.length > 0) {
    said.push(`问责与追回中有 ${records.length} 条记录涉及${subject}，须先在“问责与追回”中撤销登记或更正这些记录`)
  }
  return said
}

/**
 * A refusal of 撤销 in Chinese, a sentence for each member the service named, or null when the answer
 * names none of them (the console's general words for a 409 are said then). `level` is what was to be
 * cancelled. A problem's reasons are the 409's own members; an area's are listed per problem in
 * `problems` (`[{problemId, number, title, closedTasks?, source?, extendedBy?, accountabilityRecords?}]`).
 */
export function cancellationRefusal(problem: Problem, level: CancelLevel): string | null {
  if (problem.status !== 409) return null
  const word = LEVEL_WORDS[level]
  if (typeof problem.cancelledAt === 'string') {
    return `该${word}已于 ${formatDateTime(problem.cancelledAt)} 撤销（可能刚由他人撤销），不能再撤销；请刷新页面查看`
  }
  const said: string[] = []
  if (level === 'task' && typeof problem.state === 'string' && CLOSED.includes(problem.state)) {
    said.push(`该任务${problem.state === 'CONSOLIDATING' ? '已核实转入巩固' : '已销号'}，销号已计入统计，不能撤销；如确属误录，须先经回头看重新整改`)
  }
  if (level === 'problem') said.push(...problemReasons(problem as Record<string, unknown>, '该问题'))
  if (level === 'area') {
    for (const refused of list(problem.problems)) {
      if (refused !== null && typeof refused === 'object') {
        said.push(...problemReasons(refused as Record<string, unknown>, problemNamed(refused as RefusedProblem)))
      }
    }
  }
  return said.length > 0 ? `不能撤销：${said.join('；')}` : null
}

/** The view a level's record is: what CancelDialog is given. */
export type Cancellable = { level: 'task'; record: TaskSnapshot } | { level: 'problem'; record: ProblemView } | { level: 'area'; record: AreaView }
