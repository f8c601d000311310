// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import type { FeedbackView } from '@/api/feedback'
import type { TaskSnapshot } from '@/api/types'
import FeedbackView_ from '@/views/FeedbackView.vue'
import FeedbackInboxView from '@/views/FeedbackInboxView.vue'
import { json, feedbackScreensApi, network, serveApi } from './recordedNetwork'
import { openFeedbackScreen } from './feedbackScreen'
import { press, settle } from './dialogDom'

// 撤销 of the task a feedback is linked to: the page and the inbox say so, and the handler links anew.
// The services are reached through the real clients; only fetch is replaced, answering by path.
const net = network()
serveApi(feedbackScreensApi(net))

const linked = {
  id: 'f1', version: 4, trackingCode: 'FK7Q2M', publicationId: 'pub1', inspectionId: 'i1', channel: 'WEB', category: 'SUGGESTION',
  status: 'TRIAGED', areaId: 'a1', problemId: 'p3', taskId: 't1', linkCancelledAt: '2025-05-09T01:00:00Z',
  text: '建议公开招商引资奖补资金兑现情况。', anonymous: true, submitterMasked: null, receiptNumber: null,
  receivedAt: '2025-05-06T09:00:00+08:00', replyDueAt: '2099-05-21T09:00:00+08:00', triagedAt: '2025-05-07T09:00:00+08:00',
  answeredAt: null, closedAt: null, answer: null, mergedIntoId: null,
} as FeedbackView
const cancelledTask = {
  id: 't1', areaId: 'a1', problemId: 'p3', areaNumber: 1, problemNumber: 3, number: 2, title: '公开奖补资金兑现情况', responsibleUnit: '招商局',
  cancellation: { reason: '重复导入', by: 'zgb', at: '2025-05-09T01:00:00Z' },
} as unknown as TaskSnapshot
const standingTask = {
  id: 't2', areaId: 'a1', problemId: 'p3', areaNumber: 1, problemNumber: 3, number: 3, title: '建立奖补资金公开制度', responsibleUnit: '财政局',
  cancellation: null,
} as unknown as TaskSnapshot

const area = { id: 'a1', number: 1, title: '优化营商环境', cancellation: null }
const problem = { id: 'p3', areaId: 'a1', number: 3, title: '奖补资金兑现不透明', cancellation: null }

/**
 * Answers each request by its path: the feedback as `shown` with its history `steps`, the ledger, a triage with its new
 * link. The list is `list` (the newest); `linkCancelled=true&status=…` is answered from it and from `older` (beyond the
 * newest 200).
 */
const byPath = (shown: FeedbackView, list: FeedbackView[] = [], older: FeedbackView[] = [], steps: object[] = []) => (): Response => {
  const { url, init } = net.sent[net.sent.length - 1]!
  const path = url.split('?')[0]
  const query = new URLSearchParams(url.split('?')[1] ?? '')
  if (path === '/api/feedback/feedback' && query.get('linkCancelled') === 'true') {
    const found = [...list, ...older].filter((f) => f.linkCancelledAt != null && f.status === query.get('status'))
    const size = Number(query.get('size'))
    return json(200, { items: found.slice(0, size), page: 0, size, total: found.length })
  }
  if (path === '/api/feedback/feedback/f1/triage' && init.method === 'POST') {
    return json(200, { ...shown, version: 5, taskId: 't2', linkCancelledAt: null }, 'application/json', { ETag: '"5"' })
  }
  if (path === '/api/feedback/feedback/f1') return json(200, shown, 'application/json', { ETag: '"4"' })
  if (path === '/api/feedback/feedback/f1/history') return json(200, steps)
  if (path === '/api/feedback/feedback') return json(200, { items: list, page: 0, size: 200, total: list.length })
  if (path === '/api/feedback/publications') return json(200, { items: [], page: 0, size: 200, total: 0 })
  // the ledger a level at a time (LedgerPicker), what stands only; a task by id, cancelled or not
  if (path === '/api/tasks/tasks/t1') return json(200, cancelledTask, 'application/json', { ETag: '"7"' })
  if (path === '/api/tasks/tasks/t2') return json(200, standingTask, 'application/json', { ETag: '"2"' })
  if (path === '/api/tasks/inspections/i1/areas') return json(200, { items: [area], page: 0, size: 200, total: 1 })
  if (path === '/api/tasks/areas/a1/problems') return json(200, { items: [problem], page: 0, size: 200, total: 1 })
  if (path === '/api/tasks/problems/p3/tasks') return json(200, { items: [standingTask], page: 0, size: 200, total: 1 })
  if (path === '/api/reporting/people') return json(200, [{ username: 'zgb', displayName: '王主任' }])
  if (path === '/api/reporting/todos') return json(200, { person: 'bgs', asOf: '2025-05-10', dueSoonDays: 7, count: 0, byKind: {}, items: [] })
  return json(404, { status: 404, title: 'Not Found' }, 'application/problem+json')
}

