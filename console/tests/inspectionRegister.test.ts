// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import ElementPlus from 'element-plus'
import type { User } from 'oidc-client-ts'
import type { InspectionView } from '@/api/types'
import { useSession } from '@/auth/session'
import { existingInspectionOf, inspectionInput } from '@/inspectionRegistration'
import { ApiError } from '@/api/problem'
import InspectionsView from '@/views/InspectionsView.vue'
import { json, client, network, serveApi } from './recordedNetwork'
import { field, press, settle, type } from './dialogDom'
import { TasksApi } from '@/api/tasks'

// 登记巡视 on 巡视与整改方案: the office registers a second inspection beside the first, through the real client
// to a tasks-service answered here (POST /inspections, its OpenAPI example), then imports its plan.
const net = network()
serveApi(() => ({ tasks: new TasksApi(client(net, '/api/tasks')) }))

const first = {
  id: 'i1', version: 1, title: '十四届省委第一轮巡视', team: '省委第七巡视组', inspectedOrganisation: '某市人民政府', kind: 'REGULAR',
  onSiteFrom: '2025-03-03', onSiteTo: '2025-05-30', feedbackDate: '2025-07-10', createdAt: '2025-07-11T09:00:00+08:00',
} as InspectionView
const second = {
  ...first, id: 'i2', title: '十四届省委第三轮巡视', team: '省委第三巡视组', inspectedOrganisation: '某市经济技术开发区党工委',
  onSiteFrom: '2026-03-02', onSiteTo: '2026-05-29', feedbackDate: '2026-07-10',
} as InspectionView

/** tasks-service: the inspections registered so far, and `register`'s answer to POST /inspections. */
function service(registered: InspectionView[], register: () => Response) {
  net.answer = () => {
    const { init } = net.sent[net.sent.length - 1]!
    if (init.method === 'POST') return register()
    return json(200, { items: registered, page: 0, size: 50, total: registered.length })
  }
}

let wrapper: VueWrapper | null = null
let router: Router

async function show(groups: string[]) {
  vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }))
  const pinia = createPinia()
  setActivePinia(pinia)
  useSession().user = { profile: { upn: 'zgb', name: '王主任', groups }, expired: false, access_token: 't' } as unknown as User
  router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { render: () => null } }] })
  await router.push('/inspections')
  wrapper = mount(InspectionsView, { global: { plugins: [pinia, router, ElementPlus] }, attachTo: document.body })
  await settle()
  return wrapper
}

function pick(id: string, date: string) {
  const picker = field(id)
  picker.value = date
  picker.dispatchEvent(new Event('input'))
  picker.dispatchEvent(new Event('change'))
}

/** 登记巡视 pressed: the dialog, fetched on first asking (defineAsyncComponent), once it is there. */
async function openDialog() {
  await press('登记巡视')
  await vi.waitFor(() => field('insp-title'), { timeout: 10_000 })
  await settle()
}

const buttonLabels = () => [...document.querySelectorAll('button')].map((b) => b.textContent?.trim())
const itemOf = (id: string) => document.querySelector(`[for="${id}"]`)?.closest('.el-form-item') as HTMLElement

