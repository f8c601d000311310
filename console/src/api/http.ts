import { ApiError, parseProblem, toError } from './problem'

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
}

/**
 * JSON over fetch to one service behind the gateway (`/api/tasks` …): the bearer token, the
 * browser's language, If-Match, and problem+json turned into ApiError (412: ConcurrentChangeError).
 */
export class HttpClient {
  constructor(
    private readonly base: string,
    private readonly token: TokenSource,
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
  ) {}

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<Answer<T>> {
    const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': 'zh-CN' }
    const token = await this.token()
    if (token !== null) headers.Authorization = `Bearer ${token}`
    if (options.ifMatch !== undefined && options.ifMatch !== null) headers['If-Match'] = `"${options.ifMatch}"`
    let body: string | undefined
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json'
      body = JSON.stringify(options.body)
    }
    let response: Response
    try {
      response = await this.fetchImpl(this.url(path, options.query), { method, headers, body })
    } catch {
      throw new ApiError({ status: 0, title: 'network' })
    }
    const text = await response.text()
    if (!response.ok) {
      throw toError(parseProblem(response.status, response.headers.get('Content-Type'), text))
    }
    return {
      body: (text === '' ? undefined : JSON.parse(text)) as T,
      etag: unquote(response.headers.get('ETag')),
    }
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

export function unquote(etag: string | null): string | null {
  if (etag === null) return null
  return etag.replace(/^W\//, '').replace(/"/g, '')
}