async function show(component: object, path: string, respond: () => Response) {
  net.answer = respond
  await openFeedbackScreen(component, path)
}

/** The link's picker (LedgerPicker): its input, and a node of its menus by label. */
const picker = () => document.getElementById('triage-task') as HTMLInputElement
const node = (label: string) => [...document.querySelectorAll('.ledger-picker-menu .el-cascader-node')]
  .find((n) => n.querySelector('.el-cascader-node__label')?.textContent?.trim() === label) as HTMLElement

const tagsSaying = (words: string) => [...document.querySelectorAll('.el-tag')].filter((t) => t.textContent?.trim() === words)

describe('a feedback linked to a task the office cancelled', () => {
  it('shows the link greyed with 已撤销, when, by whom and why, and asks to link anew', async () => {
    await show(FeedbackView_, '/feedback/f1', byPath(linked))
    const link = document.querySelector('.cancelled-link .task-link')
    expect(link?.textContent).toBe('（一）3.二是 公开奖补资金兑现情况')
    expect(tagsSaying('已撤销')).toHaveLength(1)
    expect(tagsSaying('已撤销')[0]!.classList).toContain('el-tag--info')
    expect(document.querySelector('.cancelled-line')?.textContent).toContain('撤销：重复导入')
    const hint = document.querySelector('.link-hint')!.textContent!
    expect(hint).toContain('所关联的任务已于 2025年5月9日 09:00 由整改办撤销')
    expect(hint).toContain('请在下方“分办”中重新关联仍有效的整改任务')
    // the task linked is read by id, cancelled or not, so it is named; no list of the first 500 tasks is read
    expect(net.sent.map((r) => r.url)).toContain('/api/tasks/tasks/t1')
    expect(net.sent.some((r) => r.url.startsWith('/api/tasks/tasks?'))).toBe(false)
  })

  it('offers only tasks that stand, starts without the cancelled one chosen, and sends the new link', async () => {
    await show(FeedbackView_, '/feedback/f1', byPath(linked))
    expect(picker().value).toBe('')
    expect(picker().placeholder).toBe('原关联已撤销，请选择仍有效的方面、问题或整改任务')
    picker().click()
    await settle()
    node('（一）优化营商环境').click()
    await settle()
    node('（一）3. 奖补资金兑现不透明').click()
    await settle()
    const offered = [...document.querySelectorAll('.ledger-picker-menu .el-cascader-node__label')].map((l) => l.textContent?.trim())
    expect(offered).toContain('（一）3.三是 建立奖补资金公开制度')
    expect(offered.some((o) => o?.includes('公开奖补资金兑现情况'))).toBe(false)
    node('（一）3.三是 建立奖补资金公开制度').click()
    await settle()
    await press('保存分办')
    const sent = net.sent.filter((r) => r.url.endsWith('/triage'))
    expect(sent).toHaveLength(1)
    expect(JSON.parse(String(sent[0]!.init.body))).toEqual({ category: 'SUGGESTION', taskId: 't2' })
  })

  it('says nothing of it while the link stands, the task linked chosen to begin with', async () => {
    await show(FeedbackView_, '/feedback/f1', byPath({ ...linked, taskId: 't2', linkCancelledAt: null }))
    expect(tagsSaying('已撤销')).toHaveLength(0)
    expect(document.querySelector('.link-hint')).toBeNull()
    expect(picker().value).toBe('（一）3.三是 建立奖补资金公开制度')
  })

  it('names a task an earlier triage linked in the 办理记录, read by id', async () => {
    const triaged = { at: '2025-05-07T09:00:00+08:00', actor: 'bgs', action: 'TRIAGED', detail: 'category SUGGESTION, task t2' }
    await show(FeedbackView_, '/feedback/f1', byPath(linked, [], [], [triaged]))
    expect(net.sent.map((r) => r.url)).toEqual(expect.arrayContaining(['/api/tasks/tasks/t1', '/api/tasks/tasks/t2']))
    expect(document.querySelector('.el-timeline')?.textContent).toContain('关联任务：（一）3.三是 建立奖补资金公开制度')
  })

  it('names the task a triage linked once the page is read again, not 整改任务', async () => {
    // the service as it keeps the feedback: linked anew once triaged
    let current = { ...linked, taskId: null, problemId: null, linkCancelledAt: null } as FeedbackView
    const ledger = byPath(linked)
    await show(FeedbackView_, '/feedback/f1', () => {
      const { url, init } = net.sent[net.sent.length - 1]!
      if (url.endsWith('/triage') && init.method === 'POST') current = { ...linked, version: 5, taskId: 't2', linkCancelledAt: null }
      if (url.split('?')[0] === '/api/feedback/feedback/f1' || url.endsWith('/triage')) {
        return json(200, current, 'application/json', { ETag: `"${current.version}"` })
      }
      return ledger()
    })
    expect(net.sent.some((r) => r.url.startsWith('/api/tasks/tasks/'))).toBe(false)
    await press('保存分办')
    expect(document.querySelector('.task-link')?.textContent).toBe('（一）3.三是 建立奖补资金公开制度')
  })
})

