// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import ElementPlus from 'element-plus'
import type { User } from 'oidc-client-ts'
import type { FeedbackView } from '@/api/feedback'
import { useSession } from '@/auth/session'
import FeedbackInboxView from '@/views/FeedbackInboxView.vue'
import { json, feedbackScreensApi, network, serveApi } from './recordedNetwork'
import { settle } from './dialogDom'

// The inbox reads a page at a time from the service, its tab totals in one read, and keeps the tab, search,
// filters and page in the address. Only fetch is replaced, answering by path.
const net = network()
serveApi(feedbackScreensApi(net))

const item = (n: number, over: Partial<FeedbackView> = {}) => ({
  id: `f${n}`, version: 1, trackingCode: `CODE-${n}`, publicationId: 'pub1', inspectionId: 'i1', channel: 'POST', category: null,
  status: 'RECEIVED', areaId: null, problemId: null, taskId: null, linkCancelledAt: null, text: `来信第${n}件`, anonymous: true,
  submitterMasked: null, receiptNumber: null, receivedAt: '2026-03-19T00:00:00+08:00', replyDueAt: '2026-04-03T00:00:00+08:00',
  triagedAt: null, answeredAt: null, closedAt: null, answer: null, mergedIntoId: null, replyUrgency: 'NEW', ...over,
}) as FeedbackView

const COUNTS = { asOf: '2026-03-20', dueSoonDays: 7, owed: 208, overdue: 1, dueSoon: 1, newlyReceived: 205, all: 214 }

/** The service: 214 feedback, a page of them as asked; the totals; nothing to link anew. */
const service = (): Response => {
  const { url } = net.sent[net.sent.length - 1]!
  const path = url.split('?')[0]
  const query = new URLSearchParams(url.split('?')[1] ?? '')
  if (path === '/api/feedback/feedback/counts') return json(200, COUNTS)
  if (path === '/api/feedback/feedback' && query.get('linkCancelled') === 'true') return json(200, { items: [], page: 0, size: 1, total: 0 })
  if (path === '/api/feedback/feedback') {
    const page = Number(query.get('page') ?? 0)
    const size = Number(query.get('size') ?? 20)
    const total = query.get('reply') === 'OVERDUE' ? 1 : 214
    const items = Array.from({ length: Math.max(0, Math.min(size, total - page * size)) }, (_, i) => page * size + i + 1)
      .map((n) => item(n, n === 214 || total === 1 ? { replyUrgency: 'OVERDUE', receivedAt: '2026-02-01T00:00:00+08:00' } : {}))
    return json(200, { items, page, size, total })
  }
  if (path === '/api/feedback/publications') return json(200, { items: [], page: 0, size: 200, total: 0 })
  return json(404, { status: 404, title: 'Not Found' }, 'application/problem+json')
}

let router: Router

async function show(path: string) {
  net.sent.length = 0
  net.answer = service
  const pinia = createPinia()
  setActivePinia(pinia)
  useSession().user = { profile: { upn: 'xinfang', name: '信访', groups: ['feedback-handler'] }, expired: false, access_token: 't' } as unknown as User
  router = createRouter({ history: createMemoryHistory(), routes: [
    { path: '/feedback', component: { render: () => null } }, { path: '/feedback/:id', component: { render: () => null } }] })
  await router.push(path)
  mount(FeedbackInboxView, { global: { plugins: [pinia, router, ElementPlus] }, attachTo: document.body })
  await settle()
}

/** The lists asked for (not the relink counts), as their query parameters. */
const lists = () => net.sent.map((r) => r.url).filter((u) => u.startsWith('/api/feedback/feedback?') && !u.includes('linkCancelled'))
  .map((u) => Object.fromEntries(new URLSearchParams(u.split('?')[1])))
const counted = () => net.sent.map((r) => r.url).filter((u) => u.startsWith('/api/feedback/feedback/counts'))
  .map((u) => Object.fromEntries(new URLSearchParams(u.split('?')[1] ?? '')))
const tabLabels = () => [...document.querySelectorAll('.el-radio-button')].map((r) => r.textContent?.trim())
const codes = () => [...document.querySelectorAll('.task-link')].map((a) => a.textContent?.trim())

