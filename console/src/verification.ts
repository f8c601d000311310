// 核实 (POST /tasks/{id}/verification) as the supervisor's dialog words it: the same request closes out
// an IMMEDIATE or TIME_BOUND task, moves a LONG_TERM claim into consolidation (巩固), and closes out a
// LONG_TERM task after it; the optional note is kept on the task (verificationNote) and replaced by the
// next verification's (docs/tasks-service.md, "Lifecycle").
import type { TaskSnapshot } from '@/api/types'
import { daysUntil, formatDate, formatDateTime, todayInShanghai } from '@/format'
import type { Column } from '@/rowColumns'
import { labelOf, taskNamed } from '@/taskNames'

export interface VerificationStep {
  title: string
  noteLabel: string
  /** What the note is for, said above the field. */
  hint: string
  placeholder: string
  confirm: string
  /** What the page says once done. */
  done: string
}

export const NOTE_MAX = 2000

/**
 * Whether the task may be verified now: tasks-service offers VERIFY or CONSOLIDATE only when its rule
 * would take it (evidence with a file or a reference, indicators met where required, the stage goals due: all for a close-out,
 * those due by today for a LONG_TERM claim's consolidation). The console does not judge the goals itself.
 */
export function verifiable(task: Pick<TaskSnapshot, 'allowedTransitions'>): boolean {
  return task.allowedTransitions.includes('VERIFY') || task.allowedTransitions.includes('CONSOLIDATE')
}

/** What a supervisor reads beside a claim not yet verifiable: they may reject it, or wait for the goal. */
export const NOT_YET_VERIFIABLE = '阶段目标或指标尚未达成，暂不能核实'

type Held = Pick<TaskSnapshot, 'kind' | 'state' | 'requireIndicatorsMet' | 'indicators' | 'milestones'>
  & Partial<Pick<TaskSnapshot, 'evidenceCount' | 'evidenceWithFileOrReference'>>

/** Evidence, but none a supervisor can check: every entry a title only, without a file or a reference. */
function titlesOnly(task: Partial<Pick<TaskSnapshot, 'evidenceCount' | 'evidenceWithFileOrReference'>>): boolean {
  return (task.evidenceCount ?? 0) > 0 && task.evidenceWithFileOrReference === 0
}

/**
 * Why 申请销号 is not offered yet, or null when it is: tasks-service refuses a claim without evidence a
 * supervisor can check (CloseOutRule: an entry with its file attached or a reference), so the page says
 * what to add instead of a button that could only be refused.
 */
export function claimHint(task: Pick<TaskSnapshot, 'evidenceCount'> & Partial<Pick<TaskSnapshot, 'evidenceWithFileOrReference'>>): string | null {
  if (task.evidenceCount === 0) return '申请销号前请先在下方添加佐证材料'
  if (titlesOnly(task)) return '佐证材料只有名称：申请销号前请为材料上传文件，或添加注明文号、存放位置的材料'
  return null
}

/**
 * Why a claim is not verifiable yet, naming its goals and indicators: tasks-service's allowedTransitions
 * says whether (verifiable), and its 409 names them, but the page sends no request it knows refused. The
 * names come from the task's own 节点 and 指标 by tasks-service's rule (CloseOutRule): the indicators not
 * met where the task requires them met; the stage goals not achieved, those due by `today` (Beijing) for a
 * LONG_TERM claim's consolidation, every one for a close-out. Nothing to name (a page not yet reloaded):
 * the general words.
 */
export function notYetVerifiable(task: Held, today: string): string {
  const consolidation = task.kind === 'LONG_TERM' && task.state === 'COMPLETION_CLAIMED'
  const goals = task.milestones.filter((m) => m.achievedAt === null && (!consolidation || m.dueDate <= today))
  const indicators = task.requireIndicatorsMet ? task.indicators.filter((i) => i.met !== true) : []
  const parts = [
    goals.length > 0 ? `节点${goals.map((g) => `“${g.title}”（${formatDate(g.dueDate)}到期）`).join('、')}尚未达成` : '',
    indicators.length > 0 ? `指标${indicators.map((i) => `“${i.name}”`).join('')}尚未达标` : '',
  ].filter((part) => part !== '')
  // a claim on titles only (made before tasks-service asked for a file or a reference) waits on neither
  if (titlesOnly(task)) return ['佐证材料均未上传文件或注明文号，暂不能核实', ...parts].join('；')
  return parts.length === 0 ? NOT_YET_VERIFIABLE : `${NOT_YET_VERIFIABLE}：${parts.join('；')}`
}

