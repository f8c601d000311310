// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import type { User } from 'oidc-client-ts'
import type { TaskSnapshot } from '@/api/types'
import { describe as said, toError } from '@/api/problem'
import { useSession } from '@/auth/session'
import { claimHint, notYetVerifiable } from '@/verification'
import TaskView from '@/views/TaskView.vue'
import { json, reset, client, network, serveApi } from './recordedNetwork'
import { TasksApi } from '@/api/tasks'

// tasks-service claims and verifies only on evidence a supervisor can check: an entry with its file attached or a
// reference (文号、存放位置), not a title alone (CloseOutRule; the task's evidenceWithFileOrReference counts them).
// The page offers no 申请销号 it knows refused and says what to add; a 409 names the bare entries.
const net = network()
serveApi(() => ({
  tasks: new TasksApi(client(net, '/api/tasks')), people: { names: async () => [] },
  readModels: { task: () => new Promise(() => {}) },
}))

const working = {
  id: 't1', version: 4, inspectionId: 'i1', areaNumber: 1, problemNumber: 2, number: 1, title: '规范会议议定事项落实', measures: '逐项督办',
  responsibleUnit: '党政办公室', responsiblePerson: null, leadOfficial: null, deadline: '2026-12-31', kind: 'TIME_BOUND', state: 'IN_PROGRESS',
  percentComplete: 100, reportingCadence: 'MONTHLY', requireIndicatorsMet: false, lastProgressReportAt: null, indicators: [], milestones: [],
  evidenceCount: 1, evidenceWithFileOrReference: 0, claimedBy: null, lastRejection: null, lastReopen: null, lastWithdrawal: null,
  lastLookBack: null, verificationNote: null, lastDeadlineChange: null, allowedTransitions: ['CLAIM_COMPLETION'],
} as unknown as TaskSnapshot

let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  reset(net)
  document.body.innerHTML = ''
  vi.unstubAllGlobals()
})

async function officerSees(task: TaskSnapshot) {
  net.answer = () => {
    const { url } = net.sent[net.sent.length - 1]!
    if (url.endsWith('/progress-reports') || url.endsWith('/evidence') || url.endsWith('/audit')
      || url.endsWith('/deadline-extension-requests')) return json(200, [])
    return json(200, task, 'application/json', { ETag: `"${task.version}"` })
  }
  vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }))
  const pinia = createPinia()
  setActivePinia(pinia)
  useSession().user = { profile: { upn: 'dzb', name: '李科长', groups: ['officer'], unit: '党政办公室' }, expired: false, access_token: 't' } as unknown as User
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { render: () => null } }] })
  await router.push('/tasks/t1')
  wrapper = mount(TaskView, { global: { plugins: [pinia, router, ElementPlus] }, attachTo: document.body })
  await flushPromises()
  return wrapper.find('.actions')
}

describe('申请销号 on evidence a supervisor can check', () => {
  it('is offered once an entry has a file or a reference, and explained until then', () => {
    expect(claimHint({ evidenceCount: 0, evidenceWithFileOrReference: 0 })).toBe('申请销号前请先在下方添加佐证材料')
    expect(claimHint({ evidenceCount: 2, evidenceWithFileOrReference: 0 })).toContain('佐证材料只有名称')
    expect(claimHint({ evidenceCount: 2, evidenceWithFileOrReference: 1 })).toBeNull()
  })

  it('shows the officer no 申请销号 on titles only, and says what to add', async () => {
    const actions = await officerSees(working)
    expect(actions.findAll('button').map((b) => b.text())).not.toContain('申请销号')
    expect(actions.text()).toContain('佐证材料只有名称：申请销号前请为材料上传文件，或添加注明文号、存放位置的材料')
  })

  it('shows 申请销号 once one entry has its file or reference', async () => {
    const actions = await officerSees({ ...working, evidenceCount: 2, evidenceWithFileOrReference: 1 } as TaskSnapshot)
    expect(actions.findAll('button').map((b) => b.text())).toContain('申请销号')
    expect(actions.text()).not.toContain('佐证材料只有名称')
  })

  it('tells the supervisor why a claim on titles only is not verifiable', () => {
    const claimed = { ...working, state: 'COMPLETION_CLAIMED', allowedTransitions: ['REJECT_COMPLETION', 'WITHDRAW_CLAIM'] } as unknown as TaskSnapshot
    expect(notYetVerifiable(claimed, '2026-12-05')).toBe('佐证材料均未上传文件或注明文号，暂不能核实')
  })

  it('names the bare entries of a refused claim or verification, from the 409', () => {
    const bareEvidence = [{ id: 'e1', title: '党组会纪要' }, { id: 'e2', title: '整改情况说明' }]
    const claim = toError({
      status: 409, missing: ['evidenceWithFileOrReference'], bareEvidence,
      detail: 'claiming completion needs at least one piece of evidence with its file attached or a reference (document number, '
        + 'ledger name); 「党组会纪要」, 「整改情况说明」 has only a title: attach its file at /tasks/t1/evidence/{id}/file or add an entry with a reference',
    })
    expect(said(claim)).toBe('操作与当前状态冲突：佐证材料须至少有一条已上传文件或注明文号、存放位置（“党组会纪要”、“整改情况说明”只有名称）：'
      + '请为材料上传文件，或添加注明文号的材料后再申请销号')
    const verification = toError({
      status: 409, missing: ['evidenceWithFileOrReference'], bareEvidence: bareEvidence.slice(0, 1),
      detail: 'verification needs at least one piece of evidence with its file attached or a reference (document number, ledger name); …',
    })
    expect(said(verification)).toBe('操作与当前状态冲突：佐证材料均未上传文件或注明文号（“党组会纪要”只有名称），无可核查的材料，暂不能核实；'
      + '可驳回，由责任单位补充后重新申请')
  })
})