describe('the inbox, read from the service a page at a time', () => {
  it('labels each tab with the service\'s total, not what one read holds, and asks 待答复 of the service', async () => {
    await show('/feedback')
    expect(tabLabels()).toEqual(['待答复 208', '已超期 1', '即将到期 1', '新收到 205', '全部 214'])
    expect(lists()).toEqual([{ reply: 'OWED', page: '0', size: '50' }])
    expect(counted()).toEqual([{}])
    expect(codes()).toHaveLength(50)
    // no list cut at 200 any more, so nothing says so; 即将到期's horizon is the service's
    expect(document.body.textContent).toContain('即将到期：7 天内')
    expect(document.querySelector('.el-pagination')?.textContent).toContain('214')
  })

  it('shows each 答复期限 as its day, not that day at 00:00 (a reply is due through the day)', async () => {
    await show('/feedback?tab=overdue')
    const due = document.querySelector('.urgency')?.parentElement?.textContent ?? ''
    expect(due).toContain('2026年4月3日')
    expect(due).not.toContain('00:00')
  })

  it('turns to the last page, where the oldest is, keeping the page in the address', async () => {
    await show('/feedback?tab=all')
    const last = [...document.querySelectorAll('.el-pager li')].map((li) => li as HTMLElement).find((li) => li.textContent?.trim() === '5')
    last!.click()
    await settle()
    expect(router.currentRoute.value.query).toEqual({ tab: 'all', page: '5' })
    expect(lists().at(-1)).toEqual({ page: '4', size: '50' })
    expect(codes().at(-1)).toBe('CODE-214')
    expect(document.querySelector('.urgency')?.textContent?.trim()).toBe('已超期')
  })

  it('restores the tab, search, filters and page from the address (后退 from a feedback\'s page)', async () => {
    await show('/feedback?tab=overdue&q=电梯&category=COMPLAINT&channel=POST&page=2&publication=pub1')
    expect(lists()[0]).toEqual({ publicationId: 'pub1', q: '电梯', category: 'COMPLAINT', channel: 'POST', reply: 'OVERDUE', page: '1', size: '50' })
    // the totals under the same filters, every tab's at once
    expect(counted()[0]).toEqual({ publicationId: 'pub1', q: '电梯', category: 'COMPLAINT', channel: 'POST' })
    expect((document.querySelector('input[aria-label="查询码或关键词"]') as HTMLInputElement).value).toBe('电梯')
    expect(document.querySelector('.el-radio-button.is-active')?.textContent?.trim()).toBe('已超期 1')
  })

  it('searches the service by a code or words, from the first page, and a new tab starts there too', async () => {
    await show('/feedback?page=3')
    const box = document.querySelector('input[aria-label="查询码或关键词"]') as HTMLInputElement
    box.value = ' 7kqm 2xhd '
    box.dispatchEvent(new Event('input'))
    box.dispatchEvent(new Event('change'))
    await settle()
    expect(router.currentRoute.value.query).toEqual({ q: '7kqm 2xhd' })
    expect(lists().at(-1)).toEqual({ q: '7kqm 2xhd', reply: 'OWED', page: '0', size: '50' })
    const all = [...document.querySelectorAll('.el-radio-button')].find((r) => r.textContent?.trim().startsWith('全部'))
    ;(all!.querySelector('input') as HTMLInputElement).click()
    await settle()
    expect(router.currentRoute.value.query).toEqual({ q: '7kqm 2xhd', tab: 'all' })
    expect(lists().at(-1)).toEqual({ q: '7kqm 2xhd', page: '0', size: '50' })
  })

  it('says why the service refused a search (a phone number is not looked up)', async () => {
    await show('/feedback')
    net.answer = () => {
      const url = net.sent[net.sent.length - 1]!.url
      if (url.includes('q=139')) {
        return json(400, { status: 400, title: 'Bad Request', errors: [{ field: 'q', message: 'a run of 5 or more digits that is not a tracking code is refused: q does not look up phone or id numbers' }] },
          'application/problem+json')
      }
      return service()
    }
    await router.replace({ query: { q: '13912345678' } })
    await settle()
    expect(document.querySelector('[role="alert"]')?.textContent).toContain('查询码或关键词：不能按5位以上的连续数字查询')
    expect(codes()).toHaveLength(0)
  })
})

describe('批量合并 in the inbox', () => {
  const target = item(500, { id: 'orig', trackingCode: '7KQM-2XHD-9WTB-R4NC', status: 'TRIAGED', text: '来信反映老旧小区加装电梯审批拖延。' })
  /** The service as above, and the target search and the batch merge (answered by `merged`). */
  const withMerges = (merged: () => Response) => (): Response => {
    const { url, init } = net.sent[net.sent.length - 1]!
    if (url.includes('mergeTarget=true')) return json(200, { items: [target], page: 0, size: 20, total: 1 })
    if (url === '/api/feedback/feedback/merges' && init.method === 'POST') return merged()
    return service()
  }
  const box = (code: string) => document.querySelector(`input[type="checkbox"][aria-label="选择 ${code}"]`)
    ?? document.querySelector(`[aria-label="选择 ${code}"] input`)

  async function pickAndMerge() {
    ;(box('CODE-1') as HTMLElement).click()
    ;(box('CODE-2') as HTMLElement).click()
    await settle()
    expect(document.querySelector('.picked')?.textContent).toContain('已选 2 条')
    const open = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === '合并到…')!
    open.click()
    await settle()
    ;(document.querySelector('.merge-targets .el-select-dropdown__item') as HTMLElement).click()
    await settle()
    const confirm = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === '确认合并')!
    confirm.click()
    await settle()
  }

  it('merges the rows picked into one feedback found in the service, in one request', async () => {
    await show('/feedback')
    net.answer = withMerges(() => json(200, { merged: [] }))
    await pickAndMerge()
    const sent = net.sent.filter((r) => r.url === '/api/feedback/feedback/merges')
    expect(sent).toHaveLength(1)
    expect(JSON.parse(String(sent[0]!.init.body))).toEqual({ into: 'orig', feedback: ['f1', 'f2'] })
    expect(document.querySelector('.picked')).toBeNull()
  })

  it('says which one the service refused, by its code, and merges none', async () => {
    await show('/feedback')
    net.answer = withMerges(() => json(409, { status: 409, title: 'Conflict', detail: 'feedback f2: a MERGED feedback cannot take the step MERGE',
      errors: [{ field: 'feedback[1]', message: '已合并的意见建议不能再合并' }] }, 'application/problem+json'))
    await pickAndMerge()
    expect(document.querySelector('.refused-picks')?.textContent).toContain('CODE-2：已合并的意见建议不能再合并')
    expect(document.querySelector('.picked')?.textContent).toContain('已选 2 条')
  })
})
