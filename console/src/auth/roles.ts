// Who is signed in, from the token's claims (docs/security.md), and what they may open.
import { TODOS_NAME } from '@/todosName'

export const ROLES = ['officer', 'coordinator', 'feedback-handler', 'supervisor', 'integration', 'admin', 'personal-data'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  officer: '责任单位',
  coordinator: '整改办',
  'feedback-handler': '来信来电',
  supervisor: '督查',
  integration: '对接系统',
  admin: '管理员',
  'personal-data': '可查看个人信息',
}

export interface Person {
  /** The name recorded on what they do (the token's upn). */
  username: string
  /** The name shown to people. */
  displayName: string
  roles: Role[]
  /** The responsible unit an officer acts for ('' when none). */
  unit: string
}

export function personFromClaims(claims: Record<string, unknown>): Person {
  const groups = Array.isArray(claims.groups) ? claims.groups : []
  const roles = ROLES.filter((role) => groups.includes(role))
  const username = text(claims.upn) || text(claims.preferred_username) || text(claims.sub)
  const displayName = text(claims.name) || [text(claims.given_name), text(claims.family_name)].join('').trim() || username
  return { username, displayName, roles, unit: text(claims.unit) }
}

/** Whether a person holding `person.roles` may open a screen meant for `allowed` (admin: all, to read). */
export function mayEnter(person: Person, allowed: readonly Role[] | undefined): boolean {
  if (allowed === undefined || allowed.length === 0) return true
  if (person.roles.includes('admin')) return true
  return allowed.some((role) => person.roles.includes(role))
}

/**
 * Whether a person may do what `allowed` may do (a button, a form): the business's own roles only.
 * The operator (admin) opens every screen but decides nothing (docs/security.md, "Roles"), so the
 * services refuse it every business step and the console offers it none.
 */
export function mayAct(person: Person, allowed: readonly Role[]): boolean {
  return allowed.some((role) => person.roles.includes(role))
}

/**
 * Whether a person acts on what `responsibleUnit` is responsible for (a task, its goals, indicators,
 * reports and evidence), as tasks-service's UnitScope rules: the office and the supervisors for every
 * unit, an officer only for their own (a 403 otherwise). The step's own roles are `mayAct`'s.
 */
export function actsForUnit(person: Person, responsibleUnit: string): boolean {
  return person.roles.includes('coordinator') || person.roles.includes('supervisor')
    || (person.unit !== '' && person.unit === responsibleUnit)
}

/** Who handles feedback (registers calls and letters, triages, answers): the office and 来信来电. */
export const FEEDBACK_HANDLERS: readonly Role[] = ['coordinator', 'feedback-handler']

/** What a screen asks of who opens it (the router's `meta`): its roles, and whether it is only for doing something. */
export interface ScreenRule {
  roles?: readonly Role[]
  decides?: boolean
}

/** Whether a person may open a screen: a screen for doing goes by `mayAct`, any other by `mayEnter`. */
export function mayOpen(person: Person, screen: ScreenRule): boolean {
  return screen.decides ? mayAct(person, screen.roles ?? []) : mayEnter(person, screen.roles)
}

export interface MenuItem {
  path: string
  label: string
  roles: readonly Role[]
}

export const MENU: readonly MenuItem[] = [
  { path: '/my-tasks', label: '我的任务', roles: ['officer'] },
  // 来信来电 reads the plan (to link feedback to it), changing nothing of it.
  { path: '/inspections', label: '巡视与整改方案', roles: ['coordinator', 'supervisor', 'feedback-handler'] },
  { path: '/verification', label: '销号核实', roles: ['supervisor'] },
  { path: '/look-back', label: '回头看', roles: ['supervisor', 'coordinator'] },
  { path: '/feedback', label: '意见建议办理', roles: ['coordinator', 'supervisor', 'feedback-handler'] },
  // Last: each role's own screens first (the landing is homeFor's); the header's badge links here as well.
  { path: '/todos', label: TODOS_NAME, roles: ['officer', 'coordinator', 'supervisor', 'feedback-handler'] },
  { path: '/dead-letters', label: '运维：死信', roles: ['admin'] },
  { path: '/read-models', label: '运维：读模型与消费', roles: ['admin'] },
  // the services let the supervisors (督查/纪检) verify the trail as well (docs/security.md), so it is theirs too, without 运维
  { path: '/audit-verification', label: '审计核验', roles: ['supervisor', 'admin'] },
]

export function menuFor(person: Person): MenuItem[] {
  return MENU.filter((item) => mayEnter(person, item.roles))
}

/**
 * Each role's daily screen, where signing in lands: the officer's tasks, the supervisor's claims to verify
 * (销号核实), the office's plan, 来信来电's feedback, the operator's dead letters. A person of several roles
 * lands on the first of theirs here (their own work before the plan they read); 待办, every role's list of
 * what is due, stays one click away in the header.
 */
const HOMES: readonly { role: Role; path: string }[] = [
  { role: 'officer', path: '/my-tasks' },
  { role: 'supervisor', path: '/verification' },
  { role: 'coordinator', path: '/inspections' },
  { role: 'feedback-handler', path: '/feedback' },
  { role: 'admin', path: '/dead-letters' },
]

/** The first screen after signing in: the person's role's daily screen, else the first menu entry they may open. */
export function homeFor(person: Person): string {
  const home = HOMES.find((h) => person.roles.includes(h.role))
  return home?.path ?? menuFor(person)[0]?.path ?? '/no-access'
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : ''
}
