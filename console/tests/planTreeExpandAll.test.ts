// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import type { User } from 'oidc-client-ts'
import type { AreaView, ProblemView, TaskSnapshot } from '@/api/types'
import { useSession } from '@/auth/session'
import PlanTreeView from '@/views/PlanTreeView.vue'
import { replacePaint } from '@/planTreeOpening'
import { settle } from './dialogDom'
import { serveApi } from './recordedNetwork'

// 全部展开 a slice at a time (planTreeOpening.ts): 3 areas × 10 problems × 10 tasks, 333 rows, more than one slice.
const areas = [1, 2, 3].map((a) => ({ id: `a${a}`, version: 0, inspectionId: 'i1', number: a, title: `方面${a}`, percentComplete: 0 }) as AreaView)
const problems = areas.flatMap((a) => Array.from({ length: 10 }, (_, i) => ({
  id: `p${a.number}-${i + 1}`, version: 0, inspectionId: 'i1', areaId: a.id, number: i + 1, title: `问题${a.number}.${i + 1}`, description: null,
  source: 'PLAN', percentComplete: 0,
}) as ProblemView))
const tasks = problems.flatMap((p) => Array.from({ length: 10 }, (_, i) => ({
  id: `t${p.id.slice(1)}-${i + 1}`, version: 0, inspectionId: 'i1', areaId: p.areaId, problemId: p.id, areaNumber: Number(p.areaId.slice(1)),
  problemNumber: p.number, number: i + 1, title: `任务${p.title.slice(2)}.${i + 1}`, responsibleUnit: '财政局',
  deadline: '2026-06-30', state: 'PLANNED', kind: 'TIME_BOUND', overdue: false, progressReportMissing: false, reopenCount: 0, allowedTransitions: [],
}) as unknown as TaskSnapshot))

serveApi(() => ({
  tasks: {
    inspection: async () => ({ id: 'i1', title: '专项巡视', team: '第一巡视组', feedbackDate: '2024-05-10' }),
    areas: async () => {
      const delay = areaDelays.shift() ?? 0
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay))
      return areas
    },
    problems: async (areaId: string) => problems.filter((p) => p.areaId === areaId),
    tasksOfProblem: async (problemId: string) => tasks.filter((t) => t.problemId === problemId),
    allProblems: async () => problems,
    allTasks: async () => ({ items: tasks, total: tasks.length }),
  },
  people: { names: async () => [] },
}))

/** How long each next read of the areas takes (ms; none: at once). */
const areaDelays: number[] = []

// The paints between slices, let through one at a time by the test.
const paints: (() => void)[] = []
replacePaint(() => new Promise<void>((resolve) => paints.push(resolve)))

async function show() {
  paints.length = 0
  const pinia = createPinia()
  setActivePinia(pinia)
  useSession().user = { profile: { upn: 'ducha', name: '督查室', groups: ['supervisor'] }, expired: false, access_token: 't' } as unknown as User
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { render: () => null } }] })
  await router.push('/inspections/i1/plan')
  const wrapper = mount(PlanTreeView, { global: { plugins: [pinia, router, ElementPlus] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

const seen = (w: VueWrapper) => w.findAll('.node .label').filter((l) => l.isVisible()).map((l) => l.text())
const button = (w: VueWrapper, label: string) => w.findAll('button').find((b) => b.text() === label)!

/** Lets the paint the opening waits for happen, and what it then opens be drawn. */
async function paint() {
  await vi.waitFor(() => expect(paints.length).toBeGreaterThan(0))
  paints.shift()!()
  await settle()
}

describe('全部展开 over a large plan', () => {
  it('opens the top of the tree first, then the rest after a paint, the button busy until the end', async () => {
    const w = await show()
    await button(w, '全部展开').trigger('click')
    await settle()
    // the first slice: area 1 and its first five problems (60 rows), nothing below them yet
    expect(seen(w)).toHaveLength(3 + 10 + 50)
    expect(seen(w)).toContain('十是 任务1.5.10')
    expect(seen(w)).not.toContain('一是 任务1.6.1')
    expect(button(w, '全部展开').classes()).toContain('is-loading')
    while (seen(w).length < 333) await paint()
    await paint()
    expect(seen(w)).toContain('十是 任务3.10.10')
    expect(button(w, '全部展开').classes()).not.toContain('is-loading')
  })

  it('opens nothing more once 全部收起 was clicked meanwhile', async () => {
    const w = await show()
    await button(w, '全部展开').trigger('click')
    await settle()
    expect(seen(w)).toHaveLength(63)
    await button(w, '全部收起').trigger('click')
    await settle()
    await paint()
    expect(seen(w)).toEqual(['（一）方面1', '（二）方面2', '（三）方面3'])
    expect(paints).toHaveLength(0)
    expect(button(w, '全部展开').classes()).not.toContain('is-loading')
  })

  it('opens them all again slice by slice when the tree is read anew (显示已撤销)', async () => {
    const w = await show()
    await button(w, '全部展开').trigger('click')
    await settle()
    while (paints.length > 0 || button(w, '全部展开').classes().includes('is-loading')) await paint()
    expect(seen(w)).toHaveLength(333)
    await w.find('#show-cancelled').trigger('click')
    await settle()
    expect(seen(w)).toHaveLength(63)
    while (seen(w).length < 333) await paint()
    expect(seen(w)).toContain('十是 任务3.10.10')
  })

  it('opens what a filter keeps slice by slice too (words of every area: all of the plan)', async () => {
    const w = await show()
    await w.find('.filter-text input').setValue('方面')
    await new Promise((resolve) => setTimeout(resolve, 300)) // the filter waits for typing to pause
    await settle()
    expect(seen(w)).toHaveLength(63)
    while (seen(w).length < 333) await paint()
    expect(seen(w)).toContain('十是 任务3.10.10')
  })

  it('opens them all again when 显示已撤销 is flipped twice in a row (the newer tree reopens them)', async () => {
    const w = await show()
    await button(w, '全部展开').trigger('click')
    await settle()
    while (paints.length > 0 || button(w, '全部展开').classes().includes('is-loading')) await paint()
    // the first tree read anew has its areas after the second replaced it, and before the second has its own
    areaDelays.push(100, 300)
    await w.find('#show-cancelled').trigger('click')
    await w.find('#show-cancelled').trigger('click')
    await settle()
    await new Promise((resolve) => setTimeout(resolve, 350))
    await settle()
    while (paints.length > 0 || button(w, '全部展开').classes().includes('is-loading')) await paint()
    expect(seen(w)).toHaveLength(333)
  })
})
