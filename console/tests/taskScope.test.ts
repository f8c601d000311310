// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createRouter, createWebHistory } from 'vue-router'
import ElementPlus from 'element-plus'
import type { User } from 'oidc-client-ts'
import type { TaskSnapshot } from '@/api/types'
import { actsForUnit, type Person } from '@/auth/roles'
import { useSession } from '@/auth/session'
import { taskCrumb } from '@/taskCrumb'
import TaskView from '@/views/TaskView.vue'
import { serveApi } from './recordedNetwork'

// An officer acts only on the tasks of their unit (tasks-service's UnitScope, a 403 otherwise): an officer
// of 招商局 opening a task of 党政办公室 reads it, and is offered none of its steps, nor is it called theirs.
const task = {
  id: 't1', version: 3, inspectionId: 'i1', areaNumber: 1, problemNumber: 3, number: 2, title: '修订公务接待制度', measures: '逐条修订',
  responsibleUnit: '党政办公室', responsiblePerson: null, leadOfficial: null, deadline: '2026-12-31', kind: 'TIME_BOUND', state: 'IN_PROGRESS',
  percentComplete: 60, reportingCadence: 'MONTHLY', requireIndicatorsMet: false, lastProgressReportAt: null, evidenceCount: 1, claimedBy: null,
  lastRejection: null, lastReopen: null, lastWithdrawal: null, lastLookBack: null, verificationNote: null, lastDeadlineChange: null,
  allowedTransitions: ['CLAIM_COMPLETION'],
  milestones: [{ id: 'm1', title: '党组会审议通过', dueDate: '2026-11-30', achievedAt: null }],
  indicators: [{ id: 'i1', name: '制度覆盖率', unit: '%', baseline: null, targetKind: 'ABSOLUTE', targetValue: 100, direction: 'AT_LEAST',
    latestActual: null, latestSource: null, met: false }],
} as unknown as TaskSnapshot

serveApi(() => ({
  tasks: { task: async () => ({ body: task }), inspection: async (id: string) => ({ id, title: '十四届省委第三轮巡视' }), progressReports: async () => [], evidence: async () => [], audit: async () => [], deadlineExtensionRequests: async () => [] },
  people: { names: async () => [] },
  readModels: { task: () => new Promise(() => {}) },
}))

const DZB = { upn: 'dzb', name: '李科长', groups: ['officer'], unit: '党政办公室' }
const ZSJ = { upn: 'zsj', name: '张局长', groups: ['officer'], unit: '招商局' }

let wrapper: VueWrapper | null = null

