import { describe, expect, it } from 'vitest'
import { contactLine, historyDetail, inboxOrder, inTab, stepsAllowed, urgencyOf } from '@/feedbackInbox'
import type { FeedbackView } from '@/api/feedback'

const NOW = new Date('2025-11-10T04:00:00Z') // 12:00 in Beijing

function feedback(id: string, over: Partial<FeedbackView>): FeedbackView {
  return {
    id, version: 0, trackingCode: id, publicationId: 'p', inspectionId: 'i', channel: 'WEB', category: null, status: 'RECEIVED',
    areaId: null, problemId: null, taskId: null, text: '意见', anonymous: false,
    submitterMasked: { name: '张*', phone: '138****5678', email: null, address: null }, receiptNumber: null,
    receivedAt: '2025-11-06T02:00:00Z', replyDueAt: null, triagedAt: null, answeredAt: null, closedAt: null, answer: null,
    mergedIntoId: null, ...over,
  }
}

describe('the feedback inbox', () => {
  it('says how urgent an open item is by its reply deadline', () => {
    expect(urgencyOf(feedback('a', { replyDueAt: '2025-11-10T03:59:59Z' }), NOW)).toBe('overdue')
    expect(urgencyOf(feedback('b', { replyDueAt: '2025-11-13T04:00:00Z' }), NOW)).toBe('due-soon') // exactly 72 h
    expect(urgencyOf(feedback('c', { replyDueAt: '2025-11-13T04:00:01Z' }), NOW)).toBe('new')
    expect(urgencyOf(feedback('d', { status: 'TRIAGED', replyDueAt: '2025-12-01T00:00:00Z' }), NOW)).toBe('open')
    // answered or closed items wait for nobody, whatever their deadline
    expect(urgencyOf(feedback('e', { status: 'ANSWERED', replyDueAt: '2025-11-01T00:00:00Z' }), NOW)).toBe('done')
  })

  it('lists overdue first, then due soon, new, in progress, done; earliest deadline first within each', () => {
    const items = [
      feedback('done', { status: 'CLOSED' }),
      feedback('new', { replyDueAt: '2025-11-30T00:00:00Z' }),
      feedback('soon-late', { replyDueAt: '2025-11-12T00:00:00Z' }),
      feedback('overdue', { replyDueAt: '2025-11-09T00:00:00Z' }),
      feedback('soon-early', { replyDueAt: '2025-11-11T00:00:00Z' }),
    ]
    expect(inboxOrder(items, NOW).map((f) => f.id)).toEqual(['overdue', 'soon-early', 'soon-late', 'new', 'done'])
    expect(items.filter((f) => inTab(f, 'todo', NOW)).map((f) => f.id)).not.toContain('done')
    expect(items.filter((f) => inTab(f, 'due-soon', NOW))).toHaveLength(2)
  })

  it('shows the masked contact in one line, and anonymous ones as such', () => {
    expect(contactLine(feedback('a', {}))).toBe('张* · 138****5678')
    expect(contactLine(feedback('b', { anonymous: true }))).toBe('匿名')
    expect(contactLine(feedback('c', { submitterMasked: null }))).toBe('匿名')
  })

  it('offers the steps the service allows from each status', () => {
    expect(stepsAllowed('RECEIVED')).toEqual(['triage', 'escalate', 'merge', 'close'])
    expect(stepsAllowed('TRIAGED')).toContain('answer')
    expect(stepsAllowed('RECEIVED')).not.toContain('answer')
    expect(stepsAllowed('MERGED')).toEqual([])
  })
})

describe('the history of a feedback', () => {
  it('says the service\'s details in Chinese and nothing of a look at personal data', () => {
    expect(historyDetail('RECEIVED', 'received on the web form (WEB)')).toBe('渠道：网上')
    expect(historyDetail('TRIAGED', 'category SUGGESTION, task 3f2')).toBe('类别：建议；关联任务')
    expect(historyDetail('ANSWERED', 'answer published (25 characters)')).toBe('答复 25 字')
    expect(historyDetail('PERSONAL_DATA_VIEWED', 'full contact details shown')).toBe('')
    expect(historyDetail('CLOSED', '重复反映，已合并答复')).toBe('重复反映，已合并答复')
    expect(historyDetail('CLOSED', null)).toBe('')
  })
})
