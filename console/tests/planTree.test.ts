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
import { serveApi } from './recordedNetwork'

// The plan tree numbers its nodes as the notice does, from tasks-service answered here.
const area = { id: 'a11', version: 0, inspectionId: 'i1', number: 11, title: '落实意识形态工作责任制不到位', percentComplete: 0 } as AreaView
const problem = {
  id: 'p2', version: 0, inspectionId: 'i1', areaId: 'a11', number: 2, title: '理论学习不够深入', description: null, source: 'SELF_FOUND',
  percentComplete: 0,
} as ProblemView
const task = {
  id: 't21', version: 0, inspectionId: 'i1', areaId: 'a11', problemId: 'p2', areaNumber: 11, problemNumber: 2, number: 21,
  title: '健全学习制度', responsibleUnit: '党政办公室', deadline: '2025-06-30', state: 'PLANNED', kind: 'TIME_BOUND', overdue: false,
  progressReportMissing: false, nextLookBackDue: null, allowedTransitions: [],
} as unknown as TaskSnapshot

serveApi(() => ({
  tasks: {
    inspection: async () => ({ id: 'i1', title: '专项巡视', team: '第一巡视组', feedbackDate: '2024-05-10' }),
    areas: async () => [area],
    problems: async () => [problem],
    tasksOfProblem: async () => [task],
  },
  people: { names: async () => [] },
}))

let wrapper: VueWrapper | null = null

async function show() {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSession().user = { profile: { upn: 'ducha', name: '督查室', groups: ['supervisor'] }, expired: false, access_token: 't' } as unknown as User
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { render: () => null } }] })
  await router.push('/inspections/i1/plan')
  wrapper = mount(PlanTreeView, { global: { plugins: [pinia, router, ElementPlus] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

const labels = (w: VueWrapper) => w.findAll('.node .label').map((l) => l.text())

describe('the plan tree', () => {
  it('heads an area （十一） as the notice and the report do, and a task under its problem by its own 二十一是', async () => {
    const w = await show()
    expect(labels(w)).toEqual(['（十一）落实意识形态工作责任制不到位'])
    await w.find('.node.area').trigger('click')
    await flushPromises()
    await w.find('.node.problem').trigger('click')
    await flushPromises()
    expect(labels(w)).toEqual(['（十一）落实意识形态工作责任制不到位', '2. 理论学习不够深入', '二十一是 健全学习制度'])
  })

  it('says the source of a problem that is not one of the inspection\'s findings beside its number', async () => {
    const w = await show()
    await w.find('.node.area').trigger('click')
    await flushPromises()
    expect(w.find('.node.problem .el-tag').text()).toBe('自查发现')
    expect(w.find('.node.area .el-tag').exists()).toBe(false)
  })
})
