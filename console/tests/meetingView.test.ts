// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import type { User } from 'oidc-client-ts'
import type { Meeting } from '@/api/governance'
import { useSession } from '@/auth/session'
import MeetingView from '@/views/MeetingView.vue'
import { json, client, network, serveApi } from './recordedNetwork'
import { GovernanceApi } from '@/api/governance'

// A meeting's page, through the real client to a tasks-service answered here: a decision about a task the
// office cancelled (撤销) after the meeting keeps its link, marked 已撤销, and is no longer overdue.
const net = network()
serveApi(() => ({ governance: new GovernanceApi(client(net, '/api/tasks')) }))

const meeting: Meeting = {
  id: 'm1', version: 2, inspectionId: 'i1', kind: 'SPECIAL', heldOn: '2024-09-02', chair: '党工委书记', topic: '巡视整改专题会',
  attendees: [], minutes: null,
  decisions: [
    { id: 'd1', text: '组建企业管家团队', responsibleUnit: '营商环境局', dueDate: '2024-09-30', taskId: 't1',
      taskCancelledAt: '2026-12-05T10:00:00+08:00', done: false, doneAt: null, doneBy: null },
    { id: 'd2', text: '建立专属欠款台账', responsibleUnit: '财政局', dueDate: '2024-10-31', taskId: 't2',
      taskCancelledAt: null, done: false, doneAt: null, doneBy: null },
  ],
}

let wrapper: VueWrapper | null = null

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

async function show() {
  net.answer = () => json(200, meeting, 'application/json', { ETag: '"2"' })
  vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }))
  const pinia = createPinia()
  setActivePinia(pinia)
  useSession().user = { profile: { upn: 'u', name: '某人', groups: ['coordinator'], unit: '' }, expired: false, access_token: 't' } as unknown as User
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { render: () => null } }] })
  await router.push('/meetings/m1')
  wrapper = mount(MeetingView, { global: { plugins: [pinia, router, ElementPlus] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

describe('a meeting decision about a task cancelled since', () => {
  it('keeps its link, marked 已撤销 with when, and is not overdue', async () => {
    const w = await show()
    const rows = w.find('section[aria-label="议定事项"]').findAll('tbody tr')
    expect(rows).toHaveLength(2)
    const [cancelled, standing] = rows
    expect(cancelled!.find('a.task-link').attributes('href')).toContain('/tasks/t1')
    expect(cancelled!.find('.el-tag').text()).toBe('已撤销')
    expect(cancelled!.text()).toContain('2026年12月5日 10:00 由整改办撤销')
    expect(cancelled!.text()).toContain('关联任务已撤销')
    expect(cancelled!.text()).not.toContain('已逾期')
    expect(cancelled!.classes()).not.toContain('row-overdue')
    // the other, about a task that stands, is overdue as before
    expect(standing!.find('.el-tag').exists()).toBe(false)
    expect(standing!.text()).toContain('已逾期')
    expect(w.text()).toContain('2项，已完成0项，逾期1项')
  })
})
