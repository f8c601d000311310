// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import type { User } from 'oidc-client-ts'
import type { DeadlineExtensionRequest, TaskSnapshot } from '@/api/types'
import type { Person } from '@/auth/roles'
import { useSession } from '@/auth/session'
import { ApiError, describe as describeError, translateMessage } from '@/api/problem'
import { routeOf, todoTitle } from '@/api/todos'
import { decisionLine, extensionDateDisabled, mayDecideExtension, mayRequestExtension, requestLine } from '@/extensions'
import TaskView from '@/views/TaskView.vue'
import { json, client, network, serveApi } from './recordedNetwork'
import { press, settle, type } from './dialogDom'
import { TasksApi } from '@/api/tasks'

// 延期申请 (an outside reviewer's finding: a unit could only phone the office for more time, and nothing of
// the request or the answer was kept). The unit's officer asks on the task page; the office approves or
// refuses there, from its 待办; everyone reading the task sees the requests and the answers.
const net = network()
serveApi(() => ({ tasks: new TasksApi(client(net, '/api/tasks')), people: { names: async () => [] } }))

const task = {
  id: 't1', version: 5, inspectionId: 'i1', areaNumber: 1, problemNumber: 2, number: 2, title: '修订公务接待制度', measures: '逐条修订',
  responsibleUnit: '党政办公室', responsiblePerson: '李科长', leadOfficial: '王主任', deadline: '2025-06-30', kind: 'TIME_BOUND',
  state: 'IN_PROGRESS', percentComplete: 40, reportingCadence: 'MONTHLY', lastProgressReportAt: null, indicators: [], milestones: [],
  evidenceCount: 0, claimedBy: null, lastRejection: null, lastReopen: null, lastWithdrawal: null, lastLookBack: null,
  verificationNote: null, allowedTransitions: ['CLAIM_COMPLETION'], lastDeadlineChange: null, pendingDeadlineExtension: null,
} as unknown as TaskSnapshot
const pending: DeadlineExtensionRequest = {
  id: 'x2', taskId: 't1', requestedDeadline: '2025-09-30', deadlineAtRequest: '2025-06-30', reason: '汛期施工受限',
  requestedBy: 'dzb', requestedAt: '2025-05-20T09:00:00+08:00', status: 'PENDING', decidedBy: null, decidedAt: null, decisionNote: null,
}
const refused: DeadlineExtensionRequest = {
  ...pending, id: 'x1', requestedDeadline: '2025-12-31', reason: '资金未到位', requestedAt: '2025-04-01T09:00:00+08:00',
  status: 'REFUSED', decidedBy: 'zhengban', decidedAt: '2025-04-02T10:00:00+08:00', decisionNote: '资金已于4月拨付',
}
const waiting = { ...task, version: 6, pendingDeadlineExtension: { id: 'x2', requestedDeadline: '2025-09-30', reason: '汛期施工受限',
  by: 'dzb', at: pending.requestedAt } } as unknown as TaskSnapshot

const officer: Person = { username: 'dzb', displayName: '李科长', roles: ['officer'], unit: '党政办公室' }
const coordinator: Person = { username: 'zhengban', displayName: '王主任', roles: ['coordinator'], unit: '' }

