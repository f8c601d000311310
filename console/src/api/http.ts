import { ApiError, parseProblem, toError } from './problem'
import type { SubmissionKey } from './submissionKey'

/** The bearer token for the next request, or null when nobody is signed in. */
export type TokenSource = () => Promise<string | null>

export interface Answer<T> {
  body: T
  /** The version the answer names in its ETag, for the If-Match of a later change. */
  etag: string | null
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>
  body?: unknown
  /** The ETag the change is based on (sent as If-Match). */
  ifMatch?: string | number | null
  /** A body sent as it is (a file, a spreadsheet) with its own Content-Type, instead of JSON. */
  raw?: { content: Blob; contentType: string }
  /** Ends the request early (the page that asked has gone). */
  signal?: AbortSignal
  /** A create's key (sent as Idempotency-Key): a retry of the same create is not made twice. */
  key?: SubmissionKey
}

/** A file the service sent, with the name it suggests (Content-Disposition) and the answer's other headers. */
export interface Download {
  blob: Blob
  filename: string | null
  headers: Headers
}

/**
 * JSON over fetch to one service behind the gateway (`/api/tasks` …): the bearer token, the
 * browser's language, If-Match, a create's Idempotency-Key, and problem+json turned into ApiError
 * (412: ConcurrentChangeError).
 */
export class HttpClient {
  constructor(
    private readonly base: string,
    private readonly token: TokenSource,
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
  ) {}

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<Answer<T>> {
    return answerOf<T>(await this.send(method, path, options, 'application/json'))
  }

  /**
   * A read held by the service until the resource is no longer in the state `etag` names
   * (If-None-Match with RFC 7240's `Prefer: wait`): its new state, or null when it is still the
   * same after `seconds` (304). A service that cannot wait answers at once, and so does this.
   */
  async whenChanged<T>(path: string, etag: string, seconds: number, signal?: AbortSignal): Promise<Answer<T> | null> {
    const response = await this.send('GET', path, { signal }, 'application/json',
      { 'If-None-Match': `"${etag}"`, Prefer: `wait=${seconds}` })
    return response.status === 304 ? null : answerOf<T>(response)
  }

  /** A file (an export, an evidence file): fetched with the token, so it cannot be a plain link. */
  async download(path: string, accept = '*/*'): Promise<Download> {
    const response = await this.send('GET', path, {}, accept)
    return { blob: await response.blob(), filename: filenameOf(response.headers.get('Content-Disposition')), headers: response.headers }
  }

  private async send(method: string, path: string, options: RequestOptions, accept: string,
    conditional: Record<string, string> = {}): Promise<Response> {
    const headers: Record<string, string> = { Accept: accept, 'Accept-Language': 'zh-CN', ...conditional }
    const token = await this.token()
    if (token !== null) headers.Authorization = `Bearer ${token}`
    if (options.ifMatch !== undefined && options.ifMatch !== null) headers['If-Match'] = `"${options.ifMatch}"`
    if (options.key !== undefined) headers['Idempotency-Key'] = options.key.value
    let body: string | Blob | undefined
    if (options.raw !== undefined) {
      headers['Content-Type'] = options.raw.contentType
      body = options.raw.content
    } else if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json'
      body = JSON.stringify(options.body)
    }
    // A conditional read is answered by the service (304 included), not from the browser's cache.
    const isConditional = 'If-None-Match' in conditional
    const cache: RequestCache | undefined = isConditional ? 'no-store' : undefined
    let response: Response
    try {
      response = await this.fetchImpl(this.url(path, options.query), { method, headers, body, signal: options.signal, cache })
    } catch (error) {
      if (options.signal?.aborted) throw error
      throw new ApiError({ status: 0, title: 'network' })
    }
    if (!response.ok && !(isConditional && response.status === 304)) {
      const problem = parseProblem(response.status, response.headers.get('Content-Type'), await response.text())
      options.key?.answered(problem)
      throw toError(problem)
    }
    options.key?.answered(null)
    return response
  }

  url(path: string, query?: RequestOptions['query']): string {
    const params = new URLSearchParams()
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== '') params.set(key, String(value))
    }
    const search = params.toString()
    return `${this.base}${path}${search === '' ? '' : `?${search}`}`
  }
}

/** A JSON answer's body (none when empty) and the version its ETag names. */
async function answerOf<T>(response: Response): Promise<Answer<T>> {
  const text = await response.text()
  return { body: (text === '' ? undefined : JSON.parse(text)) as T, etag: unquote(response.headers.get('ETag')) }
}

export function unquote(etag: string | null): string | null {
  if (etag === null) return null
  return etag.replace(/^W\//, '').replace(/"/g, '')
}

/** The file name of a Content-Disposition header: RFC 5987's filename* (UTF-8) first, else filename. */
export function filenameOf(disposition: string | null): string | null {
  if (disposition === null) return null
  const extended = disposition.match(/filename\*\s*=\s*UTF-8''([^;]+)/i)
  if (extended) {
    try {
      return decodeURIComponent((extended[1] ?? "").trim())
    } catch {
      // a malformed escape: fall back to the plain name
    }
  }
  const plain = disposition.match(/filename\s*=\s*"?([^";]+)"?/i)
  return plain?.[1] ? plain[1].trim() : null
}
