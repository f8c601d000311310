// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import type { User } from 'oidc-client-ts'
import type { TaskSnapshot } from '@/api/types'
import { useSession } from '@/auth/session'
import { describe as describeError, ApiError } from '@/api/problem'
import TaskView from '@/views/TaskView.vue'
import { json, client, network, serveApi } from './recordedNetwork'
import { press, type } from './dialogDom'
import { TasksApi } from '@/api/tasks'

// 撤销任务 on the task page, through the real client to a tasks-service answered here: offered to the office
// only, not on a closed-out task; a cancelled task shows who cancelled it, when and why, and offers nothing.
const net = network()
serveApi(() => ({ tasks: new TasksApi(client(net, '/api/tasks')), people: { names: async () => [{ username: 'zhengban', displayName: '王主任' }] } }))

const standing = {
  id: 't1', version: 5, inspectionId: 'i1', areaNumber: 1, problemNumber: 3, number: 2, title: '修订公务接待制度', measures: '逐条修订',
  responsibleUnit: '党政办公室', responsiblePerson: null, leadOfficial: null, deadline: '2026-12-31', kind: 'TIME_BOUND', state: 'IN_PROGRESS',
  percentComplete: 40, reportingCadence: 'MONTHLY', lastProgressReportAt: null, evidenceCount: 1, claimedBy: null,
  lastRejection: null, lastReopen: null, lastWithdrawal: null, lastLookBack: null, verificationNote: null, lastDeadlineChange: null,
  allowedTransitions: ['CLAIM_COMPLETION'], indicators: [], cancellation: null,
  milestones: [{ id: 'm1', title: '党组会审议通过', dueDate: '2026-11-30', achievedAt: null }],
} as unknown as TaskSnapshot
const cancelled = {
  ...standing, version: 6, allowedTransitions: [], cancelledAt: '2026-12-05T10:00:00+08:00',
  cancellation: { reason: '任务分解表重复导入', by: 'zhengban', at: '2026-12-05T10:00:00+08:00' },
} as unknown as TaskSnapshot

/** tasks-service as the page calls it: the task as it now is, nothing else, and the cancellation's answer. */
function service(now: { task: TaskSnapshot }, cancellation: () => Response = () => json(500, {})) {
  net.answer = () => {
    const { url, init } = net.sent[net.sent.length - 1]!
    if (init.method === 'POST') return cancellation()
    if (url.endsWith('/progress-reports') || url.endsWith('/evidence') || url.endsWith('/audit')
      || url.endsWith('/deadline-extension-requests')) return json(200, [])
    return json(200, now.task, 'application/json', { ETag: `"${now.task.version}"` })
  }
}

let wrapper: VueWrapper | null = null

async function show(groups: string[]) {
  vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }))
  const pinia = createPinia()
  setActivePinia(pinia)
  useSession().user = { profile: { upn: 'u', name: '某人', groups, unit: '党政办公室' }, expired: false, access_token: 't' } as unknown as User
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/tasks/:id', component: { render: () => null } }] })
  await router.push('/tasks/t1')
  wrapper = mount(TaskView, { global: { plugins: [pinia, router, ElementPlus] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

const buttons = (w: VueWrapper) => w.findAll('button').map((b) => b.text())

describe('撤销任务 on the task page', () => {
  it('is offered to the office, not to the unit\'s officer nor to 督查', async () => {
    service({ task: standing })
    expect(buttons(await show(['coordinator']))).toContain('撤销任务')
    for (const groups of [['officer'], ['supervisor']]) {
      wrapper!.unmount()
      expect(buttons(await show(groups))).not.toContain('撤销任务')
    }
  })

  it('is not offered on a closed-out task: why is said in its place', async () => {
    for (const state of ['VERIFIED', 'CONSOLIDATING']) {
      service({ task: { ...standing, state, allowedTransitions: [] } as TaskSnapshot })
      const w = await show(['coordinator'])
      expect(buttons(w)).not.toContain('撤销任务')
      expect(w.find('.actions').text()).toContain('已销号的任务不能撤销：销号已计入统计；如确属误录，须先经回头看重新整改')
      w.unmount()
    }
  })

  it('cancels with the reason and the version read, then shows the task as it now is: the banner, no step', async () => {
    const now = { task: standing }
    service(now, () => {
      now.task = cancelled
      return json(200, cancelled, 'application/json', { ETag: '"6"' })
    })
    const w = await show(['coordinator'])
    await press('撤销任务')
    expect(document.body.querySelector('[data-test="subject"]')?.textContent).toBe('撤销任务：任务（一）3.二是：修订公务接待制度')
    type('cancel-reason', '任务分解表重复导入')
    await press('确认撤销')
    const post = net.sent.find((r) => r.init.method === 'POST')!
    expect(post.url).toBe('/api/tasks/tasks/t1/cancellation')
    expect(post.init.headers).toMatchObject({ 'If-Match': '"5"' })
    expect(net.sent.filter((r) => r.url === '/api/tasks/tasks/t1' && r.init.method === 'GET')).toHaveLength(2) // read again after
    expect(w.find('[data-test="cancelled"]').text()).toContain('任务分解表重复导入')
    expect(buttons(w)).not.toContain('撤销任务')
  })
})

describe('a cancelled task', () => {
  it('says 已撤销, when, by whom and why', async () => {
    service({ task: cancelled })
    const banner = (await show(['officer'])).find('[data-test="cancelled"]')
    expect(banner.text()).toContain('已撤销')
    expect(banner.text()).toContain('2026年12月5日 10:00 王主任 撤销：任务分解表重复导入')
    expect(banner.text()).toContain('此任务保留在台账中，不计入任何统计数字，不能再办理')
  })

  it('offers no step to anyone: neither the office\'s nor its unit\'s', async () => {
    for (const groups of [['coordinator'], ['officer']]) {
      service({ task: { ...cancelled, allowedTransitions: ['CLAIM_COMPLETION'] } as TaskSnapshot }) // even were the service to list one
      const w = await show(groups)
      for (const step of ['撤销任务', '调整责任与时限', '申请销号', '申请延期', '标记达成', '提交进展报告', '添加材料']) {
        expect(buttons(w)).not.toContain(step)
      }
      expect(w.find('form[aria-label="填报整改进展"]').exists()).toBe(false)
      expect(w.find('form[aria-label="添加佐证材料"]').exists()).toBe(false)
      w.unmount()
    }
  })

  it('any command on it refused meanwhile (409 cancelledAt) is said so', () => {
    const said = describeError(new ApiError({ status: 409, detail: 'task t1 was cancelled', cancelledAt: '2026-12-05T10:00:00+08:00' }))
    expect(said).toBe('操作与当前状态冲突：所办理的事项已于 2026年12月5日 10:00 由整改办撤销，不能再办理；请刷新页面查看')
  })
})
