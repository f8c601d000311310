// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import type { FeedbackView } from '@/api/feedback'
import type { TaskSnapshot } from '@/api/types'
import FeedbackView_ from '@/views/FeedbackView.vue'
import { json, feedbackScreensApi, network, serveApi } from './recordedNetwork'
import { openFeedbackScreen } from './feedbackScreen'
import { press, settle, type } from './dialogDom'

// The feedback page talks to the services through the real clients; only fetch is replaced, and it
// answers each request by its path, so what is asserted is what would leave the browser.
const net = network()
serveApi(feedbackScreensApi(net))

const feedback = {
  id: 'f1', version: 4, trackingCode: 'FK7Q2M', publicationId: 'pub1', inspectionId: 'i1', channel: 'WEB', category: 'SUGGESTION',
  status: 'TRIAGED', areaId: 'a1', problemId: null, taskId: 't1', text: '建议公开招商引资奖补资金兑现情况。', anonymous: true,
  submitterMasked: null, receiptNumber: null, receivedAt: '2025-05-06T09:00:00+08:00', replyDueAt: '2099-05-21T09:00:00+08:00',
  triagedAt: '2025-05-07T09:00:00+08:00', answeredAt: null, closedAt: null, answer: null, mergedIntoId: null,
} as FeedbackView
const task = {
  id: 't1', areaId: 'a1', problemId: 'p3', areaNumber: 1, problemNumber: 3, number: 2, title: '公开奖补资金兑现情况', responsibleUnit: '招商局',
} as unknown as TaskSnapshot
const ANSWER = '已在管委会网站公开2024年度奖补资金兑现情况。\n今后每季度更新一次。'

/**
 * Answers each request by its path, the feedback as `shown`; a POST of the answer with it answered, or with
 * `refusal` (feedback-service's 400) when one is given.
 */
const answerByPath = (shown: FeedbackView, refusal?: object) => (): Response => {
  const { url, init } = net.sent[net.sent.length - 1]!
  const path = url.split('?')[0]
  if (path === '/api/feedback/feedback/f1/answer' && init.method === 'POST') {
    if (refusal !== undefined) return json(400, refusal, 'application/problem+json')
    return json(200, { ...shown, version: 5, status: 'ANSWERED', answer: ANSWER }, 'application/json', { ETag: '"5"' })
  }
  if (path === '/api/feedback/feedback/f1') return json(200, shown, 'application/json', { ETag: '"4"' })
  if (path === '/api/feedback/feedback/f1/history') return json(200, [])
  if (path === '/api/feedback/feedback') return json(200, { items: [], page: 0, size: 200, total: 0 })
  if (path === '/api/tasks/tasks/t1') return json(200, task, 'application/json', { ETag: '"2"' })
  if (path === '/api/tasks/inspections/i1/areas') return json(200, { items: [], page: 0, size: 200, total: 0 })
  if (path === '/api/reporting/people') return json(200, [])
  if (path === '/api/reporting/todos') return json(200, { person: 'bgs', asOf: '2025-05-08', dueSoonDays: 7, count: 0, byKind: {}, items: [] })
  return json(404, { status: 404, title: 'Not Found' }, 'application/problem+json')
}

/** The page of feedback f1 as the office (coordinator) sees it, with the answer typed. */
async function showAndType(text: string, shown: FeedbackView = feedback, refusal?: object, respond?: () => Response) {
  net.answer = respond ?? answerByPath(shown, refusal)
  await openFeedbackScreen(FeedbackView_, '/feedback/f1')
  type('answer-text', text)
  await settle()
}

/** Presses a button of the confirmation (the page has buttons of the same words elsewhere). */
async function pressIn(box: Element, label: string) {
  const button = [...box.querySelectorAll('button')].find((b) => b.textContent?.trim() === label)
  if (button === undefined) throw new Error(`no button ${label} in the confirmation`)
  button.click()
  await settle()
}

const answersSent = () => net.sent.filter((r) => r.url.endsWith('/answer'))
const confirmation = () => document.querySelector('.el-message-box')

