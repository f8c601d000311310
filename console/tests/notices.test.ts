import { describe, expect, it, vi } from 'vitest'
import { HttpClient } from '@/api/http'
import { changed, choiceOf, NoticesApi, switchesOf, type NoticePreferences } from '@/api/notices'

function officerPreferences(): NoticePreferences {
  return {
    digest: true,
    notices: { CLAIM_TO_VERIFY: true, COMPLETION_REJECTED: true, TASK_OVERDUE: false, TASK_REOPENED: true, TASK_CLOSED_OUT: true, DEADLINE_CHANGED: true, DEADLINE_EXTENSION_REFUSED: true, FEEDBACK_REPLY_DUE_SOON: true, FEEDBACK_REPLY_OVERDUE: true },
    labels: { CLAIM_TO_VERIFY: '销号申请待核验', COMPLETION_REJECTED: '销号申请被退回', TASK_OVERDUE: '任务逾期', TASK_REOPENED: '“回头看”后再整改', TASK_CLOSED_OUT: '任务销号', DEADLINE_CHANGED: '完成时限调整', DEADLINE_EXTENSION_REFUSED: '延期申请未获同意', FEEDBACK_REPLY_DUE_SOON: '群众反映答复临近期限', FEEDBACK_REPLY_OVERDUE: '群众反映答复逾期' },
    applicable: ['COMPLETION_REJECTED', 'TASK_OVERDUE'],
    digestAt: '08:30',
  }
}

describe('通知设置', () => {
  it('shows a switch only for the notices that can reach the person, in the service\'s order', () => {
    expect(switchesOf(officerPreferences())).toEqual([
      { kind: 'COMPLETION_REJECTED', label: '销号申请被退回' },
      { kind: 'TASK_OVERDUE', label: '任务逾期' },
    ])
    expect(switchesOf({ ...officerPreferences(), applicable: [] })).toEqual([])
  })

  it('edits a copy and knows when it differs from what was saved', () => {
    const saved = officerPreferences()
    const choice = choiceOf(saved)
    expect(changed(saved, choice)).toBe(false)
    choice.notices.TASK_OVERDUE = true
    expect(changed(saved, choice)).toBe(true)
    expect(saved.notices.TASK_OVERDUE).toBe(false)
    const digestOff = choiceOf(saved)
    digestOff.digest = false
    expect(changed(saved, digestOff)).toBe(true)
  })

  it('saves the digest and every switch, nothing read-only', async () => {
    const fetchImpl = vi.fn(async () => new Response(JSON.stringify(officerPreferences()), { status: 200, headers: { 'Content-Type': 'application/json' } }))
    const api = new NoticesApi(new HttpClient('/api/reporting', async () => 'token', fetchImpl as unknown as typeof fetch))
    const choice = choiceOf(officerPreferences())
    choice.digest = false
    await api.save(choice)
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/reporting/me/notice-preferences')
    expect(init.method).toBe('PUT')
    expect(JSON.parse(init.body as string)).toEqual({ digest: false, notices: choice.notices })
  })
})
