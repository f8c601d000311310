// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import type { User } from 'oidc-client-ts'
import type { AuditEntry, TaskSnapshot } from '@/api/types'
import { useSession } from '@/auth/session'
import { formatDate } from '@/format'
import { decisionTitle, latestDecisionsOf, rejectionsOf } from '@/rejections'
import TaskView from '@/views/TaskView.vue'
import { json, reset, client, network, serveApi } from './recordedNetwork'
import { press, settle, type } from './dialogDom'
import { TasksApi } from '@/api/tasks'

// Finding 3 of the consistency review: a deadline moved with no reason asked and no trace the office
// could read. The office now says why a deadline moves later (延期), and the task's history shows each
// move with its reason to the office and the supervisors, the latest one to everyone.
const net = network()
serveApi(() => ({ tasks: new TasksApi(client(net, '/api/tasks')), people: { names: async () => [] } }))

const moved = { from: '2025-06-30', to: '2025-09-30', reason: '用地报批延后，领导小组同意延期', by: 'zhengban', at: '2025-05-20T09:00:00+08:00' }
const task = {
  id: 't1', version: 5, inspectionId: 'i1', number: 2, title: '修订公务接待制度', measures: '逐条修订', responsibleUnit: '党政办公室',
  responsiblePerson: '李科长', leadOfficial: '王主任', deadline: '2025-09-30', kind: 'TIME_BOUND', state: 'IN_PROGRESS', percentComplete: 40,
  reportingCadence: 'MONTHLY', lastProgressReportAt: null, indicators: [], milestones: [], evidenceCount: 0, claimedBy: null,
  lastRejection: null, lastReopen: null, lastWithdrawal: null, lastLookBack: null, verificationNote: null,
  allowedTransitions: ['CLAIM_COMPLETION'], lastDeadlineChange: moved,
} as unknown as TaskSnapshot
const audit: AuditEntry[] = [
  { id: 1, action: 'TaskCreated', actor: 'zhengban', at: '2025-01-10T09:00:00+08:00', before: null, after: {} },
  { id: 7, action: 'TaskDeadlineChanged', actor: 'zhengban', at: '2025-03-01T09:00:00+08:00', before: null,
    after: { lastDeadlineChange: { from: '2025-03-31', to: '2025-06-30', reason: '首批清退延后', by: 'zhengban', at: '2025-03-01T09:00:00+08:00' } } },
  { id: 9, action: 'TaskDeadlineChanged', actor: 'zhengban', at: moved.at, before: null, after: { lastDeadlineChange: moved } },
]

describe('a deadline move in the task\'s history', () => {
  it('reads each move from the audit trail, and the latest from the task, with from, to and why', () => {
    expect(rejectionsOf(audit).map((r) => [r.id, r.kind, r.from, r.to, r.reason])).toEqual([
      ['9', 'deadline', '2025-06-30', '2025-09-30', moved.reason], ['7', 'deadline', '2025-03-31', '2025-06-30', '首批清退延后'],
    ])
    const latest = latestDecisionsOf(task)
    expect(latest).toHaveLength(1)
    expect(decisionTitle(latest[0]!, formatDate)).toBe(`完成时限调整：2025年6月30日 → 2025年9月30日，理由：${moved.reason}`)
    // an earlier deadline may come without a reason
    expect(decisionTitle({ ...latest[0]!, reason: null }, formatDate)).toBe('完成时限调整：2025年6月30日 → 2025年9月30日')
  })
})

describe('a reopening\'s deadline in the task\'s history', () => {
  // a look-back's 再整改 sets the rework's deadline: the history shows it beside the reopening, not as an
  // office's move repeating the findings as its reason
  const at = '2027-03-01T00:30:00+08:00'
  const rework = { from: '2026-11-30', to: '2027-04-01', reason: '抽查发现台账3个月未更新', by: 'ducha', at }
  const reopen = { reason: '抽查发现台账3个月未更新', by: 'ducha', at }

  it('reads the reopening and the deadline it set from one audit entry', () => {
    const entries: AuditEntry[] = [
      { id: 20, action: 'TaskReopened', actor: 'ducha', at, before: null, after: { lastReopen: reopen, lastDeadlineChange: rework } },
      // a reopening before the rework had a deadline of its own: the task's last move was an earlier one
      { id: 12, action: 'TaskReopened', actor: 'ducha', at: '2026-01-05T09:00:00+08:00', before: null,
        after: { lastReopen: { ...reopen, at: '2026-01-05T09:00:00+08:00' }, lastDeadlineChange: moved } },
    ]
    const history = rejectionsOf(entries)
    expect(history.map((r) => [r.id, r.kind])).toEqual([['20', 'reopened'], ['20-deadline', 'deadline'], ['12', 'reopened']])
    expect(decisionTitle(history[1]!, formatDate)).toBe('再整改完成时限：2026年11月30日 → 2027年4月1日')
    const latest = latestDecisionsOf({ lastRejection: null, lastReopen: reopen, lastDeadlineChange: rework } as unknown as TaskSnapshot)
    expect(latest.map((r) => decisionTitle(r, formatDate))).toEqual([
      `回头看后再整改：${reopen.reason}`, '再整改完成时限：2026年11月30日 → 2027年4月1日',
    ])
  })
})