/** The task page as `profile` sees it, opened from `from` (none: by its address). */
async function show(profile: Record<string, unknown>, from?: string) {
  vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }))
  const pinia = createPinia()
  setActivePinia(pinia)
  useSession().user = { profile, expired: false, access_token: 't' } as unknown as User
  // the browser's history, whose state keeps the page a screen was opened from (as the console's does)
  const router = createRouter({ history: createWebHistory('/console/'), routes: [{ path: '/:p(.*)*', component: { render: () => null } }] })
  if (from !== undefined) await router.push(from)
  await router.push('/tasks/t1')
  wrapper = mount(TaskView, { global: { plugins: [pinia, router, ElementPlus] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

const labels = (w: VueWrapper) => w.findAll('button').map((b) => b.text())
const crumb = (w: VueWrapper) => w.find('.crumbs').findAll('.el-breadcrumb__inner')[0]!.text()

describe('a task of another unit', () => {
  it('offers its own unit\'s officer every step: 申请销号, 标记达成, 录入指标值, the progress and evidence forms', async () => {
    const w = await show(DZB)
    expect(labels(w)).toEqual(expect.arrayContaining(['申请销号', '标记达成', '录入指标值', '提交进展报告']))
    expect(w.find('form[aria-label="填报整改进展"]').exists()).toBe(true)
    expect(crumb(w)).toBe('我的任务')
  })

  it('offers an officer of another unit none of them, as tasks-service would refuse them (403)', async () => {
    const w = await show(ZSJ)
    expect(w.text()).toContain('修订公务接待制度')
    const offered = labels(w)
    for (const step of ['申请销号', '开始整改', '撤回申请', '标记达成', '录入指标值', '提交进展报告', '添加材料']) {
      expect(offered).not.toContain(step)
    }
    expect(w.find('form[aria-label="填报整改进展"]').exists()).toBe(false)
    expect(w.find('form[aria-label="添加佐证材料"]').exists()).toBe(false)
    expect(w.text()).not.toContain('申请销号前请先在下方添加佐证材料')
  })

  it('is not called 我的任务 for them: the crumb is the list they came from, or a neutral 整改任务', async () => {
    expect(crumb(await show(ZSJ))).toBe('整改任务')
    wrapper?.unmount()
    expect(crumb(await show(ZSJ, '/todos'))).toBe('待办')
  })
})

describe('a task of one inspection among several', () => {
  const OFFICE = { upn: 'zgb', name: '王主任', groups: ['coordinator'], unit: '' }

  it('says its inspection (所属巡视) and names it in the crumb back to that inspection\'s plan', async () => {
    const w = await show(OFFICE, '/inspections/i1/plan')
    const inspection = w.findAll('.el-descriptions__label').find((l) => l.text() === '所属巡视')
    expect(inspection).toBeDefined()
    expect(w.find('[aria-label="任务概况"]').text()).toContain('十四届省委第三轮巡视')
    expect(crumb(w)).toBe('整改方案（十四届省委第三轮巡视）')
    wrapper?.unmount()
    // an officer's crumb is their own list, whichever inspection the task is of
    expect(crumb(await show(DZB, '/my-tasks'))).toBe('我的任务')
  })
})

describe('who acts on a task', () => {
  const person = (roles: Person['roles'], unit = ''): Person => ({ username: 'u', displayName: 'u', roles, unit })

  it('is the office and the supervisors on every task, an officer only on their own unit\'s (UnitScope)', () => {
    expect(actsForUnit(person(['coordinator']), '党政办公室')).toBe(true)
    expect(actsForUnit(person(['supervisor']), '党政办公室')).toBe(true)
    expect(actsForUnit(person(['officer'], '党政办公室'), '党政办公室')).toBe(true)
    expect(actsForUnit(person(['officer'], '招商局'), '党政办公室')).toBe(false)
    expect(actsForUnit(person(['officer']), '')).toBe(false)
  })

  it('names the way back by where the page was opened from, else by whose the task is', () => {
    const officer = person(['officer'], '党政办公室')
    const other = person(['officer'], '招商局')
    const office = person(['coordinator'])
    expect(taskCrumb(officer, task, null)).toEqual({ label: '我的任务', to: '/my-tasks' })
    expect(taskCrumb(other, task, null)).toEqual({ label: '整改任务', to: null })
    expect(taskCrumb(office, task, null)).toEqual({ label: '整改方案', to: '/inspections/i1/plan' })
    expect(taskCrumb(other, task, '/meetings/m1')).toEqual({ label: '会议', to: '/meetings/m1' })
    expect(taskCrumb(office, task, '/inspections/i1/lists?list=tasks')).toEqual({ label: '三个清单', to: '/inspections/i1/lists?list=tasks' })
    expect(taskCrumb(person(['supervisor']), task, '/verification')).toEqual({ label: '销号核实', to: '/verification' })
    // a screen of one inspection is named with it once its title is read; other lists are not
    expect(taskCrumb(office, task, null, '省委第七巡视组')).toEqual({ label: '整改方案（省委第七巡视组）', to: '/inspections/i1/plan' })
    expect(taskCrumb(office, task, '/inspections/i1/plan', '省委第七巡视组')).toEqual({ label: '整改方案（省委第七巡视组）', to: '/inspections/i1/plan' })
    expect(taskCrumb(office, task, '/inspections/i1/meetings', '省委第七巡视组')).toEqual({ label: '调度会议（省委第七巡视组）', to: '/inspections/i1/meetings' })
    expect(taskCrumb(person(['supervisor']), task, '/verification', '省委第七巡视组')).toEqual({ label: '销号核实', to: '/verification' })
    expect(taskCrumb(officer, task, null, '省委第七巡视组')).toEqual({ label: '我的任务', to: '/my-tasks' })
    // another task's page (a link between tasks) is no list to go back to
    expect(taskCrumb(other, task, '/tasks/t9')).toEqual({ label: '整改任务', to: null })
  })
})
