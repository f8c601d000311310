// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import type { User } from 'oidc-client-ts'
import type { TaskSnapshot } from '@/api/types'
import { useSession } from '@/auth/session'
import TaskView from '@/views/TaskView.vue'
import VerificationQueueView from '@/views/VerificationQueueView.vue'
import { NOT_YET_VERIFIABLE, notYetVerifiable, verifiable } from '@/verification'
import { json, client, network, serveApi } from './recordedNetwork'
import { TasksApi } from '@/api/tasks'

// A claim tasks-service would not verify yet (a LONG_TERM claim with a stage goal due and open): it offers
// neither VERIFY nor CONSOLIDATE, and the console shows no 核实 button that could only be refused.
const net = network()
serveApi(() => ({ tasks: new TasksApi(client(net, '/api/tasks')), people: { names: async () => [] } }))

const waiting = {
  id: 't1', version: 5, inspectionId: 'i1', areaNumber: 1, problemNumber: 3, number: 1, title: '建立长效推进落实机制',
  measures: '健全制度', responsibleUnit: '党政办公室', responsiblePerson: null, leadOfficial: null, deadline: '2027-12-31',
  kind: 'LONG_TERM', state: 'COMPLETION_CLAIMED', percentComplete: 100, reportingCadence: 'MONTHLY', lastProgressReportAt: null,
  indicators: [], evidenceCount: 1, claimedBy: 'dzb',
  milestones: [{ id: 'm1', title: '建立长效工作机制', dueDate: '2026-11-30', achievedAt: null }],
  lastRejection: null, lastReopen: null, lastWithdrawal: null, lastLookBack: null, verificationNote: null,
  allowedTransitions: ['REJECT_COMPLETION', 'WITHDRAW_CLAIM'],
} as unknown as TaskSnapshot
const ready = {
  ...waiting, id: 't2', number: 2, title: '巩固整改成果',
  milestones: [{ id: 'm2', title: '巩固整改成果，防止反弹回潮', dueDate: '2027-06-30', achievedAt: null }],
  allowedTransitions: ['REJECT_COMPLETION', 'CONSOLIDATE', 'WITHDRAW_CLAIM'],
} as unknown as TaskSnapshot

/** tasks-service as the pages call it: the task (or the queue's page), and nothing else recorded. */
function service(task: TaskSnapshot | null) {
  net.answer = () => {
    const { url } = net.sent[net.sent.length - 1]!
    if (url.includes('/tasks?')) return json(200, { items: [waiting, ready], total: 2, page: 0, size: 20 })
    if (url.endsWith('/progress-reports') || url.endsWith('/evidence') || url.endsWith('/audit')
      || url.endsWith('/deadline-extension-requests')) return json(200, [])
    return json(200, task!, 'application/json', { ETag: `"${task!.version}"` })
  }
}

let wrapper: VueWrapper | null = null
// the day goals fall due by is Beijing's: pinned, 2026-12-05 10:00 there
const NOW = new Date('2026-12-05T02:00:00Z')

async function show(view: object, path: string) {
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] })
  vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }))
  const pinia = createPinia()
  setActivePinia(pinia)
  useSession().user = { profile: { upn: 'ducha', name: '督查', groups: ['supervisor'] }, expired: false, access_token: 't' } as unknown as User
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { render: () => null } }] })
  await router.push(path)
  wrapper = mount(view, { global: { plugins: [pinia, router, ElementPlus] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

const buttons = (w: VueWrapper, within: string) => w.find(within).findAll('button').map((b) => b.text())

describe('a claim not yet verifiable', () => {
  it('is what tasks-service does not offer to verify or consolidate', () => {
    expect(verifiable(waiting)).toBe(false)
    expect(verifiable(ready)).toBe(true)
  })

  it('shows the supervisor 驳回 and why there is no 核实 on the task page', async () => {
    service(waiting)
    const page = await show(TaskView, '/tasks/t1')
    expect(buttons(page, '.actions')).toContain('驳回')
    expect(buttons(page, '.actions')).not.toContain('核实转入巩固')
    expect(buttons(page, '.actions')).not.toContain('核实通过')
    expect(page.find('.actions').text()).toContain(NOT_YET_VERIFIABLE)
    // which goal holds it, named, not only that something does
    expect(page.find('.actions').text()).toContain('节点“建立长效工作机制”（2026年11月30日到期）尚未达成')
  })

  it('keeps 核实转入巩固 for a claim whose open goals all fall due later', async () => {
    service(ready)
    const page = await show(TaskView, '/tasks/t2')
    expect(buttons(page, '.actions')).toContain('核实转入巩固')
    expect(page.find('.actions').text()).not.toContain(NOT_YET_VERIFIABLE)
  })

  it('has no 核实 button in the queue, only 驳回 and the reason', async () => {
    service(null)
    const queue = await show(VerificationQueueView, '/verification')
    const text = queue.text()
    expect(text).toContain('建立长效推进落实机制')
    expect(text).toContain(NOT_YET_VERIFIABLE)
    expect(text).toContain('节点“建立长效工作机制”（2026年11月30日到期）尚未达成')
    const labels = queue.findAll('button').map((b) => b.text())
    expect(labels.filter((l) => l === '核实转入巩固')).toHaveLength(1)
    expect(labels).not.toContain('核实通过')
    expect(labels.filter((l) => l === '驳回')).toHaveLength(2)
  })

  it('names what holds it by tasks-service\'s rule: goals due by today for a consolidation, every goal for a close-out, unmet indicators', () => {
    const today = '2026-12-05'
    const goals = [
      { id: 'g1', title: '建立长效工作机制', dueDate: '2026-11-30', achievedAt: null },
      { id: 'g2', title: '完成制度汇编', dueDate: '2026-12-05', achievedAt: null },
      { id: 'g3', title: '巩固整改成果', dueDate: '2027-06-30', achievedAt: null },
      { id: 'g4', title: '开展调研', dueDate: '2026-10-31', achievedAt: '2026-10-30T10:00:00+08:00' },
    ]
    const indicators = [
      { id: 'i1', name: '档案完整率', met: false }, { id: 'i2', name: '整改率', met: true }, { id: 'i3', name: '办结率', met: null },
    ]
    const claim = { ...waiting, milestones: goals, indicators, requireIndicatorsMet: true } as unknown as TaskSnapshot
    expect(notYetVerifiable(claim, today)).toBe(`${NOT_YET_VERIFIABLE}：节点“建立长效工作机制”（2026年11月30日到期）、“完成制度汇编”（2026年12月5日到期）尚未达成；`
      + '指标“档案完整率”“办结率”尚未达标')
    // consolidating: the close-out waits for every goal; indicators count only where the task requires them met
    const consolidating = { ...claim, state: 'CONSOLIDATING', requireIndicatorsMet: false } as unknown as TaskSnapshot
    expect(notYetVerifiable(consolidating, today)).toBe(`${NOT_YET_VERIFIABLE}：节点“建立长效工作机制”（2026年11月30日到期）、`
      + '“完成制度汇编”（2026年12月5日到期）、“巩固整改成果”（2027年6月30日到期）尚未达成')
    // nothing the console can name (a goal achieved meanwhile, on a page not yet reloaded): the general words
    expect(notYetVerifiable({ ...waiting, milestones: [] } as unknown as TaskSnapshot, today)).toBe(NOT_YET_VERIFIABLE)
  })
})
