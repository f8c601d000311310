import { describe, expect, it } from 'vitest'
import { HttpClient } from '@/api/http'
import { ApiError, describe as say, failureOf } from '@/api/problem'
import { SubmissionKey } from '@/api/submissionKey'

// A create's Idempotency-Key: sent again while the first request's outcome is open (no answer, a 5xx, the
// service still at it), so the service answers the retry as the first; renewed by any other answer.
describe('SubmissionKey', () => {
  const answering = (answers: (() => Response)[], sent: RequestInit[]): typeof fetch => async (_input, init) => {
    sent.push(init ?? {})
    return answers.shift()!()
  }
  const problem = (status: number, body: object = {}) =>
    () => new Response(JSON.stringify({ status, ...body }), { status, headers: { 'Content-Type': 'application/problem+json' } })
  const created = () => new Response('{"id":"t1"}', { status: 201, headers: { 'Content-Type': 'application/json' } })
  const lost = () => { throw new TypeError('Failed to fetch') }
  const keyOf = (init: RequestInit | undefined) => (init?.headers as Record<string, string>)['Idempotency-Key']

  /** The keys of two attempts of one create after the first is answered so. */
  async function keysAfter(first: () => Response): Promise<[string | undefined, string | undefined]> {
    const sent: RequestInit[] = []
    const client = new HttpClient('/api/tasks', async () => 'T0K', answering([first, created], sent))
    const key = new SubmissionKey()
    await client.request('POST', '/problems/p1/tasks', { body: { title: '任务' }, key }).catch(() => undefined)
    await client.request('POST', '/problems/p1/tasks', { body: { title: '任务' }, key })
    return [keyOf(sent[0]), keyOf(sent[1])]
  }

  it('is the same on the retry of a create whose outcome is open', async () => {
    for (const first of [lost, problem(502), problem(503), problem(429), problem(409, { idempotency: 'IN_PROGRESS' })]) {
      const [once, again] = await keysAfter(first)
      expect(once).toMatch(/^[0-9a-f-]{32,36}$/)
      expect(again).toBe(once)
    }
  })

  it('is new once the service has answered: a success, a refusal of the request, a 409 of another kind', async () => {
    for (const first of [created, problem(400, { errors: [{ field: 'title', message: 'must not be blank' }] }),
      problem(409, { detail: 'task is closed out' }), problem(409, { idempotency: 'OUTCOME_UNKNOWN' }),
      problem(422, { idempotency: 'OTHER_REQUEST' })]) {
      const [once, again] = await keysAfter(first)
      expect(again).not.toBe(once)
    }
  })

  it('is sent only with the request given it', async () => {
    const sent: RequestInit[] = []
    await new HttpClient('', async () => 't', answering([created], sent)).request('POST', '/tasks/t1/start', { ifMatch: 1 })
    expect(sent[0]?.headers).not.toHaveProperty('Idempotency-Key')
  })

  it('says what became of the first request, and marks no field for the key', () => {
    const running = new ApiError({ status: 409, idempotency: 'IN_PROGRESS', errors: [{ field: 'Idempotency-Key', message: 'a request with this key is still being processed; retry once it has been answered' }] })
    const reused = new ApiError({ status: 422, idempotency: 'OTHER_REQUEST', errors: [{ field: 'Idempotency-Key', message: 'was sent before with another request; send a new key for a new request' }] })
    const unknown = new ApiError({ status: 409, idempotency: 'OUTCOME_UNKNOWN' })
    expect(say(running)).toBe('上一次提交仍在处理中，请稍候几秒再提交')
    expect(say(unknown)).toMatch(/^上一次提交未得到答复，无法确定是否已保存/)
    expect(failureOf(reused)).toEqual({ fields: {}, conflict: false, message: say(reused) })
    expect(failureOf(reused).message).toMatch(/可能已经保存/)
  })
})
