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
import { press, settle, type } from './dialogDom'
import { TasksApi } from '@/api/tasks'

// 撤回销号申请 on the task page, through the real client to a tasks-service answered here.
const net = network()
serveApi(() => ({ tasks: new TasksApi(client(net, '/api/tasks')), people: { names: async () => [] } }))

const claimed = {
  id: 't1', version: 5, inspectionId: 'i1', number: 2, title: '修订公务接待制度', measures: '逐条修订', responsibleUnit: '党政办公室',
  responsiblePerson: null, leadOfficial: null, deadline: '2025-06-30', kind: 'TIME_BOUND', state: 'COMPLETION_CLAIMED', percentComplete: 100,
  reportingCadence: 'MONTHLY', lastProgressReportAt: null, indicators: [], milestones: [], evidenceCount: 2, claimedBy: 'dzb',
  lastRejection: null, lastReopen: null, lastWithdrawal: null, lastLookBack: null, verificationNote: null,
  allowedTransitions: ['REJECT_COMPLETION', 'VERIFY', 'WITHDRAW_CLAIM'],
} as unknown as TaskSnapshot
const withdrawn = {
  ...claimed, version: 6, state: 'IN_PROGRESS', claimedBy: null, allowedTransitions: ['CLAIM_COMPLETION'],
  lastWithdrawal: { reason: '佐证材料传错了', by: 'dzb', at: '2025-05-26T09:00:00+08:00' },
} as unknown as TaskSnapshot

/** tasks-service as the page calls it: the task as it now is, no reports, evidence or audit entries, and the withdrawal's answer. */
function service(now: { task: TaskSnapshot }, withdrawal: () => Response) {
  net.answer = () => {
    const { url, init } = net.sent[net.sent.length - 1]!
    if (init.method === 'POST') return withdrawal()
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
  useSession().user = { profile: { upn: 'dzb', name: '李科长', groups, unit: '党政办公室' }, expired: false, access_token: 't' } as unknown as User
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { render: () => null } }] })
  await router.push('/tasks/t1')
  wrapper = mount(TaskView, { global: { plugins: [pinia, router, ElementPlus] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

const buttons = (w: VueWrapper) => w.find('.actions').findAll('button').map((b) => b.text())

describe('撤回销号申请', () => {
  it('is offered to the owners of a claimed task, not to the supervisors who decide on it', async () => {
    const now = { task: claimed }
    service(now, () => json(500, {}))
    expect(buttons(await show(['officer']))).toContain('撤回申请')
    wrapper!.unmount()
    wrapper = null
    const supervisor = buttons(await show(['supervisor']))
    expect(supervisor).not.toContain('撤回申请')
    expect(supervisor).toContain('驳回')
  })

  it('asks for an optional reason, sends it with the version read, and shows the task as it is now', async () => {
    const now = { task: claimed }
    service(now, () => {
      now.task = withdrawn
      return json(200, withdrawn, 'application/json', { ETag: '"6"' })
    })
    await show(['officer'])
    await press('撤回申请')
    expect(document.body.textContent).toContain('撤回原因（选填）')
    type('withdraw-reason', '  佐证材料传错了 ')
    await press('确认撤回')
    const posts = net.sent.filter((r) => r.init.method === 'POST')
    expect(posts).toHaveLength(1)
    expect(posts[0]!.url).toBe('/api/tasks/tasks/t1/completion-claim-withdrawal')
    expect(posts[0]!.init.headers).toMatchObject({ 'If-Match': '"5"', 'Content-Type': 'application/json' })
    expect(JSON.parse(String(posts[0]!.init.body))).toEqual({ reason: '佐证材料传错了' })
    await settle()
    // read again: back in progress, 申请销号 offered again, the withdrawal on the page
    expect(buttons(wrapper!)).not.toContain('撤回申请')
    expect(wrapper!.text()).toContain('已撤回销号申请')
    expect(wrapper!.text()).toContain('佐证材料传错了')
  })

  it('says in Chinese why a claim already decided is not withdrawn', async () => {
    const now = { task: claimed }
    const refusal = { status: 409, title: 'Conflict', state: 'VERIFIED', allowedTransitions: ['LOOK_BACK_CONFIRM', 'REOPEN'],
      detail: 'a task of kind TIME_BOUND in state VERIFIED cannot WITHDRAW_CLAIM' }
    service(now, () => json(409, refusal, 'application/problem+json'))
    await show(['officer'])
    await press('撤回申请')
    await press('确认撤回')
    expect(document.body.textContent).toContain('该销号申请已不在待核验状态')
    expect(describeError(new ApiError(refusal))).toBe('操作与当前状态冲突：该销号申请已不在待核验状态（可能已核实或被驳回），不能撤回；请刷新页面查看最新状态')
  })
})
