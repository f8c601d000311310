import { describe, expect, it } from 'vitest'
import {
  actorName, cancelledLinkHint, INBOX_COLUMNS, contactLine, historyDetail, INBOX_TABS, inboxTab, mergeNamed, needsRelink, receivedText, RELINKABLE, replyDueText, stepsAllowed,
  triagedTaskIds, urgencyTag,
} from '@/feedbackInbox'
import type { FeedbackView } from '@/api/feedback'

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
  it('tags a reply as the service judged it (replyUrgency): 已超期 red, 即将到期 orange, nothing else', () => {
    expect(urgencyTag(feedback('a', { replyUrgency: 'OVERDUE' }))).toEqual({ label: '已超期', type: 'danger' })
    expect(urgencyTag(feedback('b', { replyUrgency: 'DUE_SOON' }))).toEqual({ label: '即将到期', type: 'warning' })
    expect(urgencyTag(feedback('c', { replyUrgency: 'NEW' }))).toBeNull()
    expect(urgencyTag(feedback('d', { replyUrgency: null, status: 'ANSWERED' }))).toBeNull()
    // the console computes nothing of the rule: a date long past without the service's word is not called overdue
    expect(urgencyTag(feedback('e', { replyDueAt: '2000-01-01T00:00:00Z' }))).toBeNull()
  })

  it('reads the tab from the address, 待答复 for none or one not known, and asks the service for its filter', () => {
    expect(inboxTab(undefined)).toBe('todo')
    expect(inboxTab('overdue')).toBe('overdue')
    expect(inboxTab('later')).toBe('todo')
    expect(INBOX_TABS.map((t) => t.reply)).toEqual(['OWED', 'OVERDUE', 'DUE_SOON', 'NEW', undefined])
    // an escalated feedback can still be answered from its page, as feedback-service allows
    expect(stepsAllowed('ESCALATED')).toEqual(['answer', 'close'])
    expect(stepsAllowed('ESCALATION_REFUSED')).toEqual(['answer', 'escalate', 'close'])
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

describe('a link to what the office cancelled (撤销)', () => {
  const cancelledAt = '2025-11-10T01:00:00Z' // 9:00 in Beijing

  it('asks to link anew only while a triage can move the link', () => {
    expect(needsRelink(feedback('a', { status: 'TRIAGED', taskId: 't', linkCancelledAt: cancelledAt }))).toBe(true)
    expect(needsRelink(feedback('b', { status: 'RECEIVED', areaId: 'x', linkCancelledAt: cancelledAt }))).toBe(true)
    expect(needsRelink(feedback('c', { status: 'ANSWERED', taskId: 't', linkCancelledAt: cancelledAt }))).toBe(false)
    expect(needsRelink(feedback('d', { status: 'TRIAGED', taskId: 't', linkCancelledAt: null }))).toBe(false)
    expect(needsRelink(feedback('e', { status: 'TRIAGED', taskId: 't' }))).toBe(false)
    // the statuses the inbox asks the service for (linkCancelled=true&status=…), one request each
    expect(RELINKABLE).toEqual(['RECEIVED', 'TRIAGED'])
  })

  it('says what was cancelled and when, and what the handler does next; nothing while it stands', () => {
    const open = cancelledLinkHint(feedback('a', { status: 'TRIAGED', areaId: 'x', problemId: 'p', taskId: 't', linkCancelledAt: cancelledAt }))
    expect(open).toMatch(/^所关联的任务已于 2025年11月10日 09:00 由整改办撤销，关联保留但已不再有效。请在下方“分办”中重新关联仍有效的整改任务。/)
    expect(open).toContain('群众凭查询码查询时看到')
    expect(cancelledLinkHint(feedback('b', { status: 'RECEIVED', areaId: 'x', linkCancelledAt: cancelledAt }))).toMatch(/^所关联的方面已于/)
    const done = cancelledLinkHint(feedback('c', { status: 'ANSWERED', problemId: 'p', areaId: 'x', linkCancelledAt: cancelledAt }))
    expect(done).toMatch(/^所关联的问题已于 .* 由整改办撤销，关联保留但已不再有效；本条已答复，不能再改关联。$/)
    expect(cancelledLinkHint(feedback('d', { status: 'TRIAGED', taskId: 't', linkCancelledAt: null }))).toBeNull()
  })
})

describe('the history of a feedback', () => {
  it('says the service\'s details in Chinese and nothing of a look at personal data', () => {
    expect(historyDetail('RECEIVED', 'received on the web form (WEB)')).toBe('渠道：网上')
    // the linked task by its title; one the page does not know is left out (it read "关联任务" and nothing after)
    expect(historyDetail('TRIAGED', 'category SUGGESTION, task 3f2', { task: (id) => (id === '3f2' ? '建立欠款台账' : undefined) }))
      .toBe('类别：建议；关联任务：建立欠款台账')
    expect(historyDetail('TRIAGED', 'category SUGGESTION, task 9a1', { task: () => undefined })).toBe('类别：建议')
    expect(historyDetail('TRIAGED', 'category SUGGESTION, task 3f2')).toBe('类别：建议')
    expect(historyDetail('ANSWERED', 'answer published (25 characters)')).toBe('答复 25 字')
    expect(historyDetail('PERSONAL_DATA_VIEWED', 'full contact details shown')).toBe('')
    expect(historyDetail('CLOSED', '重复反映，已合并答复')).toBe('重复反映，已合并答复')
    expect(historyDetail('CLOSED', null)).toBe('')
    // tasks-service's answers to an escalation, never an id or the service's English
    expect(historyDetail('BECAME_PROBLEM', 'registered by tasks-service as problem 12d9aa64-0000-4000-8000-000000000000')).toBe('')
    expect(historyDetail('ESCALATION_REFUSED', 'tasks-service refused the escalation: area 3 is not of this inspection'))
      .toBe('原因：area 3 is not of this inspection')
    expect(historyDetail('DUPLICATE_MERGED_IN', 'feedback 9a1 merged into this one')).toBe('')
    // a merge's entries name the other by its tracking code (since they hold it); one written before says its label alone
    expect(mergeNamed({ action: 'DUPLICATE_MERGED_IN', detail: 'feedback 9a1 (7KQM-2XHD-9WTB-R4NC) merged into this one' }))
      .toEqual({ id: '9a1', code: '7KQM-2XHD-9WTB-R4NC', label: '并入了重复件' })
    expect(mergeNamed({ action: 'MERGED', detail: 'into 9a1 (7KQM-2XHD-9WTB-R4NC)' })).toEqual({ id: '9a1', code: '7KQM-2XHD-9WTB-R4NC', label: '合并到' })
    expect(mergeNamed({ action: 'DUPLICATE_MERGED_IN', detail: 'feedback 9a1 merged into this one' })).toBeNull()
    expect(mergeNamed({ action: 'CLOSED', detail: 'into 9a1 (7KQM-2XHD-9WTB-R4NC)' })).toBeNull()
  })
})

describe('who and when, in the 办理记录 and the overview', () => {
  const names = new Map([['xinfang', '王主任（信访）']])
  const nameOf = (username: string) => names.get(username) ?? null

  it('names people as the console does elsewhere, and the public as such, never by a sign-in name', () => {
    expect(actorName('xinfang', nameOf)).toBe('王主任（信访）')
    expect(actorName('public', nameOf)).toBe('公众提交')
    expect(actorName('dzb', nameOf)).toBe('dzb') // not in the directory (yet): the username, as elsewhere
  })

  it('shows only the day of a call registered without its time, not a call at midnight', () => {
    // the view's flag decides, not the hour: 00:00 in Beijing is still the 4th in UTC
    expect(receivedText({ receivedAt: '2026-12-04T16:00:00Z', receivedTimeGiven: false })).toBe('2026年12月5日（未记录时间）')
    expect(receivedText({ receivedAt: '2026-12-04T16:00:00Z', receivedTimeGiven: true })).toBe('2026年12月5日 00:00')
    expect(receivedText({ receivedAt: '2026-12-05T02:30:00Z', receivedTimeGiven: true })).toBe('2026年12月5日 10:30')
    expect(receivedText({ receivedAt: '2026-12-05T02:30:00Z' })).toBe('2026年12月5日 10:30')
    expect(historyDetail('RECEIVED', 'recorded by staff, received on 2026-12-05')).toBe('工作人员登记，收到于 2026年12月5日（未记录时间）')
    expect(historyDetail('RECEIVED', 'recorded by staff, received on 2026-12-05 at 10:30:00')).toBe('工作人员登记，收到于 2026年12月5日 10:30')
  })

  it("shows the inbox's 收到 of a letter registered without its time as its day alone, as the page does", () => {
    const received = INBOX_COLUMNS.find((c) => c.key === 'receivedAt')!
    expect(received.text!({ receivedAt: '2026-12-04T16:00:00Z', receivedTimeGiven: false } as FeedbackView, 0)).toBe('2026年12月5日（未记录时间）')
    expect(received.text!({ receivedAt: '2026-12-05T02:30:00Z', receivedTimeGiven: true } as FeedbackView, 0)).toBe('2026年12月5日 10:30')
  })
})

describe('the reply deadline (答复期限)', () => {
  // a day, though kept as an instant: overdue only from the day after (feedback-service's ReplyRule), as the
  // public's tracking page and the notices say it; a time beside it read as due by that hour
  it('is shown as its day in Beijing, on the page and in the inbox alike, whatever hour the receipt gave it', () => {
    const due = INBOX_COLUMNS.find((c) => c.key === 'replyDueAt')!
    const registeredWithoutTime = feedback('a', { receivedAt: '2026-12-04T16:00:00Z', receivedTimeGiven: false, replyDueAt: '2026-12-19T16:00:00Z' })
    expect(replyDueText(registeredWithoutTime)).toBe('2026年12月20日')
    expect(due.text!(registeredWithoutTime, 0)).toBe('2026年12月20日')
    const submittedAt = feedback('b', { receivedAt: '2026-12-05T06:05:00Z', replyDueAt: '2026-12-20T06:05:00Z' })
    expect(due.text!(submittedAt, 0)).toBe('2026年12月20日')
    expect(due.text!(feedback('c', { replyDueAt: null }), 0)).toBe('—')
  })
})

describe('the tasks a history names', () => {
  it('are those its triages linked, each once, read by id to name them (not found in a list of the first 500)', () => {
    expect(triagedTaskIds([
      { action: 'TRIAGED', detail: 'category SUGGESTION, task t7' },
      { action: 'ANSWERED', detail: 'task t9' },
      { action: 'TRIAGED', detail: 'problem p3' },
      { action: 'TRIAGED', detail: 'task t8' },
      { action: 'TRIAGED', detail: 'task t7' },
      { action: 'TRIAGED', detail: null },
    ])).toEqual(['t7', 't8'])
  })
})
