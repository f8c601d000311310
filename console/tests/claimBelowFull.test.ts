// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import type { User } from 'oidc-client-ts'
import type { InspectionView, TaskSnapshot } from '@/api/types'
import { useSession } from '@/auth/session'
import { cellText } from '@/rowColumns'
import { claimQuestion, verificationColumns } from '@/verification'
import VerificationQueueView from '@/views/VerificationQueueView.vue'
import VerifyDialog from '@/components/VerifyDialog.vue'
import TaskView from '@/views/TaskView.vue'
import { json, client, network, serveApi } from './recordedNetwork'
import { press, settle } from './dialogDom'
import { TasksApi } from '@/api/tasks'

// A claim whose reported progress is below 100 %: 销号核实 shows the percentage, marked, and the supervisor
// is asked to confirm before verifying it; the officer is warned before claiming it. The queue names each
// task's inspection when it holds tasks of several, and says when each claim was made and how long it has
// waited, the oldest claim first (GET /tasks?state=COMPLETION_CLAIMED&sort=claimedAt).
const net = network()
serveApi(() => ({
  tasks: new TasksApi(client(net, '/api/tasks')), people: { names: async () => [] },
  readModels: { task: () => new Promise(() => {}) },
}))

const claim = {
  id: 't1', version: 7, inspectionId: 'i1', areaNumber: 2, problemNumber: 1, number: 3, title: '建立廉政风险防控台账', measures: '逐项排查',
  responsibleUnit: '党政办公室', responsiblePerson: null, leadOfficial: null, deadline: '2026-12-31', kind: 'TIME_BOUND', state: 'COMPLETION_CLAIMED',
  percentComplete: 60, reportingCadence: 'MONTHLY', requireIndicatorsMet: false, lastProgressReportAt: null, indicators: [], milestones: [],
  evidenceCount: 2, claimedBy: 'dzb', claimedAt: '2026-12-05T16:45:00Z', lastRejection: null, lastReopen: null, lastWithdrawal: null, lastLookBack: null, verificationNote: null,
  lastDeadlineChange: null, allowedTransitions: ['VERIFY', 'REJECT_COMPLETION', 'WITHDRAW_CLAIM'],
} as unknown as TaskSnapshot
const full = { ...claim, id: 't2', number: 4, title: '修订公务接待制度', percentComplete: 100, inspectionId: 'i2', claimedAt: '2026-12-08T09:30:00+08:00' } as TaskSnapshot
const inspections = [
  { id: 'i1', title: '省委第三巡视组巡视反馈意见整改', team: '省委第三巡视组' },
  { id: 'i2', title: '市委第一巡察组专项巡察整改', team: '市委第一巡察组' },
] as unknown as InspectionView[]

let wrapper: VueWrapper | null = null

/** tasks-service: the queue's page (its tasks), the inspections, and a task with its reports and evidence. */
function service(queue: TaskSnapshot[], task: TaskSnapshot = claim) {
  net.answer = () => {
    const { url } = net.sent[net.sent.length - 1]!
    if (url.includes('/tasks?')) return json(200, { items: queue, total: queue.length, page: 0, size: 200 })
    if (url.includes('/inspections')) return json(200, { items: inspections, total: 2, page: 0, size: 50 })
    if (url.endsWith('/progress-reports') || url.endsWith('/evidence') || url.endsWith('/audit')
      || url.endsWith('/deadline-extension-requests')) return json(200, [])
    return json(200, task, 'application/json', { ETag: `"${task.version}"` })
  }
}

