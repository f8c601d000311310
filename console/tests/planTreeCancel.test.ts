// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import type { User } from 'oidc-client-ts'
import type { AreaView, ProblemView } from '@/api/types'
import { useSession } from '@/auth/session'
import PlanTreeView from '@/views/PlanTreeView.vue'
import { json } from './recordedNetwork'
import { press, type } from './dialogDom'

// 撤销 of an area or a problem in the plan tree, and 显示已撤销, through the real client to a tasks-service
// answered here: what is asserted is the request as it would leave the browser.
const net = await vi.hoisted(async () => (await import('./recordedNetwork')).network())
vi.mock('@/api', async () => {
  const { client } = await import('./recordedNetwork')
  const { TasksApi } = await import('@/api/tasks')
  return { useApi: () => ({ tasks: new TasksApi(client(net, '/api/tasks')), people: { names: async () => [{ username: 'zhengban', displayName: '王主任' }] } }) }
})
vi.mock('@/api/planEdit', async (importOriginal) => {
  const { client } = await import('./recordedNetwork')
  const actual = await importOriginal<typeof import('@/api/planEdit')>()
  return { ...actual, usePlanEditApi: () => new actual.PlanEditApi(client(net, '/api/tasks')) }
})

const area = { id: 'a1', version: 3, inspectionId: 'i1', number: 1, title: '落实意识形态工作责任制不到位', percentComplete: 20, cancellation: null } as AreaView
const problem = {
  id: 'p2', version: 2, inspectionId: 'i1', areaId: 'a1', number: 2, title: '理论学习不够深入', description: null, source: 'SELF_FOUND',
  percentComplete: 0, cancellation: null,
} as ProblemView
const cancellation = { reason: '误录了其他巡视的问题', by: 'zhengban', at: '2026-12-05T10:00:00+08:00' }
const duplicate = { ...problem, id: 'p3', number: 3, title: '重复导入的问题', cancellation } as ProblemView
const cancelledTask = {
  id: 't9', version: 1, inspectionId: 'i1', areaId: 'a1', problemId: 'p2', areaNumber: 1, problemNumber: 2, number: 1, title: '重复的任务',
  responsibleUnit: '党政办公室', deadline: '2026-06-30', state: 'PLANNED', kind: 'TIME_BOUND', overdue: false, progressReportMissing: false,
  reopenCount: 0, allowedTransitions: [], cancellation: { ...cancellation, reason: '重复导入' },
}
const page = (items: object[]) => json(200, { items, page: 0, size: 200, total: items.length })

/** tasks-service: the inspection, its areas, the area's problems (the cancelled one only when asked for), no tasks. */
function service(cancel: () => Response = () => json(500, {})) {
  net.answer = () => {
    const { url, init } = net.sent[net.sent.length - 1]!
    const cancelledToo = url.includes('includeCancelled=true')
    if (init.method === 'POST') return cancel()
    if (url === '/api/tasks/inspections/i1') return json(200, { id: 'i1', title: '专项巡视', team: '第一巡视组', feedbackDate: '2024-05-10' })
    if (url.startsWith('/api/tasks/inspections/i1/areas')) return page([area])
    if (url.startsWith('/api/tasks/areas/a1/problems')) return page(cancelledToo ? [problem, duplicate] : [problem])
    if (url.startsWith('/api/tasks/problems/p2/tasks') && cancelledToo) return page([cancelledTask])
    return page([])
  }
}

let wrapper: VueWrapper | null = null