describe('who is offered what', () => {
  it('offers 申请延期 to an officer of the task\'s unit while the deadline runs and none waits; 同意/不同意 to the office', () => {
    expect(mayRequestExtension(task, officer)).toBe(true)
    expect(mayRequestExtension(task, { ...officer, unit: '教育局' })).toBe(false)
    // the office moves the deadline itself (调整责任与时限)
    expect(mayRequestExtension(task, coordinator)).toBe(false)
    expect(mayRequestExtension({ ...task, state: 'COMPLETION_CLAIMED' }, officer)).toBe(false)
    expect(mayRequestExtension({ ...task, state: 'CONSOLIDATING' }, officer)).toBe(false)
    expect(mayRequestExtension({ ...task, state: 'REOPENED' }, officer)).toBe(true)
    expect(mayRequestExtension(waiting, officer)).toBe(false)
    expect(mayDecideExtension(coordinator)).toBe(true)
    expect(mayDecideExtension(officer)).toBe(false)
    expect(mayDecideExtension({ ...officer, roles: ['admin'] })).toBe(false)
  })

  it('greys out the deadline and before, and days already past in Beijing, on a leap day and a month end', () => {
    expect(extensionDateDisabled('2028-02-28', '2028-02-28', '2028-02-20')).toBe(true)
    expect(extensionDateDisabled('2028-02-29', '2028-02-28', '2028-02-29')).toBe(false)
    // 00:30 on 1 March in Beijing: the leap day is past, though UTC's date is still the 29th
    expect(extensionDateDisabled('2028-02-29', '2028-02-28', '2028-03-01')).toBe(true)
    expect(extensionDateDisabled('2028-03-31', '2028-02-28', '2028-03-01')).toBe(false)
  })

  it('words a request and the answer to it', () => {
    expect(requestLine(pending)).toBe('申请延至2025年9月30日（原完成时限2025年6月30日）：汛期施工受限')
    expect(decisionLine(refused)).toBe('未同意：资金已于4月拨付')
    expect(decisionLine({ status: 'APPROVED', decisionNote: null })).toBe('已同意')
    expect(decisionLine({ status: 'APPROVED', decisionNote: '领导小组同意' })).toBe('已同意（审批意见：领导小组同意）')
    expect(decisionLine(pending)).toBe('')
  })

  it('says the service\'s refusals in Chinese', () => {
    expect(translateMessage('must be after the task\'s current deadline (2025-06-30)')).toBe('应晚于现完成时限（2025-06-30）')
    expect(translateMessage('must not be before today (2025-05-21): a date already past gives no more time')).toBe('不能早于 2025-05-21')
    const conflict = (detail: string) => describeError(new ApiError({ status: 409, detail }))
    expect(conflict('a deadline extension request of this task is waiting for the office\'s decision (to 2025-09-30, by dzb); one at a time'))
      .toBe('操作与当前状态冲突：该任务已有待整改办审批的延期申请，审批后方可再次申请')
    expect(conflict('a later deadline cannot be requested on a task in state COMPLETION_CLAIMED: claimed or closed out'))
      .toContain('不能申请延期')
    expect(conflict('this deadline extension request was REFUSED by zhengban at 2025-05-21T09:00:00+08:00 already'))
      .toBe('操作与当前状态冲突：该延期申请已不同意，不能再次审批；请刷新页面查看最新状态')
    expect(conflict('the deadline is 2025-10-31 since the request for 2025-09-30 was made: approving it would not move it later; refuse it instead'))
      .toContain('请选择不同意')
  })

  it('leads the office\'s to-do to the task', () => {
    const todo = { kind: 'DEADLINE_EXTENSION_REQUESTED', taskNumber: 2, taskLabel: '（一）2.二是', taskSource: 'PLAN', title: '修订公务接待制度',
      link: '/console/tasks/t1' }
    expect(routeOf(todo)).toBe('/tasks/t1')
    expect(todoTitle(todo)).toBe('任务（一）2.二是：修订公务接待制度')
  })
})

/** tasks-service as the page calls it: the task as it now is, its requests, and the POSTs answered by `post`. */
function service(now: { task: TaskSnapshot; requests: DeadlineExtensionRequest[] }, post: (url: string) => Response) {
  net.answer = () => {
    const { url, init } = net.sent[net.sent.length - 1]!
    if (init.method === 'POST') return post(url)
    if (url.endsWith('/deadline-extension-requests')) return json(200, now.requests)
    if (url.endsWith('/progress-reports') || url.endsWith('/evidence') || url.endsWith('/audit')) return json(200, [])
    return json(200, now.task, 'application/json', { ETag: `"${now.task.version}"` })
  }
}

let wrapper: VueWrapper | null = null