async function show(view: object, path: string, profile: Record<string, unknown>) {
  vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }))
  const pinia = createPinia()
  setActivePinia(pinia)
  useSession().user = { profile, expired: false, access_token: 't' } as unknown as User
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { render: () => null } }] })
  await router.push(path)
  wrapper = mount(view, { global: { plugins: [pinia, router, ElementPlus] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

const DUCHA = { upn: 'ducha', name: '督查', groups: ['supervisor'] }
const heads = (w: VueWrapper) => w.findAll('.el-table__header th').map((th) => th.text())

// 2026-12-09 08:10 in Beijing
const NOW = new Date('2026-12-09T00:10:00Z')

describe('销号核实', () => {
  it('shows each claim\'s reported progress, marked below 100 %', () => {
    const progress = verificationColumns(() => null, NOW).find((c) => c.key === 'percentComplete')!
    expect(progress.label).toBe('进度')
    expect(cellText(progress, claim)).toBe('60%（未达100%）')
    expect(cellText(progress, full)).toBe('100%')
  })

  it('says when each claim was made, in Beijing time, and how many days it has waited', () => {
    const claimed = verificationColumns(() => null, NOW).find((c) => c.key === 'claimedAt')!
    expect(claimed.label).toBe('申请时间')
    // 00:45 on the 6th in Beijing, three days before the 9th
    expect(cellText(claimed, claim)).toBe('2026年12月6日 00:45（已等待3天）')
    expect(cellText(claimed, { ...full, claimedAt: '2026-12-09T07:59:00+08:00' })).toBe('2026年12月9日 07:59（今日申请）')
    // no claim standing, no time: nothing to wait for
    expect(cellText(claimed, { ...full, claimedAt: null })).toBe('—')
  })

  it('asks for the claims oldest first and shows when each was made', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(NOW)
    service([claim, full])
    const queue = await show(VerificationQueueView, '/verification', DUCHA)
    const asked = new URL(net.sent.find((r) => r.url.includes('/tasks?'))!.url, 'http://console')
    expect(asked.searchParams.get('state')).toBe('COMPLETION_CLAIMED')
    expect(asked.searchParams.get('sort')).toBe('claimedAt')
    expect(heads(queue)).toContain('申请时间')
    const rows = queue.findAll('tbody tr').map((tr) => tr.text())
    expect(rows[0]).toContain('2026年12月6日 00:45（已等待3天）')
    expect(rows[1]).toContain('2026年12月8日 09:30（已等待1天）')
  })

  it('names the inspection when the queue holds tasks of several, and marks the short progress', async () => {
    service([claim, full])
    const queue = await show(VerificationQueueView, '/verification', DUCHA)
    expect(heads(queue)).toEqual(['任务', '进度', '佐证', '指标', '巡视', '责任单位', '申请人', '申请时间', '时限', '操作'])
    const rows = queue.findAll('tbody tr').map((tr) => tr.text())
    expect(rows[0]).toContain('省委第三巡视组巡视反馈意见整改')
    expect(rows[1]).toContain('市委第一巡察组专项巡察整改')
    expect(queue.find('.percent-short').text()).toBe('60%（未达100%）')
    expect(queue.findAll('.percent-short')).toHaveLength(1)
  })

  it('leaves the inspection out when every queued task is of one', async () => {
    service([claim, { ...full, inspectionId: 'i1' } as TaskSnapshot])
    const queue = await show(VerificationQueueView, '/verification', DUCHA)
    expect(heads(queue)).not.toContain('巡视')
    expect(net.sent.some((r) => r.url.includes('/inspections'))).toBe(false)
  })
})

describe('核实 of a claim below 100 %', () => {
  function open(task: TaskSnapshot) {
    wrapper = mount(VerifyDialog, { props: { open: true, task }, global: { plugins: [ElementPlus] }, attachTo: document.body })
    return wrapper
  }

  it('says the progress and asks for a confirmation before verifying', async () => {
    const dialog = open(claim)
    await flushPromises()
    expect(document.body.textContent).toContain('责任单位报告的完成进度为 60%，未达到 100%')
    net.answer = () => json(200, { ...claim, version: 8, state: 'VERIFIED' }, 'application/json', { ETag: '"8"' })
    await press('核实通过并销号')
    expect(net.sent).toHaveLength(0)
    const confirm = document.getElementById('verify-below-full') as HTMLInputElement
    expect(confirm.closest('.el-form-item')?.textContent).toContain('请确认后再核实')
    confirm.click()
    await settle()
    await press('核实通过并销号')
    expect(net.sent).toHaveLength(1)
    expect(dialog.emitted('verified')).toEqual([['已核实销号']])
  })

  it('asks nothing more of a claim at 100 %', async () => {
    open(full)
    await flushPromises()
    expect(document.getElementById('verify-below-full')).toBeNull()
    expect(document.body.textContent).not.toContain('未达到 100%')
  })
})

describe('申请销号 below 100 %', () => {
  it('warns the officer in the question before the claim', async () => {
    expect(claimQuestion(60)).toBe('当前完成进度为 60%，未达到 100%。确认已完成整改并申请销号？')
    expect(claimQuestion(100)).toBe('确认已完成整改并申请销号？')
    const working = { ...claim, state: 'IN_PROGRESS', claimedBy: null, allowedTransitions: ['CLAIM_COMPLETION'] } as unknown as TaskSnapshot
    service([], working)
    const page = await show(TaskView, '/tasks/t1', { upn: 'dzb', name: '李科长', groups: ['officer'], unit: '党政办公室' })
    await page.findAll('button').find((b) => b.text() === '申请销号')!.trigger('click')
    await settle()
    expect(document.body.textContent).toContain('当前完成进度为 60%，未达到 100%。确认已完成整改并申请销号？')
  })
})