export function verificationStep(task: Pick<TaskSnapshot, 'kind' | 'allowedTransitions' | 'verificationNote'>): VerificationStep {
  if (task.allowedTransitions.includes('CONSOLIDATE')) {
    return {
      title: '核实转入巩固', noteLabel: '巩固提升要求（选填）', confirm: '核实转入巩固', done: '已核实，转入巩固阶段',
      hint: '长期坚持类任务核实后进入巩固阶段，尚未销号。此处填写的意见即该任务的巩固提升要求，显示在任务页的“核实与回头看”中，巩固期满核实销号时再行对照。',
      placeholder: '如：每季度开展一次专项检查，巩固期内不再发生同类问题',
    }
  }
  const replaces = task.kind === 'LONG_TERM' && task.verificationNote !== null
  return {
    title: '核实通过', noteLabel: '核实意见（选填）', confirm: '核实通过并销号', done: '已核实销号',
    hint: replaces
      ? '巩固期满，核实后销号。此处的核实意见将取代转入巩固时提出的巩固提升要求；不填写则不再显示原要求。'
      : '核实后任务销号。可写明核实了哪些材料和情况；不填写也可核实通过。',
    placeholder: '如：已查阅整改台账和制度文件，整改措施已落实',
  }
}

/** The queue's count of a claimed task's indicators that meet their targets: "2/3 达标", "—" for none. */
export function indicatorSummary(task: Pick<TaskSnapshot, 'indicators'>): string {
  if (task.indicators.length === 0) return '—'
  return `${task.indicators.filter((i) => i.met === true).length}/${task.indicators.length} 达标`
}

/** Whether a task's reported progress (its latest progress report's percentage) falls short of 100 %. */
export function belowFull(task: Pick<TaskSnapshot, 'percentComplete'>): boolean {
  return typeof task.percentComplete === 'number' && task.percentComplete < 100
}

/** A task's reported progress: "60%（未达100%）" when short, so the mark is in the words too, not only in colour. */
export function progressText(task: Pick<TaskSnapshot, 'percentComplete'>): string {
  return belowFull(task) ? `${task.percentComplete}%（未达100%）` : `${task.percentComplete}%`
}

/** What the officer is asked before 申请销号, warned when the progress they reported is below 100 %. */
export function claimQuestion(percentComplete: number): string {
  const short = percentComplete < 100 ? `当前完成进度为 ${percentComplete}%，未达到 100%。` : ''
  return `${short}确认已完成整改并申请销号？`
}

/**
 * When a claim was made and how long it has waited at `now`, in Beijing calendar days as the to-dos count
 * overdue days: 2026年12月6日 00:45（已等待3天）, or （今日申请） the day it was made.
 */
export function claimWait(claimedAt: string | null | undefined, now: Date): string {
  if (!claimedAt) return '—'
  const waited = -daysUntil(todayInShanghai(new Date(claimedAt)), todayInShanghai(now))
  return `${formatDateTime(claimedAt)}（${waited > 0 ? `已等待${waited}天` : '今日申请'}）`
}

/**
 * 销号核实's columns: the task by its numbering and title (linked), then what a supervisor verifies on (its reported
 * progress, its evidence and indicators) before the rest: its inspection (`inspectionOf`, given when the queue holds
 * tasks of several), its unit, who claimed (by name: the page's nameOf) and when (how long it has waited at `now`), its
 * deadline; the page adds 核实 and 驳回. 进度 and 佐证 come first so that they sit beside the decision wherever it is
 * shown: at the head of a card, and in view beside the pinned 操作 column of a table scrolled sideways.
 */
export function verificationColumns(nameOf: (username: string | null) => string | null, now: Date,
  inspectionOf: ((id: string) => string) | null = null): Column<TaskSnapshot>[] {
  return [
    { key: 'title', to: (t) => `/tasks/${t.id}`, label: '任务', minWidth: 170, text: (t) => taskNamed(labelOf(t), t.title), card: 'title' },
    { key: 'percentComplete', label: '进度', width: 130, text: progressText },
    { key: 'evidenceCount', label: '佐证', width: 80, text: (t) => `${t.evidenceCount} 份` },
    { key: 'indicators', label: '指标', width: 110, text: indicatorSummary },
    ...(inspectionOf === null ? [] : [{ key: 'inspection', label: '巡视', minWidth: 150, text: (t: TaskSnapshot) => inspectionOf(t.inspectionId) }]),
    { key: 'responsibleUnit', prop: 'responsibleUnit', label: '责任单位', width: 140 },
    { key: 'claimedBy', label: '申请人', width: 140, text: (t) => nameOf(t.claimedBy) ?? '—' },
    { key: 'claimedAt', label: '申请时间', width: 210, text: (t) => claimWait(t.claimedAt, now) },
    { key: 'deadline', label: '时限', width: 140, text: (t) => formatDate(t.deadline) },
  ]
}
