// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import TaskReviewNotes from '@/components/TaskReviewNotes.vue'
import { forgetPeopleNames } from '@/composables/usePeopleNames'
import { json, client, network, serveApi } from './recordedNetwork'
import { PeopleApi } from '@/api/people'

// The names come from reporting-service's GET /people through the real client; only fetch is replaced.
const net = network()
serveApi(() => ({ people: new PeopleApi(client(net, '/api/reporting')) }))
const directory = [{ username: 'ducha', displayName: '陈组长（督查）', unit: '' }]

beforeEach(() => {
  net.answer = () => json(200, directory)
})

afterEach(() => { forgetPeopleNames() })

const note = { text: '巩固期内每季度抽查档案不少于20卷', by: 'ducha', at: '2026-01-05T02:00:00Z' }
const confirmed = { outcome: 'CONFIRMED' as const, findings: '抽查台账，整改成效稳固', by: 'ducha', at: '2026-04-05T02:00:00Z' }
const reopened = { outcome: 'REOPENED' as const, findings: '底数仍未按月更新', by: 'ducha', at: '2026-04-05T02:00:00Z' }

const shown = (task: object) => mount(TaskReviewNotes, { props: { task: task as never } })
const labels = (task: object) => shown(task).findAll('h3').map((h) => h.text())

describe('核实与回头看 on the task page', () => {
  it('names a consolidating task\'s note as its 巩固提升要求, a closed-out task\'s as 核实意见, each by its author\'s name', async () => {
    expect(labels({ state: 'CONSOLIDATING', verificationNote: note, lastLookBack: null })).toEqual(['巩固提升要求'])
    const verified = shown({ state: 'VERIFIED', verificationNote: note, lastLookBack: confirmed })
    await flushPromises()
    expect(verified.findAll('h3').map((h) => h.text())).toEqual(['核实意见', '回头看：确认整改成效'])
    expect(verified.text()).toContain('抽查台账，整改成效稳固')
    expect(verified.text()).toContain('陈组长（督查） · 2026年4月5日 10:00')
    expect(net.sent.map((r) => r.url)).toEqual(['/api/reporting/people'])
  })

  it('shows the username while the directory cannot be read, and asks again on the next screen', async () => {
    net.answer = () => json(503, { status: 503, title: 'Service Unavailable' }, 'application/problem+json')
    const first = shown({ state: 'VERIFIED', verificationNote: note, lastLookBack: null })
    await flushPromises()
    expect(first.text()).toContain('ducha · 2026年1月5日 10:00')
    net.answer = () => json(200, directory)
    const again = shown({ state: 'VERIFIED', verificationNote: note, lastLookBack: null })
    await flushPromises()
    expect(again.text()).toContain('陈组长（督查） · 2026年1月5日 10:00')
    expect(net.sent).toHaveLength(2)
  })

  it('leaves a reopening look-back to 驳回与再整改记录, and shows nothing when there is nothing', () => {
    expect(labels({ state: 'REOPENED', verificationNote: note, lastLookBack: reopened })).toEqual(['核实意见'])
    expect(shown({ state: 'REOPENED', verificationNote: null, lastLookBack: reopened }).find('section').exists()).toBe(false)
  })
})