describe('a feedback linked to a problem without a task (the API allows it)', () => {
  const onProblem = { ...linked, taskId: null } as FeedbackView
  const area = { id: 'a1', inspectionId: 'i1', number: 1, title: '落实全面从严治党不到位', cancellation: null }
  const problem = { id: 'p3', inspectionId: 'i1', areaId: 'a1', number: 3, title: '招商奖补资金兑现不透明', cancellation: null }
  const cancellation = { reason: '误录', by: 'zgb', at: '2025-05-09T01:00:00Z' }
  /** The problem and the areas as tasks-service reads them; the rest as above. */
  const withPlan = (p: object, areas: object[]) => (): Response => {
    const path = net.sent[net.sent.length - 1]!.url.split('?')[0]
    if (path === '/api/tasks/problems/p3') return json(200, p)
    if (path === '/api/tasks/inspections/i1/areas') return json(200, { items: areas, page: 0, size: 200, total: areas.length })
    return byPath(onProblem)()
  }
  const labels = () => [...document.querySelectorAll('.el-descriptions__label')].map((l) => l.textContent?.trim())

  it('names the problem under 关联问题 and greys it, not its area, when the problem was cancelled', async () => {
    await show(FeedbackView_, '/feedback/f1', withPlan({ ...problem, cancellation }, [area]))
    expect(labels()).toContain('关联问题')
    expect(labels()).not.toContain('关联方面')
    expect(document.querySelector('.cancelled-link .linked-problem')?.textContent).toBe('招商奖补资金兑现不透明')
    // the link's line names the problem only (the picker below may show the path to it)
    expect(document.querySelector('.el-descriptions')!.textContent).not.toContain('落实全面从严治党不到位')
    expect(tagsSaying('已撤销')).toHaveLength(1)
    expect(document.querySelector('.cancelled-line')?.textContent).toContain('撤销：误录')
    expect(document.querySelector('.link-hint')!.textContent).toContain('所关联的问题已于 2025年5月9日 09:00 由整改办撤销')
  })

  it('greys the area it belongs to when that is what was cancelled, the problem shown as it stands', async () => {
    await show(FeedbackView_, '/feedback/f1', withPlan(problem, [{ ...area, cancellation }]))
    expect(document.querySelector('.linked-problem')?.closest('.cancelled-link')).toBeNull()
    expect(document.querySelector('.cancelled-above')?.textContent?.trim()).toBe('所属方面：落实全面从严治党不到位')
    expect(tagsSaying('已撤销')).toHaveLength(1)
    expect(document.querySelector('.link-hint')!.textContent).toContain('所关联的方面已于')
  })
})

