// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import ElementPlus from 'element-plus'
import type { TodoItem, TodoList, TodoReason } from '@/api/todos'
import { kindCounts, reasonLines, TODO_COLUMNS, todoSummary } from '@/api/todos'
import { cellText } from '@/rowColumns'
import TodosView from '@/views/TodosView.vue'
import { serveApi } from './recordedNetwork'

// 待办 as reporting-service answers it: one entry a task, naming every reason it needs the reader for, the most
// urgent first, due by the earliest (docs/notices.md, "待办"). The page shows the task once, all its reasons in
// 类别, and each reason's own words below the task: the goal's title, the supervisor's reason, the decision's text.
const answer = { list: null as unknown, inspectionReads: 0 }
serveApi(() => ({
  todos: { mine: async () => answer.list },
  tasks: {
    allInspections: async () => {
      answer.inspectionReads++
      return [{ id: 'i1', title: '省委第七巡视组' }, { id: 'i2', title: '省委第三巡视组' }]
    },
  },
}))

const reason = (kind: TodoReason['kind'], label: string, dueDate: string, daysLeft: number, more: Partial<TodoReason> = {}): TodoReason => ({
  kind, label, dueDate, daysLeft, note: null, stageGoal: null, ...more,
})

function entry(reasons: TodoReason[], more: Partial<TodoItem> = {}): TodoItem {
  const lead = reasons[0]!
  return {
    kind: lead.kind, label: lead.label, inspectionId: 'i1', taskId: 't1', taskNumber: 1, taskLabel: '（二）3.一是', taskSource: 'PLAN',
    feedbackId: null, problemId: null, title: '清理违规占用办公用房', responsibleUnit: '机关事务局', dueDate: lead.dueDate,
    daysLeft: lead.daysLeft, link: '/console/tasks/t1', reasons, ...more,
  }
}

// 10 March: a goal overdue since the 1st, the deadline of the 8th past, the claim rejected, a goal due on the 12th
const several = entry([
  reason('STAGE_GOAL_OVERDUE', '阶段目标已逾期', '2025-03-01', -9, { stageGoal: '完成首批清退' }),
  reason('TASK_OVERDUE', '任务已逾期', '2025-03-08', -2),
  reason('CLAIM_REJECTED', '销号申请被驳回', '2025-03-08', -2, { note: '佐证材料不全，缺少整改前后对比照片' }),
  reason('STAGE_GOAL_DUE', '阶段目标临近时限', '2025-03-12', 2, { stageGoal: '建立长效机制' }),
])
// overdue and rejected on the same day: the date is said once, in 期限
const sameDay = entry([
  reason('TASK_OVERDUE', '任务已逾期', '2025-03-09', -1),
  reason('CLAIM_REJECTED', '销号申请被驳回', '2025-03-09', -1, { note: '台账不全' }),
], { taskId: 't2', taskLabel: '（二）4.一是', title: '规范公务接待', link: '/console/tasks/t2' })
const rejected = entry([reason('CLAIM_REJECTED', '销号申请被驳回', '2025-03-31', 21, { note: '台账不全' })],
  { taskId: 't3', taskLabel: '（二）5.一是', title: '修订差旅费管理办法', link: '/console/tasks/t3' })
const decision = entry([reason('MEETING_DECISION_DUE', '会议议定事项临近时限', '2025-03-12', 2, { note: '补齐整改前后对比照片' })],
  { taskId: 't4', taskLabel: '（二）6.一是', title: '整治园区道路积水', link: '/console/tasks/t4' })

let wrapper: VueWrapper | null = null

