// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import type { User } from 'oidc-client-ts'
import type { AreaView, ProblemView } from '@/api/types'
import { useSession } from '@/auth/session'
import PlanTreeView from '@/views/PlanTreeView.vue'
import { json, client, network, serveApi } from './recordedNetwork'
import { press, type } from './dialogDom'
import { PlanEditApi } from '@/api/planEdit'
import { TasksApi } from '@/api/tasks'

// 撤销 of an area or a problem in the plan tree, and 显示已撤销, through the real client to a tasks-service
// answered here: what is asserted is the request as it would leave the browser.
const net = network()
serveApi(() => ({ planEdit: new PlanEditApi(client(net, '/api/tasks')), tasks: new TasksApi(client(net, '/api/tasks')), people: { names: async () => [{ username: 'zhengban', displayName: '王主任' }] } }))

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
/** A task of the cancelled problem p3, cancelled in the same step (a few milliseconds later). */
const wentAlong = { ...cancelledTask, id: 't8', problemId: 'p3', problemNumber: 3, title: '随问题撤销的任务',
  cancellation: { ...cancellation, at: '2026-12-05T10:00:00.012+08:00' } }
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
    if (url.startsWith('/api/tasks/problems/p3/tasks') && cancelledToo) return page([wentAlong])
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

  it('offers 督查 no 撤销, nor reads what would refuse one', async () => {
    service()
    const w = await show(['supervisor'])
    await openArea(w)
    expect(names(w).some((n) => n?.startsWith('撤销'))).toBe(false)
    expect([...gets('/problems?'), ...gets('/tasks?')]).toEqual([])
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
    // the area the user had opened is open again, read with what was cancelled
    expect(gets('/areas/a1/problems').at(-1)).toBe('/api/tasks/areas/a1/problems?size=200&includeCancelled=true')
    expect(w.findAll('.node.problem').map((n) => n.text())).toEqual(
      expect.arrayContaining([expect.stringContaining('重复导入的问题')]))
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

    // the cancelled problem's own task went along with it: it says so instead of repeating when, who and why
    await w.findAll('.node.problem').find((n) => n.text().includes('重复导入的问题'))!.trigger('click')
    await flushPromises()
    const along = w.findAll('.node.task').find((n) => n.text().includes('随问题撤销的任务'))!
    expect(along.classes()).toContain('is-cancelled')
    expect(along.find('.cancelled-line').text()).toBe('随上级一并撤销')
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

// What tasks-service would certainly refuse (409) is not offered: the button stays, dimmed, saying why.
const feedbackArea = { ...area, id: 'a6', number: 6, title: '群众反馈意见建议', percentComplete: 0 } as AreaView
const escalated = {
  ...problem, id: 'p5', areaId: 'a6', number: 1, title: '小区周边停车难', source: 'FEEDBACK', sourceFeedbackId: 'f1',
} as ProblemView
const verifiedTask = { ...cancelledTask, id: 't3', number: 2, title: '健全学习制度', state: 'VERIFIED', cancellation: null }

/** The inspection with an ordinary area (a1) and the area escalations land in (a6); `closed`: a1's problem 2 has a task closed out. */
function withRefusals(closed = false, cancel: () => Response = () => json(500, {})) {
  net.answer = () => {
    const { url, init } = net.sent[net.sent.length - 1]!
    if (init.method === 'POST') return cancel()
    if (url === '/api/tasks/inspections/i1') return json(200, { id: 'i1', title: '专项巡视', team: '第一巡视组', feedbackDate: '2024-05-10' })
    if (url.startsWith('/api/tasks/inspections/i1/areas')) return page([area, feedbackArea])
    if (url.startsWith('/api/tasks/areas/a1/problems')) return page([problem])
    if (url.startsWith('/api/tasks/areas/a6/problems')) return page([escalated])
    if (url === '/api/tasks/problems?inspectionId=i1&source=FEEDBACK&size=500') return page([escalated])
    if (url === '/api/tasks/tasks?size=500&inspectionId=i1&state=VERIFIED&page=0' && closed) return page([verifiedTask])
    return page([])
  }
}

const button = (w: VueWrapper, name: string) => w.findAll('.node button').find((b) => b.attributes('aria-label') === name)!
/** What a screen reader says of a button besides its name: the text its aria-describedby names. */
const description = (b: ReturnType<typeof button>) => {
  const id = b.attributes('aria-describedby')
  return id === undefined ? null : document.getElementById(id)?.textContent ?? null
}

async function openAreas(w: VueWrapper) {
  for (const node of w.findAll('.node.area')) await node.trigger('click')
  await flushPromises()
}

describe('撤销 the service would refuse, in the plan tree', () => {
  const FEEDBACK_PROBLEM = '该问题由群众反映的意见建议转为整改问题，群众可查询其办理情况，不能撤销；表述有误的，请用“修改”。'

  it('reads the escalated problems and closed-out tasks with the areas, for the office', async () => {
    withRefusals()
    await show(['coordinator'])
    expect(gets('/problems?')).toEqual(['/api/tasks/problems?inspectionId=i1&source=FEEDBACK&size=500'])
    expect(gets('/tasks?')).toEqual(['/api/tasks/tasks?size=500&inspectionId=i1&state=VERIFIED&page=0',
      '/api/tasks/tasks?size=500&inspectionId=i1&state=CONSOLIDATING&page=0'])
  })

  it('dims 撤销 of a problem escalated from public feedback, and of its area, saying why; a click sends nothing', async () => {
    withRefusals()
    const w = await show(['coordinator'])
    await openAreas(w)
    const ofProblem = button(w, '撤销问题：1. 小区周边停车难')
    expect(ofProblem.attributes('aria-disabled')).toBe('true')
    expect(ofProblem.classes()).toContain('is-disabled')
    expect(ofProblem.attributes('disabled')).toBeUndefined() // still in the tab order
    expect(description(ofProblem)).toBe(FEEDBACK_PROBLEM)
    const ofArea = button(w, '撤销方面：（六）群众反馈意见建议')
    expect(ofArea.attributes('aria-disabled')).toBe('true')
    expect(description(ofArea)).toBe('该方面下有 1 个由群众反映的意见建议转为整改的问题，群众可查询其办理情况，不能撤销。')

    await ofProblem.trigger('click')
    await ofArea.trigger('click')
    await flushPromises()
    expect(document.body.querySelector('[data-test="subject"]')).toBeNull()
    expect(net.sent.some((r) => r.init.method === 'POST')).toBe(false)
  })

  it('says why in a tooltip when the dimmed button is focused, as a keyboard reaches it', async () => {
    withRefusals()
    const w = await show(['coordinator'])
    await openAreas(w)
    button(w, '撤销问题：1. 小区周边停车难').element.dispatchEvent(new FocusEvent('focusin', { bubbles: true }))
    await new Promise((resolve) => setTimeout(resolve, 50))
    await flushPromises()
    const tooltip = document.body.querySelector('[role="tooltip"]')
    expect(tooltip?.textContent).toContain(FEEDBACK_PROBLEM)
  })

  it('offers 撤销 of an ordinary area and problem as before: it opens the dialog', async () => {
    withRefusals()
    const w = await show(['coordinator'])
    await openAreas(w)
    for (const name of ['撤销方面：（一）落实意识形态工作责任制不到位', '撤销问题：2. 理论学习不够深入']) {
      expect(button(w, name).attributes('aria-disabled')).not.toBe('true')
      expect(button(w, name).attributes('aria-describedby')).toBeUndefined()
    }
    await button(w, '撤销问题：2. 理论学习不够深入').trigger('click')
    await flushPromises()
    expect(document.body.querySelector('[data-test="subject"]')?.textContent).toBe('撤销问题：2. 理论学习不够深入')
  })

  it('dims 撤销 of a problem with a closed-out task, naming it, and of its area', async () => {
    withRefusals(true)
    const w = await show(['coordinator'])
    await openAreas(w)
    expect(description(button(w, '撤销问题：2. 理论学习不够深入')))
      .toBe('该问题下有已销号的任务：二是“健全学习制度”，须先经回头看重新整改，才能撤销。')
    expect(description(button(w, '撤销方面：（一）落实意识形态工作责任制不到位')))
      .toBe('该方面下有 1 项已销号的任务，须先经回头看重新整改，才能撤销。')
  })

  it('offers an area when what would refuse it cannot be read (the service decides); a problem says its own source', async () => {
    withRefusals()
    const answer = net.answer!
    net.answer = () => (net.sent.at(-1)!.url.startsWith('/api/tasks/problems?') ? json(503, {}) : answer())
    const w = await show(['coordinator'])
    await openAreas(w)
    expect(w.find('[role="alert"]').exists()).toBe(false) // the tree is read all the same
    expect(button(w, '撤销方面：（六）群众反馈意见建议').attributes('aria-disabled')).not.toBe('true')
    expect(w.findAll('.node button[aria-disabled="true"]').map((b) => b.attributes('aria-label'))).toEqual(['撤销问题：1. 小区周边停车难'])
  })
})