describe('publishing an answer to a feedback', () => {
  it('asks first, showing the text as it will be published and that it will be public; 取消 sends nothing', async () => {
    await showAndType(ANSWER)
    await press('发布答复')
    const box = confirmation()
    expect(box).not.toBeNull()
    expect(box!.textContent).toContain('将公开显示在群众的查询页面上')
    expect(box!.querySelector('.published-answer')?.textContent).toBe(ANSWER)
    await pressIn(box!, '取消')
    expect(answersSent()).toHaveLength(0)
    expect((document.getElementById('answer-text') as HTMLTextAreaElement).value).toBe(ANSWER)
  })

  it('publishes once 发布 is confirmed: one request, with the text and the version read', async () => {
    await showAndType(ANSWER)
    await press('发布答复')
    await pressIn(confirmation()!, '发布')
    expect(answersSent()).toHaveLength(1)
    const [request] = answersSent()
    expect(request!.init.method).toBe('POST')
    expect(request!.init.headers).toMatchObject({ 'If-Match': '"4"' })
    expect(JSON.parse(String(request!.init.body))).toEqual({ answer: ANSWER })
  })

  it('says that an update replaces the answer already public', async () => {
    await showAndType(ANSWER, { ...feedback, status: 'ANSWERED', answer: '正在核实。', answeredAt: '2025-05-08T09:00:00+08:00' })
    await press('更新答复')
    expect(confirmation()!.textContent).toContain('将替换已公开的答复')
    await pressIn(confirmation()!, '取消')
    expect(answersSent()).toHaveLength(0)
  })

  it('shows a revised answer with the first answer\'s time and the revision\'s, and each answer published in 办理记录', async () => {
    const revised = {
      ...feedback, status: 'ANSWERED', answer: '经核查，已于5月20日公开。', answeredAt: '2025-05-08T09:00:00+08:00',
      answerRevisedAt: '2025-05-20T10:00:00+08:00',
    } as FeedbackView
    const history = [
      { at: '2025-05-08T09:00:00+08:00', actor: 'bgs', action: 'ANSWERED', detail: 'answer published (9 characters)', answer: '正在核实，十日内答复。' },
      { at: '2025-05-20T10:00:00+08:00', actor: 'bgs', action: 'ANSWER_REVISED', detail: 'published answer replaced (12 characters)', answer: '经核查，已于5月20日公开。' },
    ]
    const byPath = answerByPath(revised)
    await showAndType('', revised, undefined, () => {
      const { url } = net.sent[net.sent.length - 1]!
      return url.split('?')[0] === '/api/feedback/feedback/f1/history' ? json(200, history) : byPath()
    })
    const shown = document.querySelector('.answer')!.textContent!
    expect(shown).toContain('首次答复 ')
    expect(shown).toMatch(/首次答复 .*5月8日.*，.*5月20日.* 更新；历次答复见办理记录/)
    const kept = [...document.querySelectorAll('.history-answer')].map((p) => p.textContent)
    expect(kept).toEqual(['正在核实，十日内答复。', '经核查，已于5月20日公开。'])
    expect(document.body.textContent).toContain('更新答复：答复 12 字')
  })

  it('names the linked task by the plan\'s numbering, as the notices do', async () => {
    await showAndType('')
    expect(document.querySelector('.task-link')?.textContent).toBe('（一）3.二是 公开奖补资金兑现情况')
  })

  // feedback-service's refusals (handling.PublishedText, PublishedTextTest holds the words): the kinds found, never the values
  const refusedFor = (...messages: string[]) => ({
    type: '/problems/invalid-request', title: 'Invalid request', status: 400, instance: '/feedback/f1/answer',
    detail: messages.map((m) => `answer: ${m}`).join('; '), errors: messages.map((message) => ({ field: 'answer', message })),
  })
  const fieldError = () => document.querySelector('.el-form-item__error')?.textContent?.trim()

  it("says at the answer field, in Chinese, that it holds someone's mobile or e-mail, and what may be given instead", async () => {
    const typed = '该问题与王小明（13812345678，wxm@example.com）反映的路灯问题相同，已合并办理。'
    await showAndType(typed, feedback, refusedFor("contains personal contact data (a mobile number, an e-mail address); an answer "
      + "is published and may hold no one's: for a number to call, give an office's landline with its area code (0411-12345678) "
      + 'or a hotline (12345, 12388)'))
    await press('发布答复')
    await pressIn(confirmation()!, '发布')
    expect(fieldError()).toBe('答复中含有手机号码、电子邮箱，公开答复不得含个人信息；如需留联系电话，请使用单位办公电话或服务热线')
    expect(document.body.textContent).toMatch(/请修改“[^”]*答复[^”]*”：见各字段下方的提示/)
    expect(document.body.textContent).not.toContain('contains personal')
    expect((document.getElementById('answer-text') as HTMLTextAreaElement).value).toBe(typed)
  })

  it("says so when the answer repeats the submitter's own details, and both when it holds both", async () => {
    await showAndType('欧阳娜娜同志：请回电，或发邮件至wxm@example.com。', feedback, refusedFor(
      "repeats the submitter's name, phone as given with the feedback; an answer is published, so write it without them",
      "contains personal contact data (an e-mail address); an answer is published and may hold no one's: for a number to call, "
      + "give an office's landline with its area code (0411-12345678) or a hotline (12345, 12388)"))
    await press('发布答复')
    await pressIn(confirmation()!, '发布')
    expect(fieldError()).toBe('答复中含有提出人的姓名、电话等个人信息，请删除后再发布；'
      + '答复中含有电子邮箱，公开答复不得含个人信息；如需留联系电话，请使用单位办公电话或服务热线')
    expect(document.body.textContent).not.toContain('填写的内容不符合要求')
  })
})
