// 核实 (POST /tasks/{id}/verification) as the supervisor's dialog words it: the same request closes out
// an IMMEDIATE or TIME_BOUND task, moves a LONG_TERM claim into consolidation (巩固), and closes out a
// LONG_TERM task after it; the optional note is kept on the task (verificationNote) and replaced by the
// next verification's (docs/tasks-service.md, "Lifecycle").
import type { TaskSnapshot } from '@/api/types'

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
