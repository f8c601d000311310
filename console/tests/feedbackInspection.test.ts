// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import type { FeedbackView } from '@/api/feedback'
import FeedbackView_ from '@/views/FeedbackView.vue'
import FeedbackInboxView from '@/views/FeedbackInboxView.vue'
import { json, feedbackScreensApi, network, serveApi } from './recordedNetwork'
import { openFeedbackScreen } from './feedbackScreen'

// Two inspections' rectifications published at once (I1 省委第七巡视组, I2 省委第三巡视组): the inbox says each
// feedback's publication, and a feedback's page its inspection and publication. Through the real clients.
const net = network()
serveApi(feedbackScreensApi(net))

const feedback = (id: string, trackingCode: string, publicationId: string, inspectionId: string): FeedbackView => ({
  id, version: 1, trackingCode, publicationId, inspectionId, channel: 'WEB', category: null, status: 'RECEIVED', areaId: null,
  problemId: null, taskId: null, linkCancelledAt: null, text: '建议公开整改进展。', anonymous: true, submitterMasked: null,
  receiptNumber: null, receivedAt: '2026-12-01T09:00:00+08:00', replyDueAt: '2099-12-16T09:00:00+08:00', triagedAt: null,
  answeredAt: null, closedAt: null, answer: null, mergedIntoId: null,
} as unknown as FeedbackView)
const seventh = feedback('f1', 'FK7Q2M', 'pub1', 'i1')
const third = feedback('f2', 'FK3A9B', 'pub2', 'i2')
const PUBLICATIONS = [
  { id: 'pub1', inspectionId: 'i1', title: '关于省委第七巡视组巡视整改进展情况的通报', open: true },
  { id: 'pub2', inspectionId: 'i2', title: '关于省委第三巡视组巡视整改进展情况的通报', open: true },
]

/** The services by path: the inbox holds `list`; feedback f1's page reads its inspection and its publications. */
const byPath = (list: FeedbackView[]) => (): Response => {
  const { url } = net.sent[net.sent.length - 1]!
  const path = url.split('?')[0]
  const query = new URLSearchParams(url.split('?')[1] ?? '')
  if (path === '/api/feedback/feedback' && query.get('linkCancelled') === 'true') return json(200, { items: [], page: 0, size: 1, total: 0 })
  if (path === '/api/feedback/feedback') return json(200, { items: list, page: 0, size: 200, total: list.length })
  if (path === '/api/feedback/feedback/f1') return json(200, seventh, 'application/json', { ETag: '"1"' })
  if (path === '/api/feedback/feedback/f1/history') return json(200, [])
  if (path === '/api/feedback/publications') {
    const of = query.get('inspectionId')
    const items = PUBLICATIONS.filter((p) => of === null || p.inspectionId === of)
    return json(200, { items, page: 0, size: 200, total: items.length })
  }
  if (path === '/api/tasks/inspections/i1') return json(200, { id: 'i1', title: '省委第七巡视组巡视某市情况' }, 'application/json', { ETag: '"1"' })
  if (path === '/api/tasks/inspections/i1/areas') return json(200, { items: [], page: 0, size: 200, total: 0 })
  if (path === '/api/reporting/people') return json(200, [])
  if (path === '/api/reporting/todos') return json(200, { person: 'bgs', asOf: '2026-12-06', dueSoonDays: 7, count: 0, byKind: {}, items: [] })
  return json(404, { status: 404, title: 'Not Found' }, 'application/problem+json')
}

async function show(component: object, path: string, respond: () => Response) {
  vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }))
  net.answer = respond
  const wrapper = await openFeedbackScreen(component, path)
  return wrapper
}

const headers = () => [...document.querySelector('table thead')!.querySelectorAll('th')].map((th) => th.textContent?.trim())
const rowOf = (code: string) => [...document.querySelectorAll('tbody tr')].find((tr) => tr.textContent?.includes(code))?.textContent ?? ''

describe('feedback of two inspections', () => {
  it('is listed in the inbox with its publication (公布) when the list holds several', async () => {
    const w = await show(FeedbackInboxView, '/feedback', byPath([seventh, third]))
    expect(headers()).toContain('公布')
    expect(rowOf('FK7Q2M')).toContain('关于省委第七巡视组巡视整改进展情况的通报')
    expect(rowOf('FK3A9B')).toContain('关于省委第三巡视组巡视整改进展情况的通报')
    w.unmount()
  })

  it('says no publication in the inbox when all the feedback is of one', async () => {
    const w = await show(FeedbackInboxView, '/feedback', byPath([seventh]))
    expect(headers()).not.toContain('公布')
    w.unmount()
  })

  it('shows on its page the inspection and the publication it was raised under', async () => {
    const w = await show(FeedbackView_, '/feedback/f1', byPath([seventh, third]))
    const item = (label: string) => {
      const cell = [...document.querySelectorAll('.el-descriptions__label')].find((l) => l.textContent?.trim() === label)
      return cell?.nextElementSibling?.textContent?.trim()
    }
    expect(item('所属巡视')).toBe('省委第七巡视组巡视某市情况')
    expect(item('公布')).toBe('关于省委第七巡视组巡视整改进展情况的通报')
    // its inspection's publications only are read
    expect(net.sent.map((r) => r.url)).toContain('/api/feedback/publications?inspectionId=i1&size=200')
    w.unmount()
  })
})
