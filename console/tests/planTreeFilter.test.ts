// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import type { User } from 'oidc-client-ts'
import type { AreaView, ProblemView, TaskSnapshot } from '@/api/types'
import { useSession } from '@/auth/session'
import PlanTreeView from '@/views/PlanTreeView.vue'
import { settle } from './dialogDom'
import { serveApi } from './recordedNetwork'

// 筛选, 责任单位 and 全部展开 over a plan read whole: 2 areas × 2 problems × 2 tasks stand for 5 × 20 × 20.
const areas = [1, 2].map((a) => ({ id: `a${a}`, version: 0, inspectionId: 'i1', number: a, title: a === 1 ? '党的领导' : '招商引资', percentComplete: 0 }) as AreaView)
const problems = areas.flatMap((a) => [1, 2].map((p) => ({
  id: `p${a.number}${p}`, version: 0, inspectionId: 'i1', areaId: a.id, number: p, title: `问题${a.number}.${p}`, description: null, source: 'PLAN',
  percentComplete: 0,
}) as ProblemView))
const tasks = problems.flatMap((p) => [1, 2].map((t) => ({
  id: `t${p.id.slice(1)}${t}`, version: 0, inspectionId: 'i1', areaId: p.areaId, problemId: p.id, areaNumber: Number(p.areaId.slice(1)),
  problemNumber: p.number, number: t, title: `任务${p.title.slice(2)}.${t}`, responsibleUnit: t === 1 ? '财政局' : '党政办公室',
  deadline: '2026-06-30', state: 'PLANNED', kind: 'TIME_BOUND', overdue: false, progressReportMissing: false, reopenCount: 0, allowedTransitions: [],
}) as unknown as TaskSnapshot))

const asked: string[] = []
serveApi(() => ({
  tasks: {
    inspection: async () => ({ id: 'i1', title: '专项巡视', team: '第一巡视组', feedbackDate: '2024-05-10' }),
    areas: async () => { asked.push('areas'); return areas },
    problems: async (areaId: string) => { asked.push(`problems ${areaId}`); return problems.filter((p) => p.areaId === areaId) },
    tasksOfProblem: async (problemId: string) => { asked.push(`tasks ${problemId}`); return tasks.filter((t) => t.problemId === problemId) },
    allProblems: async (inspectionId: string, cancelledToo: boolean) => {
      asked.push(`allProblems ${inspectionId} ${cancelledToo}`)
      return [...problems].reverse()
    },
    allTasks: async (filter: object) => { asked.push(`allTasks ${JSON.stringify(filter)}`); return { items: [...tasks].reverse(), total: tasks.length } },
  },
  people: { names: async () => [] },
}))

async function show() {
  asked.length = 0
  const pinia = createPinia()
  setActivePinia(pinia)
  useSession().user = { profile: { upn: 'ducha', name: '督查室', groups: ['supervisor'] }, expired: false, access_token: 't' } as unknown as User
  const router = createRouter({ history: createMemoryHistory(), routes: [
    { path: '/inspections/:id/plan', component: { render: () => null } }, { path: '/:p(.*)*', component: { render: () => null } }] })
  await router.push('/inspections/i1/plan')
  const wrapper = mount(PlanTreeView, { global: { plugins: [pinia, router, ElementPlus] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

/** The labels a person sees: rendered, and neither filtered out nor under a closed node. */
const seen = (w: VueWrapper) => w.findAll('.node .label').filter((l) => l.isVisible()).map((l) => l.text())

async function typeFilter(w: VueWrapper, text: string) {
  await w.find('.filter-text input').setValue(text)
  await new Promise((resolve) => setTimeout(resolve, 300)) // the filter waits for typing to pause
  await settle()
}

const button = (w: VueWrapper, label: string) => w.findAll('button').find((b) => b.text() === label)!

describe('筛选 in the plan tree', () => {
  it('finds a problem by its numbering with its area and its tasks, the plan read whole in two reads, not one a problem', async () => {
    const w = await show()
    await typeFilter(w, '2.1')
    expect(seen(w)).toEqual(['（二）招商引资', '1. 问题2.1', '一是 任务2.1.1', '二是 任务2.1.2'])
    expect(asked).toEqual(['areas', 'allProblems i1 false', 'allTasks {"inspectionId":"i1"}'])
  })

  it('finds by words, and shows the whole tree again, closed as it was, once the text is cleared', async () => {
    const w = await show()
    await typeFilter(w, '任务1.2.2')
    expect(seen(w)).toEqual(['（一）党的领导', '2. 问题1.2', '二是 任务1.2.2'])
    await typeFilter(w, '没有这样的任务')
    expect(seen(w)).toEqual([])
    expect(w.text()).toContain('没有符合筛选的方面、问题或任务')
    await typeFilter(w, '')
    expect(seen(w)).toEqual(expect.arrayContaining(['（一）党的领导', '（二）招商引资']))
    expect(seen(w)).not.toContain('二是 任务1.2.2')
  })

  it('shows only the tasks of the 责任单位 chosen, offering the units the plan names', async () => {
    const w = await show()
    await w.find('.filter-unit .el-select__wrapper').trigger('click')
    await settle()
    const options = [...document.querySelectorAll('.el-select-dropdown__item')].map((o) => o.textContent?.trim())
    expect(new Set(options)).toEqual(new Set(['财政局', '党政办公室']))
    ;([...document.querySelectorAll('.el-select-dropdown__item')].find((o) => o.textContent?.trim() === '财政局') as HTMLElement).click()
    await settle()
    const tasksSeen = seen(w).filter((l) => l.includes('是 '))
    expect(tasksSeen).toEqual(['一是 任务1.1.1', '一是 任务1.2.1', '一是 任务2.1.1', '一是 任务2.2.1'])
    // with words too: the unit's tasks of what the words find
    await typeFilter(w, '1.2')
    expect(seen(w)).toEqual(['（一）党的领导', '2. 问题1.2', '一是 任务1.2.1'])
  })
})

describe('全部展开 and 全部收起', () => {
  it('opens every area and problem from the plan read whole, and closes them all', async () => {
    const w = await show()
    await button(w, '全部展开').trigger('click')
    await settle()
    expect(seen(w)).toHaveLength(2 + 4 + 8)
    expect(asked.filter((a) => a.startsWith('problems') || a.startsWith('tasks'))).toEqual([])
    await button(w, '全部收起').trigger('click')
    await settle()
    expect(seen(w)).toEqual(['（一）党的领导', '（二）招商引资'])
  })

  it('opens them all again when the tree is read anew (显示已撤销), reading the plan whole again with what was cancelled', async () => {
    const w = await show()
    await button(w, '全部展开').trigger('click')
    await settle()
    asked.length = 0
    await w.find('#show-cancelled').trigger('click')
    await settle()
    expect(seen(w)).toHaveLength(2 + 4 + 8)
    expect(asked).toEqual(['allProblems i1 true', 'allTasks {"inspectionId":"i1","includeCancelled":true}', 'areas'])
  })
})