/** tasks-service as the page calls it: the task, no reports or evidence, its audit trail, and PATCH answered by `patch`. */
function service(patch: () => Response) {
  net.answer = () => {
    const { url, init } = net.sent[net.sent.length - 1]!
    if (init.method === 'PATCH') return patch()
    if (url.endsWith('/audit')) return json(200, audit)
    if (url.endsWith('/progress-reports') || url.endsWith('/evidence') || url.endsWith('/deadline-extension-requests')) return json(200, [])
    if (url.includes('/responsibility-list')) return json(200, { inspectionId: 'i1', rows: [] })
    return json(200, task, 'application/json', { ETag: `"${task.version}"` })
  }
}

let wrapper: VueWrapper | null = null

async function show(groups: string[]) {
  vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }))
  const pinia = createPinia()
  setActivePinia(pinia)
  useSession().user = { profile: { upn: 'zhengban', name: '王主任', groups }, expired: false, access_token: 't' } as unknown as User
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/tasks/:id', component: { render: () => null } },
    { path: '/:p(.*)*', component: { render: () => null } }] })
  await router.push('/tasks/t1')
  wrapper = mount(TaskView, { global: { plugins: [pinia, router, ElementPlus] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

const history = (w: VueWrapper) => w.find('[aria-label="驳回、再整改与时限调整记录"]').findAll('.el-alert__title').map((t) => t.text())

describe('the task page', () => {
  it('shows the office every move of the deadline from the task\'s history, and an officer the latest', async () => {
    service(() => json(500, {}))
    expect(history(await show(['coordinator']))).toEqual([
      `完成时限调整：2025年6月30日 → 2025年9月30日，理由：${moved.reason}`, '完成时限调整：2025年3月31日 → 2025年6月30日，理由：首批清退延后',
    ])
    expect(net.sent.map((r) => r.url)).toContain('/api/tasks/tasks/t1/audit')
    wrapper!.unmount()
    wrapper = null
    reset(net)
    service(() => json(500, {}))
    expect(history(await show(['officer']))).toEqual([`完成时限调整：2025年6月30日 → 2025年9月30日，理由：${moved.reason}`])
    expect(net.sent.some((r) => r.url.endsWith('/audit'))).toBe(false)
  })

  it('asks the office why when it moves the deadline later, and shows the service\'s refusal by the field', async () => {
    let answer = json(400, { status: 400, title: 'Invalid request', errors: [{ field: 'deadlineChangeReason',
      message: 'the deadline moves later (延期, 2025-09-30 to 2025-12-31): say why; the task\'s unit is told' }] }, 'application/problem+json')
    service(() => answer)
    await show(['coordinator'])
    await press('调整责任与时限')
    expect(document.getElementById('edit-deadline-reason')).toBeNull()
    const picker = document.getElementById('edit-deadline') as HTMLInputElement
    picker.value = '2025-12-31'
    picker.dispatchEvent(new Event('input'))
    picker.dispatchEvent(new Event('change'))
    await settle()
    expect(document.body.textContent).toContain('调整理由（延期须说明）')
    await press('保存')
    const refused = net.sent.filter((r) => r.init.method === 'PATCH')
    expect(JSON.parse(String(refused[0]!.init.body))).toEqual({ responsibleUnit: '党政办公室', responsiblePerson: '李科长',
      leadOfficial: '王主任', deadline: '2025-12-31' })
    expect(document.querySelector('[for="edit-deadline-reason"]')?.closest('.el-form-item')?.textContent)
      .toContain('完成时限由 2025-09-30 延至 2025-12-31，请说明延期理由（责任单位将收到通知）')

    answer = json(200, { ...task, version: 6, deadline: '2025-12-31' }, 'application/json', { ETag: '"6"' })
    type('edit-deadline-reason', '汛期施工受限')
    await settle()
    await press('保存')
    const sent = net.sent.filter((r) => r.init.method === 'PATCH')
    expect(JSON.parse(String(sent[1]!.init.body))).toMatchObject({ deadline: '2025-12-31', deadlineChangeReason: '汛期施工受限' })
  })
})
