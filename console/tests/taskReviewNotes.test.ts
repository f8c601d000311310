// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import TaskReviewNotes from '@/components/TaskReviewNotes.vue'

const note = { text: '巩固期内每季度抽查档案不少于20卷', by: 'ducha', at: '2026-01-05T02:00:00Z' }
const confirmed = { outcome: 'CONFIRMED' as const, findings: '抽查台账，整改成效稳固', by: 'ducha', at: '2026-04-05T02:00:00Z' }
const reopened = { outcome: 'REOPENED' as const, findings: '底数仍未按月更新', by: 'ducha', at: '2026-04-05T02:00:00Z' }

const shown = (task: object) => mount(TaskReviewNotes, { props: { task: task as never } })
const labels = (task: object) => shown(task).findAll('h3').map((h) => h.text())

describe('核实与回头看 on the task page', () => {
  it('names a consolidating task\'s note as its 巩固提升要求, a closed-out task\'s as 核实意见', () => {
    expect(labels({ state: 'CONSOLIDATING', verificationNote: note, lastLookBack: null })).toEqual(['巩固提升要求'])
    const verified = shown({ state: 'VERIFIED', verificationNote: note, lastLookBack: confirmed })
    expect(verified.findAll('h3').map((h) => h.text())).toEqual(['核实意见', '回头看：确认整改成效'])
    expect(verified.text()).toContain('抽查台账，整改成效稳固')
    expect(verified.text()).toContain('ducha · 2026/04/05 10:00')
  })

  it('leaves a reopening look-back to 驳回与再整改记录, and shows nothing when there is nothing', () => {
    expect(labels({ state: 'REOPENED', verificationNote: note, lastLookBack: reopened })).toEqual(['核实意见'])
    expect(shown({ state: 'REOPENED', verificationNote: null, lastLookBack: reopened }).find('section').exists()).toBe(false)
  })
})
