// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import ElementPlus from 'element-plus'
import type { User } from 'oidc-client-ts'
import type { TaskSnapshot } from '@/api/types'
import { useSession } from '@/auth/session'
import { firstWithDue, inspectionChoice } from '@/lookBackDue'
import LookBackView from '@/views/LookBackView.vue'
import { json, client, network, serveApi } from './recordedNetwork'
import { settle } from './dialogDom'
import { LookBackApi } from '@/api/lookBack'
import { TasksApi } from '@/api/tasks'

// 回头看 with two inspections (I1 with no review due, I2 with three): the selector counts each one's reviews due,
// and the page opens on one that has some, not merely the first. The reviews due of both are one read (GET /tasks
// ?lookBackDueBy= of every inspection), not a read of each inspection's count. Through the real clients to a tasks-service answered here.
const net = network()
serveApi(() => ({ lookBack: new LookBackApi(client(net, '/api/tasks')), tasks: new TasksApi(client(net, '/api/tasks')), people: { names: async () => [] } }))

const INSPECTIONS = [
  { id: 'i1', title: '十四届省委第一轮巡视' },
  { id: 'i2', title: '十四届省委第三轮巡视' },
]
const dueTask = (n: number) => ({
  id: `t${n}`, inspectionId: 'i2', areaNumber: 1, problemNumber: 1, number: n, title: `任务${n}`, responsibleUnit: '招商局',
  state: 'VERIFIED', verifiedAt: '2026-06-01T10:00:00+08:00', nextLookBackDue: '2026-12-01',
}) as unknown as TaskSnapshot
const DUE: TaskSnapshot[] = [dueTask(1), dueTask(2), dueTask(3)]

function service() {
  net.answer = () => {
    const url = net.sent[net.sent.length - 1]!.url
    const [path, search] = url.split('?')
    const query = new URLSearchParams(search ?? '')
    if (path === '/api/tasks/inspections') return json(200, { items: INSPECTIONS, page: 0, size: 50, total: 2 })
    if (path === '/api/tasks/look-back-reviews') return json(200, [])
    if (path === '/api/tasks/tasks' && query.has('lookBackDueBy')) {
      const inspection = query.get('inspectionId')
      const due = DUE.filter((t) => inspection === null || t.inspectionId === inspection)
      const size = Number(query.get('size'))
      return json(200, { items: due.slice(0, size), page: 0, size, total: due.length })
    }
    if (path === '/api/tasks/tasks') return json(200, { items: [], page: 0, size: 200, total: 0 })
    return json(404, { status: 404, title: 'Not Found' }, 'application/problem+json')
  }
}

let wrapper: VueWrapper | null = null

async function show(path: string): Promise<Router> {
  vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }))
  service()
  const pinia = createPinia()
  setActivePinia(pinia)
  useSession().user = { profile: { upn: 'dc', name: '督查', groups: ['supervisor'] }, expired: false, access_token: 't' } as unknown as User
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { render: () => null } }] })
  await router.push(path)
  wrapper = mount(LookBackView, { global: { plugins: [pinia, router, ElementPlus] }, attachTo: document.body })
  await settle()
  return router
}

const chosen = () => document.querySelector('.inspection .el-select__selected-item:not(.is-hidden)')?.textContent?.trim()
const dueRows = () => [...document.querySelectorAll('[aria-label="待开展的回头看"] tbody tr')].map((tr) => tr.textContent ?? '')

describe('回头看 of two inspections', () => {
  it('opens on the inspection that has reviews due, each counted in the selector', async () => {
    const router = await show('/look-back')
    expect(chosen()).toBe('十四届省委第三轮巡视（待开展 3）')
    expect(router.currentRoute.value.query.inspection).toBe('i2')
    expect(dueRows()).toHaveLength(3)
    const options = [...document.querySelectorAll('.el-select-dropdown__item')].map((o) => o.textContent?.trim())
    expect(options).toEqual(expect.arrayContaining(['十四届省委第一轮巡视（待开展 0）', '十四届省委第三轮巡视（待开展 3）']))
    // the counts and the list are one read of the reviews due of every inspection
    const dueReads = () => net.sent.map((r) => new URLSearchParams(r.url.split('?')[1] ?? '')).filter((q) => q.has('lookBackDueBy'))
    expect(dueReads().map((q) => [q.get('inspectionId'), q.get('page'), q.get('size')])).toEqual([[null, '0', '500']])
    wrapper!.unmount()
  })

  it('shows another inspection\'s share of that read when chosen, and reads them all again for another horizon', async () => {
    const router = await show('/look-back')
    const dueReads = () => net.sent.map((r) => new URLSearchParams(r.url.split('?')[1] ?? '')).filter((q) => q.has('lookBackDueBy'))
    const vm = wrapper!.vm as unknown as { inspectionId: string; changed: () => Promise<void>; horizon: number; loadDue: () => Promise<void> }
    vm.inspectionId = 'i1'
    await vm.changed()
    await settle()
    expect(router.currentRoute.value.query.inspection).toBe('i1')
    expect(dueRows()).toHaveLength(0)
    expect(dueReads()).toHaveLength(1)
    vm.inspectionId = 'i2'
    await vm.changed()
    await settle()
    expect(dueRows()).toHaveLength(3)
    vm.horizon = 0
    await vm.loadDue()
    await settle()
    expect(dueReads().map((q) => q.get('inspectionId'))).toEqual([null, null])
    wrapper!.unmount()
  })

  it('keeps the inspection asked for by the address, with none due', async () => {
    const router = await show('/look-back?inspection=i1')
    expect(chosen()).toBe('十四届省委第一轮巡视（待开展 0）')
    expect(router.currentRoute.value.query.inspection).toBe('i1')
    expect(dueRows()).toHaveLength(0)
    wrapper!.unmount()
  })

  it('keeps the inspection chosen in the address beside its other parameters, replaced, not pushed: 后退 leaves 回头看', async () => {
    const router = await show('/look-back?other=kept')
    expect(router.currentRoute.value.query).toEqual({ other: 'kept', inspection: 'i2' })
    const pushed = vi.spyOn(router, 'push')
    const vm = wrapper!.vm as unknown as { inspectionId: string; changed: () => Promise<void> }
    vm.inspectionId = 'i1'
    await vm.changed()
    await settle()
    expect(router.currentRoute.value.query).toEqual({ other: 'kept', inspection: 'i1' })
    expect(pushed).not.toHaveBeenCalled()
    wrapper!.unmount()
  })

  it('falls back to the first inspection when none has reviews due, or the counts are unknown', () => {
    expect(firstWithDue(INSPECTIONS, new Map([['i1', 0], ['i2', 2]]))).toBe('i2')
    expect(firstWithDue(INSPECTIONS, new Map([['i1', 0], ['i2', 0]]))).toBe('i1')
    expect(firstWithDue(INSPECTIONS, new Map())).toBe('i1')
    expect(firstWithDue([], new Map())).toBe('')
    expect(inspectionChoice('十四届省委第三轮巡视', undefined)).toBe('十四届省委第三轮巡视')
  })
})