describe('待办: one entry a task', () => {
  it('names every reason in 类别, the most urgent first, and dates the entry by the earliest', () => {
    const [kinds, , , due] = TODO_COLUMNS
    expect(cellText(kinds!, several)).toBe('阶段目标已逾期、任务已逾期、销号申请被驳回、阶段目标临近时限')
    expect(cellText(due!, several)).toBe('2025年3月1日 已逾期9天')
    expect(cellText(kinds!, sameDay)).toBe('任务已逾期、销号申请被驳回')
    // two goals overdue are one kind, said once
    const twoGoals = entry([reason('STAGE_GOAL_OVERDUE', '阶段目标已逾期', '2025-03-01', -9, { stageGoal: '甲' }),
      reason('STAGE_GOAL_OVERDUE', '阶段目标已逾期', '2025-03-05', -5, { stageGoal: '乙' })])
    expect(cellText(kinds!, twoGoals)).toBe('阶段目标已逾期')
  })

  it('says each reason in its own words, with its date where it is not the entry\'s', () => {
    expect(reasonLines(several)).toEqual([
      '阶段目标已逾期：“完成首批清退”',
      '任务已逾期 2025年3月8日 已逾期2天',
      '销号申请被驳回 2025年3月8日 已逾期2天，理由：佐证材料不全，缺少整改前后对比照片',
      '阶段目标临近时限：“建立长效机制” 2025年3月12日 还有2天',
    ])
    // 任务已逾期 adds nothing to 类别 and 期限 here
    expect(reasonLines(sameDay)).toEqual(['销号申请被驳回，理由：台账不全'])
    // an entry of one reason reads as before: its words only, its kind in 类别
    expect(reasonLines(rejected)).toEqual(['理由：台账不全'])
    expect(reasonLines(entry([reason('STAGE_GOAL_DUE', '阶段目标临近时限', '2025-03-12', 2, { stageGoal: '建立长效机制' })])))
      .toEqual(['阶段目标：建立长效机制'])
    expect(reasonLines(decision)).toEqual(['议定事项：补齐整改前后对比照片'])
    expect(reasonLines(entry([reason('TASK_OVERDUE', '任务已逾期', '2025-03-08', -2)]))).toEqual([])
  })

  it('lists the task once with all its reasons', async () => {
    vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }))
    const list: TodoList = {
      person: 'dzb', asOf: '2025-03-10', dueSoonDays: 7, count: 3, items: [several, sameDay, rejected],
      byKind: { STAGE_GOAL_OVERDUE: 1, TASK_OVERDUE: 2, CLAIM_REJECTED: 3, STAGE_GOAL_DUE: 1 },
    }
    answer.list = list
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { render: () => null } }] })
    await router.push('/todos')
    wrapper = mount(TodosView, { global: { plugins: [router, ElementPlus] }, attachTo: document.body })
    await flushPromises()

    // the heading says what is listed, kind by kind (reasons: an entry names all of its own)
    expect(wrapper.find('p.muted').text()).toBe('截至 2025年3月10日，共 3 项（任务已逾期 2、销号申请被驳回 3、阶段目标已逾期 1、阶段目标临近时限 1），'
      + '最紧急的在前；临近时限的事项自到期前 7 天起列出；同一任务只列一项，写明全部事由。')
    const rows = wrapper.findAll('tbody tr').map((tr) => tr.text())
    expect(rows).toHaveLength(3)
    expect(rows.filter((r) => r.includes('清理违规占用办公用房'))).toHaveLength(1)
    expect(rows[0]).toContain('阶段目标已逾期、任务已逾期、销号申请被驳回、阶段目标临近时限')
    expect(rows[0]).toContain('销号申请被驳回 2025年3月8日 已逾期2天，理由：佐证材料不全，缺少整改前后对比照片')
    expect(rows[0]).toContain('阶段目标临近时限：“建立长效机制” 2025年3月12日 还有2天')
    expect(rows[0]).toContain('2025年3月1日 已逾期9天')
    expect(rows[1]).toContain('销号申请被驳回，理由：台账不全')
    expect(rows[2]).toContain('理由：台账不全')
    expect(wrapper.findAll('tbody tr a').map((a) => a.attributes('href'))).toEqual(['/tasks/t1', '/tasks/t2', '/tasks/t3'])
  })
})

describe('待办\'s heading', () => {
  // a supervisor's: claims wait on them whatever the task's deadline (reporting's TodoQueries), so 还有390天 is listed
  const claim = entry([reason('CLAIM_TO_VERIFY', '销号申请待核验', '2026-01-04', 390)])
  const lookBack = entry([reason('LOOK_BACK_DUE', '“回头看”待开展', '2024-12-15', 5)], { taskId: 't5' })

  it('counts the list by kind instead of calling every entry due within the horizon', () => {
    const list = { asOf: '2024-12-10', dueSoonDays: 7, count: 3, items: [lookBack, claim, claim] }
    expect(kindCounts(list.items)).toEqual([
      { kind: 'CLAIM_TO_VERIFY', label: '销号申请待核验', count: 2 },
      { kind: 'LOOK_BACK_DUE', label: '“回头看”待开展', count: 1 },
    ])
    const said = todoSummary(list)
    expect(said).toContain('共 3 项（销号申请待核验 2、“回头看”待开展 1）')
    expect(said).not.toMatch(/天内到期或已逾期/)
    expect(todoSummary({ asOf: '2024-12-10', dueSoonDays: 7, count: 0, items: [] })).toBe('截至 2024年12月10日，暂无待办。')
  })
})