describe('the inbox', () => {
  const answered = { ...linked, id: 'f2', trackingCode: 'AB12CD', status: 'ANSWERED', answeredAt: '2025-05-08T09:00:00+08:00', answer: '已答复' } as FeedbackView
  const standing = { ...linked, id: 'f3', trackingCode: 'EF34GH', taskId: 't2', linkCancelledAt: null } as FeedbackView

  it('tags each feedback linked to what was cancelled, counts those still to be linked anew, and shows only them when asked', async () => {
    await show(FeedbackInboxView, '/feedback', byPath(linked, [linked, answered, standing]))
    // 全部: the answered one is listed too (待答复 leaves it out)
    const all = [...document.querySelectorAll('.el-radio-button')].find((r) => r.textContent?.trim().startsWith('全部'))
    ;(all!.querySelector('input') as HTMLInputElement).click()
    await settle()
    expect(tagsSaying('关联已撤销').filter((t) => t.closest('.relink') === null)).toHaveLength(2)
    expect(document.querySelector('.relink')?.textContent).toContain('1 条意见建议所关联的整改事项已被整改办撤销')
    await press('只看这些')
    const codes = () => [...document.querySelectorAll('.task-link')].map((a) => a.textContent?.trim())
    expect(codes()).toEqual(['FK7Q2M'])
    await press('显示全部')
    expect(codes()).toHaveLength(3)
  })

  it('counts and shows also those older than the newest it lists, asking the service for each status a triage can move', async () => {
    const old = { ...linked, id: 'f4', trackingCode: 'JK56LM', status: 'RECEIVED', receivedAt: '2025-01-06T09:00:00+08:00' } as FeedbackView
    await show(FeedbackInboxView, '/feedback', byPath(linked, [standing], [linked, old]))
    expect(document.querySelector('.relink')?.textContent).toContain('2 条意见建议所关联的整改事项已被整改办撤销')
    const asked = () => net.sent.filter((r) => r.url.includes('linkCancelled=true')).map((r) => new URLSearchParams(r.url.split('?')[1]))
    expect(asked().map((q) => [q.get('status'), q.get('size')])).toEqual([['RECEIVED', '1'], ['TRIAGED', '1']])
    await press('只看这些')
    const codes = () => [...document.querySelectorAll('.task-link')].map((a) => a.textContent?.trim()).sort()
    expect(codes()).toEqual(['FK7Q2M', 'JK56LM'])
    expect(asked().slice(2).map((q) => q.get('size'))).toEqual(['200', '200'])
  })

  it('says so when 只看这些 lists fewer than it counts (at most 200 of each status are read)', async () => {
    const many = Array.from({ length: 201 }, (_, i) =>
      ({ ...linked, id: `m${i}`, trackingCode: `MANY${String(i).padStart(3, '0')}`, status: 'RECEIVED' }) as FeedbackView)
    await show(FeedbackInboxView, '/feedback', byPath(linked, [standing], many))
    expect(document.querySelector('.relink')?.textContent).toContain('201 条意见建议所关联的整改事项已被整改办撤销')
    expect(document.querySelector('.relink')?.textContent).not.toContain('先列出')
    await press('只看这些')
    expect(document.querySelectorAll('.task-link')).toHaveLength(200)
    expect(document.querySelector('.relink')?.textContent).toContain('此处先列出其中 200 条，重新关联后余下的会列在这里。')
  })

  it('says nothing when no link was cancelled', async () => {
    await show(FeedbackInboxView, '/feedback', byPath(linked, [standing]))
    expect(document.querySelector('.relink')).toBeNull()
    expect(tagsSaying('关联已撤销')).toHaveLength(0)
  })
})
