import { describe, expect, it } from 'vitest'
import { FEEDBACK_HANDLERS, homeFor, mayAct, mayEnter, menuFor, MENU, personFromClaims } from '@/auth/roles'

// The claims Keycloak's realm puts in the token (deploy/local/keycloak/realm-rectification.json).
const officer = personFromClaims({
  sub: '9df6', upn: 'dzb', preferred_username: 'dzb', name: '李 科长（党政办公室）',
  groups: ['officer', 'default-roles-rectification', 'offline_access'], unit: '党政办公室',
})
const supervisor = personFromClaims({ upn: 'ducha', groups: ['supervisor'] })
const coordinator = personFromClaims({ preferred_username: 'zhengban', groups: ['coordinator', 'personal-data'] })
const admin = personFromClaims({ upn: 'yunwei', groups: ['admin'] })
const handler = personFromClaims({ upn: 'xinfang', groups: ['feedback-handler', 'personal-data'] })
const nobody = personFromClaims({ sub: 'x', groups: 'officer' })

describe('roles from the token', () => {
  it('reads roles from groups (ignoring Keycloak\'s own), the name, the unit', () => {
    expect(officer).toEqual({ username: 'dzb', displayName: '李 科长（党政办公室）', roles: ['officer'], unit: '党政办公室' })
    expect(coordinator.username).toBe('zhengban')
    expect(coordinator.roles).toEqual(['coordinator', 'personal-data'])
    expect(supervisor.displayName).toBe('ducha')
    expect(nobody.roles).toEqual([])
  })

  it('lets each role into its screens only; admin into all', () => {
    expect(mayEnter(officer, ['officer'])).toBe(true)
    expect(mayEnter(officer, ['supervisor'])).toBe(false)
    expect(mayEnter(supervisor, ['coordinator', 'supervisor'])).toBe(true)
    expect(mayEnter(coordinator, ['supervisor'])).toBe(false)
    expect(mayEnter(admin, ['supervisor'])).toBe(true)
    expect(mayEnter(nobody, undefined)).toBe(true)
    expect(mayEnter(nobody, ['officer'])).toBe(false)
  })

  it('offers the business\'s steps to its own roles only: admin reads every screen and decides nothing', () => {
    expect(mayAct(supervisor, ['supervisor'])).toBe(true)
    expect(mayAct(coordinator, ['officer', 'coordinator'])).toBe(true)
    expect(mayAct(officer, ['coordinator'])).toBe(false)
    expect(mayAct(admin, ['supervisor'])).toBe(false)
    expect(mayAct(admin, ['coordinator'])).toBe(false)
  })

  it('lets the feedback handler (来信来电) handle feedback and read the plan, and change nothing of it', () => {
    expect(handler.roles).toEqual(['feedback-handler', 'personal-data'])
    expect(menuFor(handler).map((m) => m.path)).toEqual(['/inspections', '/feedback', '/todos'])
    expect(homeFor(handler)).toBe('/feedback')
    expect(mayAct(handler, FEEDBACK_HANDLERS)).toBe(true)
    expect(mayAct(handler, ['coordinator'])).toBe(false)
    expect(mayAct(handler, ['officer', 'coordinator'])).toBe(false)
    expect(mayAct(coordinator, FEEDBACK_HANDLERS)).toBe(true)
    expect(mayAct(supervisor, FEEDBACK_HANDLERS)).toBe(false)
  })

  it('shows each role its menu and opens its first screen', () => {
    expect(menuFor(officer).map((m) => m.path)).toEqual(['/my-tasks', '/todos'])
    expect(menuFor(supervisor).map((m) => m.path)).toEqual(['/inspections', '/verification', '/look-back', '/feedback', '/todos',
      '/audit-verification'])
    expect(menuFor(coordinator).map((m) => m.path)).toEqual(['/inspections', '/look-back', '/feedback', '/todos'])
    expect(homeFor(officer)).toBe('/my-tasks')
    expect(homeFor(coordinator)).toBe('/inspections')
    expect(homeFor(nobody)).toBe('/no-access')
    expect(menuFor(admin)).toHaveLength(9)
    expect(menuFor(admin).slice(-3).map((m) => m.path)).toEqual(['/dead-letters', '/read-models', '/audit-verification'])
  })

  it('lands each role on its daily screen, one it may open: the supervisor on 销号核实, not the plan', () => {
    expect(homeFor(supervisor)).toBe('/verification')
    expect(homeFor(handler)).toBe('/feedback')
    expect(homeFor(admin)).toBe('/dead-letters')
    // a person of several roles: their own work first
    expect(homeFor(personFromClaims({ upn: 'x', groups: ['coordinator', 'supervisor'] }))).toBe('/verification')
    expect(homeFor(personFromClaims({ upn: 'x', groups: ['integration'] }))).toBe('/no-access')
    for (const person of [officer, supervisor, coordinator, admin, handler]) {
      expect(menuFor(person).map((m) => m.path)).toContain(homeFor(person))
    }
  })

  it('gives the operator\'s screens to the roles their services allow: 审计核验 to supervisor and admin, the rest to admin', () => {
    const screen = (path: string) => MENU.find((m) => m.path === path)!.roles
    // GET /audit/verify: supervisor and admin (docs/security.md); the consumers, rebuild and dead letters: admin
    for (const person of [officer, coordinator, handler, nobody]) {
      expect(mayEnter(person, screen('/audit-verification'))).toBe(false)
    }
    expect(mayEnter(supervisor, screen('/audit-verification'))).toBe(true)
    expect(mayEnter(admin, screen('/audit-verification'))).toBe(true)
    for (const path of ['/dead-letters', '/read-models']) {
      expect([officer, coordinator, supervisor, handler, nobody].filter((p) => mayEnter(p, screen(path)))).toEqual([])
      expect(mayEnter(admin, screen(path))).toBe(true)
    }
    // the system integration reads lag too, but signs in to no console
    expect(menuFor(personFromClaims({ upn: 'sys', groups: ['integration'] }))).toEqual([])
  })
})
