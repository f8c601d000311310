// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import type { FeedbackView, HistoryEntry } from '@/api/feedback'
import type { AreaView } from '@/api/types'
import FeedbackView_ from '@/views/FeedbackView.vue'
import { json, feedbackScreensApi, network, serveApi } from './recordedNetwork'
import { openFeedbackScreen } from './feedbackScreen'
import { press, settle } from './dialogDom'

// The feedback page as the 信访 handler works it: who wrote its history, the escalation's areas, the 办结 dialog.
const net = network()
serveApi(feedbackScreensApi(net))

const feedback = {
  id: 'f1', version: 4, trackingCode: 'FK7Q2M', publicationId: 'pub1', inspectionId: 'i1', channel: 'POST', category: 'COMPLAINT',
  status: 'TRIAGED', areaId: null, problemId: null, taskId: null, text: '反映补偿款兑付拖延。', anonymous: true,
  submitterMasked: null, receiptNumber: null, receivedAt: '2025-05-06T00:00:00+08:00', replyDueAt: '2099-05-21T00:00:00+08:00',
  triagedAt: '2025-05-07T09:00:00+08:00', answeredAt: null, closedAt: null, answer: null, mergedIntoId: null,
} as FeedbackView
const history: HistoryEntry[] = [
  { at: '2025-05-06T10:00:00+08:00', actor: 'li.ganshi', action: 'RECEIVED', detail: 'recorded by staff, received on 2025-05-06 (POST)' },
  { at: '2025-05-08T10:00:00+08:00', actor: 'tasks-service', action: 'LINKED_TO_PROBLEM', detail: null },
]
const areas = [
  { id: 'a1', version: 0, inspectionId: 'i1', number: 1, title: '贯彻落实党中央决策部署不到位', percentComplete: 0 },
  { id: 'a2', version: 0, inspectionId: 'i1', number: 2, title: '群众身边腐败和作风问题', percentComplete: 0 },
] as AreaView[]

const byPath = (): Response => {
  const { url } = net.sent[net.sent.length - 1]!
  const path = url.split('?')[0]
  if (path === '/api/feedback/feedback/f1') return json(200, feedback, 'application/json', { ETag: '"4"' })
  if (path === '/api/feedback/feedback/f1/history') return json(200, history)
  if (path === '/api/feedback/feedback') return json(200, { items: [], page: 0, size: 200, total: 0 })
  if (path === '/api/tasks/inspections/i1/areas') return json(200, { items: areas, page: 0, size: 200, total: 2 })
  if (path === '/api/reporting/people') return json(200, [])
  if (path === '/api/reporting/todos') return json(200, { person: 'bgs', asOf: '2025-05-08', dueSoonDays: 7, count: 0, byKind: {}, items: [] })
  return json(404, { status: 404, title: 'Not Found' }, 'application/problem+json')
}

async function show() {
  net.answer = byPath
  await openFeedbackScreen(FeedbackView_, '/feedback/f1')
}

describe('the feedback page', () => {
  it('names a step tasks-service wrote in Chinese, not by the service id', async () => {
    await show()
    const stamps = [...document.querySelectorAll('.el-timeline-item__timestamp')].map((t) => t.textContent ?? '')
    expect(stamps.some((s) => s.includes('整改台账（系统）'))).toBe(true)
    expect(stamps.some((s) => s.includes('tasks-service'))).toBe(false)
  })

  it('shows 答复期限 as the day it is, not that day at 00:00', async () => {
    await show()
    const due = [...document.querySelectorAll('.el-descriptions__label')].find((l) => l.textContent?.trim() === '答复期限')
    const cell = due?.nextElementSibling?.textContent?.trim() ?? ''
    expect(cell).toBe('2099年5月21日')
  })

  it('numbers the escalation\'s areas as the other pickers do', async () => {
    await show()
    await press('转为整改问题')
    ;(document.getElementById('escalate-area') as HTMLElement).click()
    await settle()
    const options = [...document.querySelectorAll('.el-select-dropdown__item')].map((o) => o.textContent?.trim())
    expect(options).toEqual(expect.arrayContaining(['（一）贯彻落实党中央决策部署不到位', '（二）群众身边腐败和作风问题']))
  })

  it('says in the 办结 dialog that the reason is internal and what the public will see', async () => {
    await show()
    await press('办结')
    const dialog = document.querySelector('.el-dialog')?.textContent ?? ''
    expect(dialog).toContain('办结说明仅供内部留存，不对群众公开')
    expect(dialog).toContain('本件已办结，未另行单独答复。')
    expect(dialog).toContain('仅内部可见')
  })
})
