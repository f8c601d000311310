import { describe, expect, it } from 'vitest'
import { HttpClient } from '@/api/http'
import { ApiError } from '@/api/problem'
import { allDeadLetters, DeadLettersApi, positionOf, type DeadLetter } from '@/api/deadLetters'

function letter(id: number, receivedAt: string, eventType: string | null = 'FeedbackEscalated'): DeadLetter {
  return {
    id, consumer: 'tasks-service.feedback-escalations', topic: 'rectification.feedback.v1', partition: 1, offset: 12,
    eventId: 'e1', eventType, reason: 'not applied: FeedbackEscalated has no data object', payload: '{}', payloadBytes: 2, receivedAt,
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

  it('names where a message lay as the logs do', () => {
    expect(positionOf({ topic: 'rectification.tasks.v1', partition: 2, offset: 71 })).toBe('rectification.tasks.v1-2@71')
  })
})