describe('待办 of several inspections', () => {
  let router: Router
  async function show(items: TodoItem[], address = '/todos') {
    vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }))
    answer.list = { person: 'dzb', asOf: '2025-03-10', dueSoonDays: 7, count: items.length, items, byKind: {} } satisfies TodoList
    answer.inspectionReads = 0
    router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { render: () => null } }] })
    await router.push(address)
    wrapper = mount(TodosView, { global: { plugins: [router, ElementPlus] }, attachTo: document.body })
    await flushPromises()
    return wrapper
  }
  const headers = (w: VueWrapper) => w.find('thead').findAll('th').map((th) => th.text()).filter((t) => t !== '')

  it('says each to-do\'s inspection in a 巡视 column and offers a 巡视 filter with the counts', async () => {
    const other = { ...rejected, inspectionId: 'i2', taskId: 't9', link: '/console/tasks/t9' }
    const w = await show([several, other, sameDay])
    expect(headers(w)).toEqual(['类别', '事项', '巡视', '责任单位', '期限'])
    const rows = w.findAll('tbody tr').map((tr) => tr.text())
    expect(rows[0]).toContain('省委第七巡视组')
    expect(rows[1]).toContain('省委第三巡视组')
    const filter = w.find('[role="group"][aria-label="筛选"]')
    expect(filter.exists()).toBe(true)
    // the filter's choices: each inspection once, with how many to-dos are of it
    const vm = w.vm as unknown as { inspections: { label: string; count: number }[]; inspection: string | undefined }
    expect(vm.inspections.map((o) => `${o.label}（${o.count}）`)).toEqual(['省委第七巡视组（2）', '省委第三巡视组（1）'].sort((a, b) => a.localeCompare(b, 'zh-CN')))
    vm.inspection = 'i2'
    await flushPromises()
    expect(w.findAll('tbody tr').map((tr) => tr.text())).toHaveLength(1)
    expect(w.find('tbody tr').text()).toContain('修订差旅费管理办法')
    expect(w.text()).toContain('筛选出 1 项')
  })

  it('keeps the 巡视 chosen in the address, so a reload and 后退 show the same to-dos', async () => {
    const other = { ...rejected, inspectionId: 'i2', taskId: 't9', link: '/console/tasks/t9' }
    const noInspection = { ...decision, inspectionId: null, taskId: 't4' }
    let w = await show([several, other, noInspection], '/todos?other=kept')
    const vm = () => w.vm as unknown as { inspection: string | undefined }
    const pushed = vi.spyOn(router, 'push')
    vm().inspection = 'i2'
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ other: 'kept', inspection: 'i2' })
    // replaced, not pushed: 后退 leaves the list rather than stepping back through its filters
    expect(pushed).not.toHaveBeenCalled()
    w.unmount()

    // reloaded (or come back to from the task): the address chooses
    w = await show([several, other, noInspection], '/todos?inspection=i2')
    expect(w.findAll('tbody tr')).toHaveLength(1)
    expect(w.find('tbody tr').text()).toContain('修订差旅费管理办法')
    expect(w.text()).toContain('筛选出 1 项')
    vm().inspection = undefined
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({})
    expect(w.findAll('tbody tr')).toHaveLength(3)
    w.unmount()

    // an inspection the to-dos are no longer of filters nothing (the to-do of none is not hidden)
    w = await show([several, other, noInspection], '/todos?inspection=i7')
    expect(vm().inspection).toBeUndefined()
    expect(w.findAll('tbody tr')).toHaveLength(3)
    w.unmount()
  })

  it('names no inspection, and reads none, when the to-dos are of one', async () => {
    const w = await show([several, sameDay])
    expect(headers(w)).toEqual(['类别', '事项', '责任单位', '期限'])
    expect(w.find('[role="group"][aria-label="筛选"]').exists()).toBe(false)
    expect(answer.inspectionReads).toBe(0)
  })
})
