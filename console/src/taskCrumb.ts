// The task page's way back (its breadcrumb): the list it was opened from, else where the person keeps
// such tasks. 我的任务 is an officer's own unit's tasks, so it never names a task of another unit (an
// officer reaches one from a meeting or 待办): that task's crumb is the neutral 整改任务, linking nowhere.
// A screen of one inspection (整改方案, 三个清单, 调度会议) is named with its inspection: with two inspections
// under way, 整改方案 alone did not say whose plan the way back leads to.
import type { TaskSnapshot } from '@/api/types'
import { mayEnter, type Person, type Role } from '@/auth/roles'
import { TODOS_NAME } from '@/todosName'

/** Who opens the plan tree (router.ts), where a task sits among its problem's. */
const PLAN_READERS: readonly Role[] = ['coordinator', 'supervisor', 'feedback-handler']

export interface Crumb {
  label: string
  /** the path to go back to; null: a crumb that only names where the page is */
  to: string | null
}

/** The screens a task page is opened from, by their paths (router.ts), and what their crumb says; true: a screen of one inspection. */
const LISTS: [RegExp, string, boolean?][] = [
  [/^\/my-tasks(?:[?#]|$)/, '我的任务'],
  [/^\/verification(?:[?#]|$)/, '销号核实'],
  [/^\/todos(?:[?#]|$)/, TODOS_NAME],
  [/^\/look-back(?:[?#]|$)/, '回头看'],
  [/^\/inspections\/[^/?#]+\/plan(?:[?#]|$)/, '整改方案', true],
  [/^\/inspections\/[^/?#]+\/lists(?:[?#]|$)/, '三个清单', true],
  [/^\/inspections\/[^/?#]+\/meetings(?:[?#]|$)/, '调度会议', true],
  [/^\/meetings\/[^/?#]+(?:[?#]|$)/, '会议'],
  [/^\/feedback\/[^/?#]+(?:[?#]|$)/, '意见建议'],
  [/^\/feedback(?:[?#]|$)/, '意见建议办理'],
]

/**
 * `back`: the path the page was opened from (the router's history state), null when opened by its address;
 * `inspectionTitle`: the task's inspection's title once read (null until then: the crumb names the screen alone).
 */
export function taskCrumb(person: Person | null, task: Pick<TaskSnapshot, 'inspectionId' | 'responsibleUnit'>, back: string | null,
  inspectionTitle: string | null = null): Crumb {
  const ofInspection = (label: string) => (inspectionTitle === null ? label : `${label}（${inspectionTitle}）`)
  const list = back === null ? undefined : LISTS.find(([path]) => path.test(back))
  if (list !== undefined && back !== null) return { label: list[2] === true ? ofInspection(list[1]) : list[1], to: back }
  if (person !== null && person.roles.includes('officer') && person.unit === task.responsibleUnit && person.unit !== '') {
    return { label: '我的任务', to: '/my-tasks' }
  }
  if (person !== null && mayEnter(person, PLAN_READERS)) return { label: ofInspection('整改方案'), to: `/inspections/${task.inspectionId}/plan` }
  return { label: '整改任务', to: null }
}
