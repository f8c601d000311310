// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import type { FeedbackView } from '@/api/feedback'
import { erasedContactLine, historyDetail, HISTORY_LABELS } from '@/feedbackInbox'
import FeedbackView_ from '@/views/FeedbackView.vue'
import { json, feedbackScreensApi, network, serveApi } from './recordedNetwork'
import { openFeedbackScreen } from './feedbackScreen'

// The retention period erased a finished feedback's contact details: its page says so, on which day (in
// Beijing), in place of the masked contact and of 查看完整联系方式, whose request would only answer 410.
const net = network()
serveApi(feedbackScreensApi(net))

const answered = {
  id: 'f1', version: 6, trackingCode: 'FK7Q2M', publicationId: 'pub1', inspectionId: 'i1', channel: 'PHONE', category: 'COMPLAINT',
  status: 'ANSWERED', areaId: null, problemId: null, taskId: null, linkCancelledAt: null,
  text: '反映小区门口路灯长期不亮。', anonymous: false, submitterMasked: { name: '欧**', phone: '139****5678', email: null, address: null },
  receiptNumber: null, receivedAt: '2025-03-01T09:00:00+08:00', replyDueAt: '2025-03-16T09:00:00+08:00',
  triagedAt: '2025-03-01T10:00:00+08:00', answeredAt: '2025-03-01T23:30:00+08:00', closedAt: null, answer: '经核查，路灯已修复。',
  mergedIntoId: null, personalDataErasedAt: null,
} as FeedbackView
// erased a year later at 00:00:00.5 in Beijing: still the 1st in UTC, the 2nd in Beijing
const erased = { ...answered, submitterMasked: { name: null, phone: null, email: null, address: null },
  personalDataErasedAt: '2026-03-01T16:00:00.5Z' } as FeedbackView

const byPath = (shown: FeedbackView) => (): Response => {
  const { url } = net.sent[net.sent.length - 1]!
  const path = url.split('?')[0]
  if (path === '/api/feedback/feedback/f1') return json(200, shown, 'application/json', { ETag: '"6"' })
  if (path === '/api/feedback/feedback/f1/history') return json(200, [])
  if (path === '/api/feedback/feedback') return json(200, { items: [], page: 0, size: 200, total: 0 })
  if (path === '/api/feedback/publications') return json(200, { items: [], page: 0, size: 200, total: 0 })
  if (path === '/api/reporting/people') return json(200, [])
  if (path === '/api/reporting/todos') return json(200, { person: 'zhao', asOf: '2026-03-02', dueSoonDays: 7, count: 0, byKind: {}, items: [] })
  return json(404, { status: 404, title: 'Not found' }, 'application/problem+json')
}

async function show(feedback: FeedbackView) {
  net.answer = byPath(feedback)
  document.body.innerHTML = ''
  await openFeedbackScreen(FeedbackView_, '/feedback/f1', { upn: 'zhao', name: '纪检干部赵某', groups: ['feedback-handler', 'personal-data'] })
}

const contact = () => document.querySelector('[aria-label="提出人"]')!
const revealButton = () => [...contact().querySelectorAll('button')].find((b) => b.textContent?.includes('查看完整联系方式'))

describe('contact details erased under the retention period', () => {
  it('says so with the day in Beijing instead of the button', async () => {
    await show(erased)
    expect(contact().textContent).toContain('联系方式已于2026-03-02按保存期限删除')
    expect(revealButton()).toBeUndefined()
    expect(contact().textContent).not.toContain('匿名')
  })

  it('keeps the button while the details are kept', async () => {
    await show(answered)
    expect(revealButton()).toBeDefined()
    expect(contact().textContent).toContain('欧**')
    expect(contact().textContent).not.toContain('按保存期限删除')
  })

  it('names the day in Beijing around midnight, and the history entry says it without its English detail', () => {
    expect(erasedContactLine({ personalDataErasedAt: '2026-03-01T15:59:59Z' })).toBe('联系方式已于2026-03-01按保存期限删除')
    expect(erasedContactLine({ personalDataErasedAt: '2026-03-02T00:00:00+08:00' })).toBe('联系方式已于2026-03-02按保存期限删除')
    expect(erasedContactLine({ personalDataErasedAt: null })).toBeNull()
    expect(HISTORY_LABELS.PERSONAL_DATA_ERASED).toBe('联系方式已按保存期限删除')
    expect(historyDetail('PERSONAL_DATA_ERASED', 'retention period P365D after the last step over: contact details and pseudonyms erased')).toBe('')
  })
})
