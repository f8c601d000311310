import { describe, expect, it } from 'vitest'
import { HttpClient } from '@/api/http'
import { ApiError } from '@/api/problem'
import {
  allDeadLetters, DeadLettersApi, positionOf, replayRefusal, resolutionOf, resolutionText, type DeadLetter,
} from '@/api/deadLetters'

function letter(id: number, receivedAt: string, eventType: string | null = 'FeedbackEscalated'): DeadLetter {
  return {
    id, consumer: 'tasks-service.feedback-escalations', topic: 'rectification.feedback.v1', partition: 1, offset: 12,
    eventId: 'e1', eventType, reason: 'not applied: FeedbackEscalated has no data object', payload: '{}', payloadBytes: 2, receivedAt,
    attempts: 1, resolution: null,
  }
}

/** A service's client answering with `body` (or failing with `status`), recording the addresses asked. */
function service(base: string, asked: string[], body: DeadLetter[] | null, status = 200): DeadLettersApi {
  return new DeadLettersApi(new HttpClient(base, async () => 'T0K', async (input) => {
    asked.push(String(input))
    return body === null
      ? new Response(JSON.stringify({ title: 'Service unavailable', status }), { status, headers: { 'Content-Type': 'application/problem+json' } })
      : new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
  }))
}

describe('死信', () => {
  it('shows every service\'s dead letters in one list, each named by its service, newest first across them', async () => {
    const asked: string[] = []
    const all = await allDeadLetters({
      tasks: service('/api/tasks', asked, [letter(2, '2026-12-05T08:40:00Z')]),
      // the same instant written with another offset sorts by the instant, not the text
      feedback: service('/api/feedback', asked, [letter(7, '2026-12-05T16:39:30+08:00', 'ProblemRegistered')]),
      reporting: service('/api/reporting', asked, [letter(9, '2026-12-05T08:39:00Z'), letter(8, '2026-12-05T08:39:00Z')]),
    }, 100)

    expect(asked.sort()).toEqual(['/api/feedback/dead-letters?limit=100', '/api/reporting/dead-letters?limit=100',
      '/api/tasks/dead-letters?limit=100'])
    expect(all.letters.map((l) => `${l.service}#${l.id}`)).toEqual(['tasks#2', 'feedback#7', 'reporting#9', 'reporting#8'])
    expect(all.failed).toEqual([])
  })

  it('says which service could not be asked, and still shows the others', async () => {
    const asked: string[] = []
    const all = await allDeadLetters({
      tasks: service('/api/tasks', asked, null, 503),
      feedback: service('/api/feedback', asked, []),
      reporting: service('/api/reporting', asked, [letter(1, '2026-12-05T08:39:00Z')]),
    }, 50)

    expect(all.letters.map((l) => l.service)).toEqual(['reporting'])
    expect(all.failed.map((f) => f.service)).toEqual(['tasks'])
    expect(all.failed[0]?.error).toBeInstanceOf(ApiError)
  })

  it('fetches a dead letter\'s message as the bytes the service kept', async () => {
    const asked: string[] = []
    const api = new DeadLettersApi(new HttpClient('/api/tasks', async () => 'T0K', async (input) => {
      asked.push(String(input))
      return new Response(new Uint8Array([0, 0xc3, 0x28]), { status: 200, headers: { 'Content-Type': 'application/octet-stream' } })
    }))
    const download = await api.payload(42)
    expect(asked).toEqual(['/api/tasks/dead-letters/42/payload'])
    expect(new Uint8Array(await download.blob.arrayBuffer())).toEqual(new Uint8Array([0, 0xc3, 0x28]))
  })

  it('asks each service for the dead letters of one state', async () => {
    const asked: string[] = []
    await allDeadLetters({
      tasks: service('/api/tasks', asked, []),
      feedback: service('/api/feedback', asked, []),
      reporting: service('/api/reporting', asked, []),
    }, 100, 'RESOLVED')
    expect(asked.sort()).toEqual(['/api/feedback/dead-letters?limit=100&state=RESOLVED',
      '/api/reporting/dead-letters?limit=100&state=RESOLVED', '/api/tasks/dead-letters?limit=100&state=RESOLVED'])
  })

  it('replays a dead letter and dismisses one with its reason, each at its service', async () => {
    const sent: { url: string; method?: string; body?: unknown }[] = []
    const api = new DeadLettersApi(new HttpClient('/api/reporting', async () => 'T0K', async (input, init) => {
      sent.push({ url: String(input), method: init?.method, body: init?.body === undefined ? undefined : JSON.parse(String(init.body)) })
      return new Response(JSON.stringify(letter(7, '2026-12-05T08:39:00Z')), { status: 200, headers: { 'Content-Type': 'application/json' } })
    }))
    await api.replay(7)
    await api.dismiss(8, '联调测试消息')
    expect(sent).toEqual([
      { url: '/api/reporting/dead-letters/7/replay', method: 'POST', body: undefined },
      { url: '/api/reporting/dead-letters/8/dismissal', method: 'POST', body: { reason: '联调测试消息' } },
    ])
  })

  it('says what became of a dead letter: who resolved it how and when, or how often it was tried', () => {
    const open = letter(1, '2026-12-05T08:39:00Z')
    expect(resolutionOf(open)).toEqual({ label: '未处理', detail: '' })
    expect(resolutionText({ ...open, attempts: 3 })).toBe('未处理（已尝试 3 次）')
    expect(resolutionText({ ...open, resolution: { outcome: 'REPLAYED', at: '2026-12-05T08:40:00Z', by: 'ops-li', reason: null } }))
      .toBe('已重新处理（ops-li · 2026年12月5日 16:40）')
    expect(resolutionOf({ ...open, resolution: { outcome: 'DISMISSED', at: '2026-12-05T08:40:00+00:00', by: 'ops-li', reason: '测试' } }).label)
      .toBe('已忽略')
  })

  it('gives the service\'s own reason when a replay fails again or is not tried', () => {
    const failed = new ApiError({ status: 422, title: 'Still not applicable', detail: 'dead letter 7 was replayed and failed again (2 attempts); it stays open: not applied: x' })
    expect(replayRefusal(failed)).toBe('仍无法应用，保持未处理：dead letter 7 was replayed and failed again (2 attempts); it stays open: not applied: x')
    expect(replayRefusal(new ApiError({ status: 409, title: 'Conflict', detail: 'dead letter 7 was already resolved' })))
      .toBe('未重新处理：dead letter 7 was already resolved')
    expect(replayRefusal(new ApiError({ status: 403, title: 'Forbidden' }))).toBe('您没有执行此操作的权限')
  })

  it('names where a message lay as the logs do', () => {
    expect(positionOf({ topic: 'rectification.tasks.v1', partition: 2, offset: 71 })).toBe('rectification.tasks.v1-2@71')
  })
})