describe('登记巡视', () => {
  it('is offered to the office only: 督查 and 来信来电 read the inspections', async () => {
    service([first], () => json(500, {}))
    await show(['supervisor'])
    expect(buttonLabels()).not.toContain('登记巡视')
    wrapper!.unmount()
    await show(['coordinator'])
    expect(buttonLabels()).toContain('登记巡视')
    wrapper!.unmount()
  })

  it('marks the fields the service refuses, keeps what was typed, then registers and offers the plan\'s import', async () => {
    const refused = json(400, { status: 400, title: 'Constraint Violation', errors: [
      { field: 'register.input.inspectedOrganisation', message: 'must not be blank' },
      { field: 'register.input.onSiteTo', message: 'must not be before onSiteFrom (2026-03-02)' },
    ] }, 'application/problem+json')
    let answer = refused
    const registered = [first]
    service(registered, () => answer)
    await show(['coordinator'])
    await openDialog()
    type('insp-title', '十四届省委第三轮巡视')
    type('insp-team', '省委第三巡视组')
    pick('insp-from', '2026-03-02')
    pick('insp-to', '2026-02-27')
    await settle()
    await press('登记')

    const posts = () => net.sent.filter((r) => r.init.method === 'POST')
    expect(posts()).toHaveLength(1)
    expect(posts()[0]!.url).toBe('/api/tasks/inspections')
    expect(JSON.parse(String(posts()[0]!.init.body))).toEqual({ title: '十四届省委第三轮巡视', team: '省委第三巡视组',
      inspectedOrganisation: '', kind: 'REGULAR', onSiteFrom: '2026-03-02', onSiteTo: '2026-02-27' })
    expect(itemOf('insp-organisation').textContent).toContain('不能为空')
    expect(itemOf('insp-to').textContent).toContain('不能早于进驻开始日期（2026-03-02）')
    expect(field('insp-organisation').getAttribute('aria-invalid')).toBe('true')
    expect(itemOf('insp-title').classList).not.toContain('is-error')
    expect(field('insp-title').value).toBe('十四届省委第三轮巡视')

    answer = json(201, second, 'application/json', { ETag: '"1"', Location: '/inspections/i2' })
    registered.push(second)
    type('insp-organisation', '某市经济技术开发区党工委')
    pick('insp-to', '2026-05-29')
    await settle()
    await press('登记')
    expect(posts()).toHaveLength(2)
    expect(JSON.parse(String(posts()[1]!.init.body))).toMatchObject({ inspectedOrganisation: '某市经济技术开发区党工委', onSiteTo: '2026-05-29' })
    // the retry of a refused create is the same create (one Idempotency-Key until the service has answered it)
    expect(new Headers(posts()[1]!.init.headers).get('Idempotency-Key')).toBeTruthy()
    // the list read again holds it, and the next step is its plan's import
    const rows = [...document.querySelectorAll('tbody tr')].map((tr) => tr.textContent ?? '')
    expect(rows.some((r) => r.includes('十四届省委第三轮巡视'))).toBe(true)
    const next = [...document.querySelectorAll('.registered a')]
    expect(next.map((a) => [a.textContent?.trim(), a.getAttribute('href')])).toEqual([['导入任务分解表', '/inspections/i2/plan-import']])
    wrapper!.unmount()
  })

  it('says so when the same team, organisation and on-site period is registered already (409)', async () => {
    service([first], () => json(409, { status: 409, title: 'Duplicate inspection', existingInspectionId: 'i1',
      detail: 'inspection i1 (十四届省委第一轮巡视) already records 省委第七巡视组 at 某市人民政府 on site 2025-03-03 to 2025-05-30' },
    'application/problem+json'))
    await show(['coordinator'])
    await openDialog()
    type('insp-title', '重复登记')
    await press('登记')
    expect(document.querySelector('[role="dialog"]')?.textContent)
      .toContain('该巡视已登记为“十四届省委第一轮巡视”（巡视组、被巡视单位和进驻时间相同），请在列表中查看，不要重复登记')
    // the one registered is offered: its plan (巡视与整改方案's own link for it), the dialog closed on the way
    const open = [...document.querySelectorAll('[role="dialog"] a')].find((a) => a.textContent?.trim() === '打开已登记的巡视') as HTMLAnchorElement
    expect(open.getAttribute('href')).toBe('/inspections/i1/plan')
    open.click()
    await settle()
    expect(router.currentRoute.value.path).toBe('/inspections/i1/plan')
    expect(wrapper!.findComponent({ name: 'ElDialog' }).props('modelValue')).toBe(false)
    wrapper!.unmount()
  })

  it('offers the inspection a refusal names only for a 409 that names it', () => {
    const refusal = (problem: Record<string, unknown>) => new ApiError({ status: 409, title: 'Duplicate inspection', ...problem })
    expect(existingInspectionOf(refusal({ existingInspectionId: 'i1' }))).toBe('i1')
    expect(existingInspectionOf(refusal({}))).toBeNull()
    expect(existingInspectionOf(new ApiError({ status: 400, existingInspectionId: 'i1' }))).toBeNull()
    expect(existingInspectionOf(new Error('network'))).toBeNull()
  })

  it('sends what is optional only when given, names trimmed', () => {
    expect(inspectionInput({ title: ' 甲 ', team: '乙', inspectedOrganisation: '丙', kind: 'SPECIAL', onSiteFrom: '2026-03-02', onSiteTo: null,
      feedbackDate: null, declaredAreas: 5, declaredProblems: undefined, declaredTasks: 64 }))
      .toEqual({ title: '甲', team: '乙', inspectedOrganisation: '丙', kind: 'SPECIAL', onSiteFrom: '2026-03-02', onSiteTo: null,
        declaredAreas: 5, declaredTasks: 64 })
  })
})