async function show(groups: string[]) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSession().user = { profile: { upn: 'u', name: '某人', groups }, expired: false, access_token: 't' } as unknown as User
  const router = createRouter({ history: createMemoryHistory(), routes: [
    { path: '/inspections/:id/plan', component: { render: () => null } }, { path: '/:p(.*)*', component: { render: () => null } }] })
  await router.push('/inspections/i1/plan')
  wrapper = mount(PlanTreeView, { global: { plugins: [pinia, router, ElementPlus] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

async function openArea(w: VueWrapper) {
  await w.find('.node.area').trigger('click')
  await flushPromises()
}

const names = (w: VueWrapper) => w.findAll('.node button').map((b) => b.attributes('aria-label'))
const gets = (path: string) => net.sent.filter((r) => r.init.method === 'GET' && r.url.startsWith(`/api/tasks${path}`)).map((r) => r.url)

describe('撤销 in the plan tree', () => {
  it('offers the office 撤销 beside 修改 on an area and a problem, named for screen readers', async () => {
    service()
    const w = await show(['coordinator'])
    await openArea(w)
    expect(names(w)).toEqual(expect.arrayContaining(['撤销方面：（一）落实意识形态工作责任制不到位', '撤销问题：2. 理论学习不够深入']))
  })

  it('offers 督查 no 撤销', async () => {
    service()
    const w = await show(['supervisor'])
    await openArea(w)
    expect(names(w).some((n) => n?.startsWith('撤销'))).toBe(false)
  })

  it('leaves cancelled ones out by default; 显示已撤销 reads them with includeCancelled=true, greyed with 已撤销 and why', async () => {
    service()
    const w = await show(['coordinator'])
    await openArea(w)
    expect(gets('/inspections/i1/areas')).toEqual(['/api/tasks/inspections/i1/areas?size=200'])
    expect(gets('/areas/a1/problems')).toEqual(['/api/tasks/areas/a1/problems?size=200'])
    expect(w.text()).not.toContain('重复导入的问题')

    await w.find('#show-cancelled').trigger('click')
    await flushPromises()
    expect(gets('/inspections/i1/areas').at(-1)).toBe('/api/tasks/inspections/i1/areas?size=200&includeCancelled=true')
    await openArea(w)
    expect(gets('/areas/a1/problems').at(-1)).toBe('/api/tasks/areas/a1/problems?size=200&includeCancelled=true')
    const cancelled = w.findAll('.node.problem').find((n) => n.text().includes('重复导入的问题'))!
    expect(cancelled.classes()).toContain('is-cancelled')
    expect(cancelled.text()).toContain('已撤销')
    expect(cancelled.text()).toContain('2026年12月5日 10:00 王主任 撤销：误录了其他巡视的问题')
    expect(cancelled.findAll('button')).toHaveLength(0) // neither 修改 nor 撤销 once cancelled

    await w.findAll('.node.problem').find((n) => n.text().includes('理论学习不够深入'))!.trigger('click')
    await flushPromises()
    expect(gets('/problems/p2/tasks').at(-1)).toBe('/api/tasks/problems/p2/tasks?size=200&includeCancelled=true')
    const task = w.find('.node.task')
    expect(task.classes()).toContain('is-cancelled')
    expect(task.findAll('.el-tag').map((t) => t.text())).toEqual(['已撤销', '未开始']) // its flags say it once
    expect(task.text()).toContain('王主任 撤销：重复导入')
  })

  it('cancels a problem from its node, then reads its area again', async () => {
    service(() => json(200, { ...problem, version: 3, cancellation }))
    const w = await show(['coordinator'])
    await openArea(w)
    const button = w.findAll('.node.problem button').find((b) => b.attributes('aria-label') === '撤销问题：2. 理论学习不够深入')!
    await button.trigger('click')
    await flushPromises()
    expect(document.body.querySelector('[data-test="subject"]')?.textContent).toBe('撤销问题：2. 理论学习不够深入')
    expect(document.body.textContent).toContain('该问题下没有任务')
    const before = gets('/areas/a1/problems').length
    type('cancel-reason', '误录')
    await press('确认撤销')
    const post = net.sent.find((r) => r.init.method === 'POST')!
    expect(post.url).toBe('/api/tasks/problems/p2/cancellation')
    expect(post.init.headers).toMatchObject({ 'If-Match': '"2"' })
    expect(gets('/areas/a1/problems').length).toBeGreaterThan(before)
  })
})