async function show(profile: Record<string, unknown>) {
  vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }))
  const pinia = createPinia()
  setActivePinia(pinia)
  useSession().user = { profile, expired: false, access_token: 't' } as unknown as User
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { render: () => null } }] })
  await router.push('/tasks/t1')
  wrapper = mount(TaskView, { global: { plugins: [pinia, router, ElementPlus] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

const OFFICER = { upn: 'dzb', name: '李科长', groups: ['officer'], unit: '党政办公室' }
const COORDINATOR = { upn: 'zhengban', name: '王主任', groups: ['coordinator'] }
const buttons = (w: VueWrapper) => w.find('.actions').findAll('button').map((b) => b.text())
const section = (w: VueWrapper) => w.find('[aria-label="延期申请"]')

describe('申请延期 on the task page', () => {
  it('lets the unit\'s officer ask with a date and a reason, shows the service\'s refusal by the field, then the pending request', async () => {
    // 21 May 2025, 00:30 in Beijing: the picker offers days from today on, after the deadline
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2025-05-20T16:30:00Z'))
    const now = { task, requests: [refused] }
    let answer = json(400, { status: 400, title: 'Invalid request', errors: [{ field: 'reason', message: 'must not be blank' }] },
      'application/problem+json')
    service(now, () => answer)
    const w = await show(OFFICER)
    // the earlier request and the office's answer, for everyone reading the task
    expect(section(w).text()).toContain('申请延至2025年12月31日（原完成时限2025年6月30日）：资金未到位')
    expect(section(w).text()).toContain('未同意：资金已于4月拨付')
    await press('申请延期')
    const picker = document.getElementById('extension-date') as HTMLInputElement
    picker.value = '2025-09-30'
    picker.dispatchEvent(new Event('input'))
    picker.dispatchEvent(new Event('change'))
    type('extension-reason', '   ')
    await settle()
    await press('提交申请')
    const first = net.sent.filter((r) => r.init.method === 'POST')
    expect(first[0]!.url).toBe('/api/tasks/tasks/t1/deadline-extension-requests')
    expect(first[0]!.init.headers).toMatchObject({ 'If-Match': '"5"', 'Content-Type': 'application/json' })
    expect(JSON.parse(String(first[0]!.init.body))).toEqual({ requestedDeadline: '2025-09-30', reason: '' })
    expect(document.querySelector('[for="extension-reason"]')?.closest('.el-form-item')?.textContent).toContain('不能为空')

    answer = json(201, { ...pending, task: waiting }, 'application/json', { ETag: '"6"' })
    now.task = waiting
    now.requests = [pending, refused]
    type('extension-reason', '  汛期施工受限 ')
    await settle()
    await press('提交申请')
    const sent = net.sent.filter((r) => r.init.method === 'POST')
    expect(JSON.parse(String(sent[1]!.init.body))).toEqual({ requestedDeadline: '2025-09-30', reason: '汛期施工受限' })
    await settle()
    // read again: the request waits for the office; no second one is offered, and the officer decides nothing
    expect(buttons(w)).not.toContain('申请延期')
    expect(section(w).text()).toContain('待审批')
    expect(section(w).text()).toContain('申请延至2025年9月30日（原完成时限2025年6月30日）：汛期施工受限')
    expect(section(w).findAll('button').map((b) => b.text())).toEqual([])
    vi.useRealTimers()
  })

  it('lets the office approve with a note or refuse with a reason', async () => {
    const now = { task: waiting, requests: [pending] }
    const approved = { ...pending, status: 'APPROVED', decidedBy: 'zhengban', decidedAt: '2025-05-21T09:00:00+08:00', decisionNote: '领导小组同意' }
    service(now, (url) => url.endsWith('/refusal')
      ? json(400, { status: 400, title: 'Invalid request', errors: [{ field: 'reason', message: 'must not be blank' }] }, 'application/problem+json')
      : json(200, approved, 'application/json', { ETag: '"7"' }))
    const w = await show(COORDINATOR)
    expect(buttons(w)).not.toContain('申请延期')
    expect(section(w).findAll('button').map((b) => b.text())).toEqual(['同意', '不同意'])

    await press('不同意')
    await press('确认不同意')
    const refusal = net.sent.filter((r) => r.init.method === 'POST')
    expect(refusal[0]!.url).toBe('/api/tasks/tasks/t1/deadline-extension-requests/x2/refusal')
    expect(JSON.parse(String(refusal[0]!.init.body))).toEqual({ reason: '' })
    expect(document.querySelector('[for="extension-refusal"]')?.closest('.el-form-item')?.textContent).toContain('不能为空')
    await press('取消')

    await press('同意')
    expect(document.body.textContent).toContain('同意后完成时限调整为 2025年9月30日')
    type('extension-note', '领导小组同意')
    now.task = { ...task, version: 7, deadline: '2025-09-30' } as unknown as TaskSnapshot
    now.requests = [approved as DeadlineExtensionRequest]
    await press('确认同意')
    const approval = net.sent.filter((r) => r.init.method === 'POST')
    expect(approval[1]!.url).toBe('/api/tasks/tasks/t1/deadline-extension-requests/x2/approval')
    expect(approval[1]!.init.headers).toMatchObject({ 'If-Match': '"6"' })
    expect(JSON.parse(String(approval[1]!.init.body))).toEqual({ note: '领导小组同意' })
    await settle()
    expect(section(w).text()).toContain('已同意（审批意见：领导小组同意）')
    expect(section(w).findAll('button')).toHaveLength(0)
  })
})
