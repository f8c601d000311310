// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import type { FeedbackView } from '@/api/feedback'
import FeedbackView_ from '@/views/FeedbackView.vue'
import { json, feedbackScreensApi, network, serveApi } from './recordedNetwork'
import { openFeedbackScreen } from './feedbackScreen'
import { press, settle } from './dialogDom'

// 合并重复件 searches the service for the feedback to merge into (any of the publication's, not a first page), and a
// merge names the other feedback by its tracking code on both sides. Only fetch is replaced, answering by path.
const net = network()
serveApi(feedbackScreensApi(net))

const base = {
  version: 2, publicationId: 'pub1', inspectionId: 'i1', channel: 'PHONE', category: null, status: 'RECEIVED',
  areaId: null, problemId: null, taskId: null, linkCancelledAt: null, anonymous: true, submitterMasked: null, receiptNumber: null,
  receivedAt: '2026-03-19T09:00:00+08:00', replyDueAt: '2026-04-03T09:00:00+08:00', triagedAt: null, answeredAt: null,
  closedAt: null, answer: null, mergedIntoId: null, replyUrgency: 'NEW',
}
const duplicate = { ...base, id: 'dup', trackingCode: 'D2D2-D2D2-D2D2-D2D2', text: '同一问题的第二次来电：老旧小区加装电梯审批拖延。' } as FeedbackView
const original = {
  ...base, id: 'orig', trackingCode: '7KQM-2XHD-9WTB-R4NC', status: 'TRIAGED', receivedAt: '2025-01-06T09:00:00+08:00',
  text: '来信反映老旧小区加装电梯审批拖延，已经等了一年多，希望尽快办理。',
} as FeedbackView

function service(shown: FeedbackView, steps: object[] = []) {
  return (): Response => {
    const { url, init } = net.sent[net.sent.length - 1]!
    const path = url.split('?')[0]
    const query = new URLSearchParams(url.split('?')[1] ?? '')
    if (path === '/api/feedback/feedback' && query.get('mergeTarget') === 'true') {
      // the original is older than any first page: only the service's search finds it
      const found = query.get('q') === '7kqm2xhd9wtbr4nc' ? [original] : []
      return json(200, { items: found, page: 0, size: 20, total: found.length === 0 ? 0 : 1 })
    }
    if (path === '/api/feedback/feedback/dup/merge' && init.method === 'POST') {
      return json(200, { ...shown, version: 3, status: 'MERGED', mergedIntoId: 'orig' }, 'application/json', { ETag: '"3"' })
    }
    if (path === `/api/feedback/feedback/${shown.id}`) return json(200, shown, 'application/json', { ETag: `"${shown.version}"` })
    if (path === '/api/feedback/feedback/orig') return json(200, original, 'application/json', { ETag: '"2"' })
    if (path === `/api/feedback/feedback/${shown.id}/history`) return json(200, steps)
    if (path === '/api/feedback/publications') return json(200, { items: [], page: 0, size: 200, total: 0 })
    if (path === '/api/tasks/inspections/i1/areas') return json(200, { items: [], page: 0, size: 200, total: 0 })
    if (path === '/api/reporting/people') return json(200, [])
    return json(404, { status: 404, title: 'Not Found' }, 'application/problem+json')
  }
}

async function show(shown: FeedbackView, steps: object[] = []) {
  net.sent.length = 0
  net.answer = service(shown, steps)
  await openFeedbackScreen(FeedbackView_, `/feedback/${shown.id}`, { upn: 'xinfang', name: '信访', groups: ['feedback-handler'] })
}

const searches = () => net.sent.map((r) => r.url).filter((u) => u.includes('mergeTarget=true'))
  .map((u) => Object.fromEntries(new URLSearchParams(u.split('?')[1])))

describe('合并重复件', () => {
  it('searches the service, among the publication\'s feedback a duplicate may go into, and merges into one found', async () => {
    await show(duplicate)
    await press('合并重复件')
    expect(searches()).toEqual([{ publicationId: 'pub1', mergeTarget: 'true', size: '20' }])
    // no list of the newest 200 is read to choose from
    expect(net.sent.some((r) => r.url.includes('size=200') && r.url.startsWith('/api/feedback/feedback?'))).toBe(false)
    const input = document.getElementById('merge-into') as HTMLInputElement
    input.value = '7kqm2xhd9wtbr4nc'
    input.dispatchEvent(new Event('input'))
    await new Promise((resolve) => setTimeout(resolve, 400))
    await settle()
    expect(searches().at(-1)).toEqual({ publicationId: 'pub1', q: '7kqm2xhd9wtbr4nc', mergeTarget: 'true', size: '20' })
    const options = [...document.querySelectorAll('.merge-targets .el-select-dropdown__item')]
    expect(options.map((o) => o.textContent?.trim())).toEqual(['7KQM-2XHD-9WTB-R4NC · 办理中 · 来信反映老旧小区加装电梯审批拖延，已经等了一年多，希望尽快办…'])
    ;(options[0] as HTMLElement).click()
    await settle()
    await press('确认合并')
    const merged = net.sent.filter((r) => r.url.endsWith('/dup/merge'))
    expect(merged).toHaveLength(1)
    expect(JSON.parse(String(merged[0]!.init.body))).toEqual({ into: 'orig' })
  })

  it('says why a search for a phone number is refused', async () => {
    await show(duplicate)
    await press('合并重复件')
    net.answer = () => json(400, { status: 400, title: 'Bad Request', errors: [{ field: 'q',
      message: 'a run of 5 or more digits that is not a tracking code is refused: q does not look up phone or id numbers' }] },
    'application/problem+json')
    const input = document.getElementById('merge-into') as HTMLInputElement
    input.value = '13912345678'
    input.dispatchEvent(new Event('input'))
    await new Promise((resolve) => setTimeout(resolve, 400))
    await settle()
    expect(document.querySelector('.targets-note')?.textContent).toContain('不能按5位以上的连续数字查询')
  })
})

describe('a merge names the other feedback by its tracking code', () => {
  it('says 已合并到 <code> on the duplicate, a link to it', async () => {
    await show({ ...duplicate, status: 'MERGED', mergedIntoId: 'orig', replyUrgency: null } as FeedbackView,
      [{ at: '2026-03-20T10:00:00+08:00', actor: 'xinfang', action: 'MERGED', detail: 'into orig (7KQM-2XHD-9WTB-R4NC)' }])
    const line = document.querySelector('.merged-into')
    expect(line?.textContent).toBe('已合并到 7KQM-2XHD-9WTB-R4NC。')
    expect(line?.querySelector('a')?.getAttribute('href')).toBe('/feedback/orig')
    expect(document.querySelector('.el-timeline')?.textContent).toContain('合并到 7KQM-2XHD-9WTB-R4NC')
  })

  it('says 并入了重复件 <code> in the 办理记录 of the one it went into, and offers it no merge of its own', async () => {
    await show(original, [{ at: '2026-03-20T10:00:00+08:00', actor: 'xinfang', action: 'DUPLICATE_MERGED_IN',
      detail: 'feedback dup (D2D2-D2D2-D2D2-D2D2) merged into this one' }])
    const code = document.querySelector('.el-timeline .merged-code')
    expect(code?.closest('.el-timeline-item')?.textContent).toContain('并入了重复件 D2D2-D2D2-D2D2-D2D2')
    expect(code?.getAttribute('href')).toBe('/feedback/dup')
    expect(document.body.textContent).toContain('已有重复件合并到本条')
  })
})
