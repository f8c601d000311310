import { describe, expect, it } from 'vitest'
import { filenameOf, HttpClient, unquote } from '@/api/http'
import { ApiError, ConcurrentChangeError } from '@/api/problem'
import { TasksApi } from '@/api/tasks'

interface Sent { url: string; init: RequestInit }

/** A fetch that records what is sent and answers with the given Response. */
function answering(response: () => Response, sent: Sent[]): typeof fetch {
  return async (input, init) => {
    sent.push({ url: String(input), init: init ?? {} })
    return response()
  }
}

const problem = (status: number, body: object) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/problem+json' } })

describe('HttpClient', () => {
  it('sends the bearer token, the language, If-Match quoted and a JSON body; reads the ETag', async () => {
    const sent: Sent[] = []
    const client = new HttpClient('/api/tasks', async () => 'T0K', answering(
      () => new Response('{"id":"t1","version":5}', { status: 200, headers: { ETag: '"5"', 'Content-Type': 'application/json' } }), sent))
    const answer = await client.request<{ id: string }>('POST', '/tasks/t1/progress-reports', { body: { text: '进展' }, ifMatch: 4 })
    expect(answer).toEqual({ body: { id: 't1', version: 5 }, etag: '5' })
    expect(sent[0]?.url).toBe('/api/tasks/tasks/t1/progress-reports')
    expect(sent[0]?.init.headers).toMatchObject({
      Authorization: 'Bearer T0K', 'If-Match': '"4"', 'Content-Type': 'application/json', 'Accept-Language': 'zh-CN',
    })
    expect(sent[0]?.init.body).toBe('{"text":"进展"}')
  })

  it('sends no Authorization without a token and leaves out empty query values', async () => {
    const sent: Sent[] = []
    const client = new HttpClient('/api/tasks', async () => null, answering(() => new Response('[]', { status: 200 }), sent))
    await client.request('GET', '/tasks', { query: { unit: '党政办公室', state: undefined, inspectionId: '', size: 200 } })
    expect(sent[0]?.url).toBe('/api/tasks/tasks?unit=%E5%85%9A%E6%94%BF%E5%8A%9E%E5%85%AC%E5%AE%A4&size=200')
    expect(sent[0]?.init.headers).not.toHaveProperty('Authorization')
  })

  it('throws ConcurrentChangeError on 412 and ApiError with field errors on 400', async () => {
    const stale = new HttpClient('', async () => 't', answering(() => problem(412, { status: 412, title: 'Precondition failed' }), []))
    await expect(stale.request('POST', '/tasks/x/start', { ifMatch: 1 })).rejects.toBeInstanceOf(ConcurrentChangeError)

    const invalid = new HttpClient('', async () => 't', answering(
      () => problem(400, { status: 400, errors: [{ field: 'reason', message: 'must not be blank' }] }), []))
    const error = await invalid.request('POST', '/tasks/x/completion-rejection', { body: { reason: ' ' } }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).not.toBeInstanceOf(ConcurrentChangeError)
    expect((error as ApiError).fieldErrors).toEqual({ reason: '不能为空' })
  })

  it('a network failure is an ApiError of status 0', async () => {
    const client = new HttpClient('', async () => null, async () => { throw new TypeError('Failed to fetch') })
    const error = await client.request('GET', '/tasks').catch((e: unknown) => e)
    expect((error as ApiError).status).toBe(0)
  })

  it('an empty successful answer has no body', async () => {
    const client = new HttpClient('', async () => null, answering(() => new Response(null, { status: 204 }), []))
    expect(await client.request('POST', '/x')).toEqual({ body: undefined, etag: null })
  })

  it('reads weak and quoted ETags', () => {
    expect(unquote('W/"12"')).toBe('12')
    expect(unquote('"7"')).toBe('7')
    expect(unquote(null)).toBeNull()
  })

  it('sends a file as it is, with its own Content-Type, and still reads problems', async () => {
    const sent: Sent[] = []
    const client = new HttpClient('/api/tasks', async () => 'T0K', answering(() => problem(409, { status: 409, detail: 'closed' }), sent))
    const file = new Blob(['%PDF-1.4'], { type: 'application/pdf' })
    const error = await client.request('PUT', '/tasks/t1/evidence/e1/file', {
      query: { filename: '会议纪要.pdf' }, raw: { content: file, contentType: 'application/pdf' },
    }).catch((e: unknown) => e)
    expect(sent[0]?.url).toBe('/api/tasks/tasks/t1/evidence/e1/file?filename=%E4%BC%9A%E8%AE%AE%E7%BA%AA%E8%A6%81.pdf')
    expect(sent[0]?.init.headers).toMatchObject({ 'Content-Type': 'application/pdf', Authorization: 'Bearer T0K' })
    expect(sent[0]?.init.body).toBe(file)
    expect((error as ApiError).status).toBe(409)
  })

  it('downloads a file with the token and the name the service suggests', async () => {
    const sent: Sent[] = []
    const client = new HttpClient('/api/tasks', async () => 'T0K', answering(() => new Response('a,b', {
      status: 200, headers: { 'Content-Disposition': "attachment; filename*=UTF-8''%E4%BB%BB%E5%8A%A1%E6%B8%85%E5%8D%95.csv" },
    }), sent))
    const download = await client.download('/inspections/i/task-list.csv')
    expect(download.filename).toBe('任务清单.csv')
    expect(await download.blob.text()).toBe('a,b')
    expect(sent[0]?.init.headers).toMatchObject({ Authorization: 'Bearer T0K', Accept: '*/*' })
  })

  it('takes the plan in the import\'s format under the name the service gives it (ASCII name first, then UTF-8)', async () => {
    const sent: Sent[] = []
    const name = '任务分解表-省委第一巡视组(第三轮)-2026-12-06.xlsx'
    const header = `attachment; filename="plan-2026-12-06.xlsx"; filename*=UTF-8''${encodeURIComponent(name).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`
    const tasks = new TasksApi(new HttpClient('/api/tasks', async () => 'T0K', answering(() => new Response('xlsx', {
      status: 200, headers: { 'Content-Disposition': header },
    }), sent)))
    const download = await tasks.planRows('i-1', 'xlsx')
    expect(sent[0]?.url).toBe('/api/tasks/inspections/i-1/plan.xlsx')
    expect(download.filename).toBe(name)
  })

  it('reads the file name of a Content-Disposition, the UTF-8 one first', () => {
    expect(filenameOf('attachment; filename="plain.csv"')).toBe('plain.csv')
    expect(filenameOf("attachment; filename=\"x.csv\"; filename*=UTF-8''%E8%A1%A8.csv")).toBe('表.csv')
    expect(filenameOf('attachment; filename*=UTF-8\'\'%E0%A4%A')).toBeNull()
    expect(filenameOf(null)).toBeNull()
  })
  it('holds a conditional read: If-None-Match and Prefer: wait sent past the browser cache; 304 is null', async () => {
    const sent: Sent[] = []
    let status = 304
    const client = new HttpClient('/api/reporting', async () => 'T0K', answering(() => status === 304
      ? new Response(null, { status: 304, headers: { ETag: '"3-1"' } })
      : new Response('{"id":"t1","version":4}', { status: 200, headers: { ETag: '"4-1"' } }), sent))
    expect(await client.whenChanged('/read-models/tasks/t1', '3-1', 25)).toBeNull()
    expect(sent[0]?.init.headers).toMatchObject({ 'If-None-Match': '"3-1"', Prefer: 'wait=25', Authorization: 'Bearer T0K' })
    expect(sent[0]?.init.cache).toBe('no-store')
    status = 200
    expect(await client.whenChanged('/read-models/tasks/t1', '3-1', 25)).toEqual({ body: { id: 't1', version: 4 }, etag: '4-1' })
  })

  it('an ordinary read sends no conditional headers, and a 304 there would be an error', async () => {
    const sent: Sent[] = []
    const client = new HttpClient('', async () => null, answering(() => new Response(null, { status: 304 }), sent))
    await expect(client.request('GET', '/x')).rejects.toBeInstanceOf(ApiError)
    expect(sent[0]?.init.headers).not.toHaveProperty('If-None-Match')
    expect(sent[0]?.init.cache).toBeUndefined()
  })
})
