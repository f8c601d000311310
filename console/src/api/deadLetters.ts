import type { Download, HttpClient } from './http'
import { ApiError, describe } from './problem'
import { formatBytes, formatDateTime, formatNumber } from '@/format'
import type { Column } from '@/rowColumns'
import { askEachService, SERVICE_LABELS, type ServiceName } from './services'

export { SERVICES, SERVICE_LABELS, type ServiceName } from './services'

/** One message a consumer could not read or apply (GET /dead-letters in each service). */
export interface DeadLetter {
  id: number
  consumer: string
  topic: string
  partition: number
  offset: number
  eventId: string | null
  eventType: string | null
  reason: string
  /** the message decoded as UTF-8 for reading, cut at 64 K characters; the bytes are at …/payload */
  payload: string | null
  payloadBytes: number
  receivedAt: string | null
  /** the consumer's try and every replay that failed since; `reason` is the latest failure's */
  attempts: number
  /** how an operator resolved it; null while it is open */
  resolution: DeadLetterResolution | null
}

/** A dead letter replayed (its message applied after all) or dismissed (with why), when and by whom. */
export interface DeadLetterResolution {
  outcome: 'REPLAYED' | 'DISMISSED'
  at: string
  by: string
  /** the dismissal's reason; null for a replay */
  reason: string | null
}

/** Which dead letters a list shows: those still to be dealt with, or those an operator resolved. */
export type DeadLetterState = 'OPEN' | 'RESOLVED'

export const STATE_LABELS: Record<DeadLetterState, string> = { OPEN: '未处理', RESOLVED: '已处理' }

export const OUTCOME_LABELS: Record<DeadLetterResolution['outcome'], string> = { REPLAYED: '已重新处理', DISMISSED: '已忽略' }

/** The longest reason a dismissal takes (the services' DeadLetterDismissal). */
export const MAX_DISMISSAL_REASON = 500

/** A dead letter and the service that keeps it: ids are per service. */
export interface ServiceDeadLetter extends DeadLetter {
  service: ServiceName
}

/** The dead letters of one service, behind the gateway (role admin). */
export class DeadLettersApi {
  constructor(private readonly http: HttpClient) {}

  async latest(limit: number, state?: DeadLetterState): Promise<DeadLetter[]> {
    return (await this.http.request<DeadLetter[]>('GET', '/dead-letters', { query: { limit, state } })).body
  }

  /**
   * Applies its message now through the consumer that recorded it; the dead letter as resolved, or
   * an ApiError: 422 when it failed again (the detail says why; it stays open), 409 when resolved already.
   */
  async replay(id: number): Promise<DeadLetter> {
    return (await this.http.request<DeadLetter>('POST', `/dead-letters/${id}/replay`)).body
  }

  /** Resolves it without applying it; `reason` is required (400 naming `reason` otherwise). */
  async dismiss(id: number, reason: string): Promise<DeadLetter> {
    return (await this.http.request<DeadLetter>('POST', `/dead-letters/${id}/dismissal`, { body: { reason } })).body
  }

  /** The message exactly as it was received, to save. */
  async payload(id: number): Promise<Download> {
    return this.http.download(`/dead-letters/${id}/payload`, 'application/octet-stream')
  }
}

/** The three services' dead letters in one list, and the services that could not be asked. */
export interface AllDeadLetters {
  letters: ServiceDeadLetter[]
  /** each with why: a service that did not answer is said so, not shown as having none */
  failed: { service: ServiceName; error: unknown }[]
}

/** Every service's latest dead letters in `state`, newest first across them; one failing leaves the others shown. */
export async function allDeadLetters(apis: Record<ServiceName, DeadLettersApi>, limit: number,
  state?: DeadLetterState): Promise<AllDeadLetters> {
  const { answers, failed } = await askEachService((service) => apis[service].latest(limit, state))
  const result: AllDeadLetters = { letters: answers.flatMap(({ service, answer }) => answer.map((letter) => ({ ...letter, service }))), failed }
  result.letters.sort((a, b) => receivedMillis(b) - receivedMillis(a) || b.id - a.id)
  return result
}

/** The instant as a number: the services may write it with different offsets, which text does not compare. */
function receivedMillis(letter: DeadLetter): number {
  return letter.receivedAt === null ? 0 : Date.parse(letter.receivedAt)
}

/** Where the message lay: topic-partition@offset, as the services' logs name it. */
export function positionOf(letter: Pick<DeadLetter, 'topic' | 'partition' | 'offset'>): string {
  return `${letter.topic}-${letter.partition}@${letter.offset}`
}

/** What became of it: 已重新处理 / 已忽略 with who and when; open, how often it was tried. */
export function resolutionOf(letter: Pick<DeadLetter, 'resolution' | 'attempts'>): { label: string; detail: string } {
  const resolution = letter.resolution
  if (resolution === null) {
    return { label: '未处理', detail: letter.attempts > 1 ? `已尝试 ${letter.attempts} 次` : '' }
  }
  return { label: OUTCOME_LABELS[resolution.outcome], detail: `${resolution.by} · ${formatDateTime(resolution.at)}` }
}

/**
 * Why a replay was refused, for the operator: failed again (422; it stays open, its reason the new
 * one) or not tried (409: resolved meanwhile, or no consumer of that name), with the service's
 * detail as it is, technical like a dead letter's reason; anything else as every refusal is said.
 */
export function replayRefusal(error: unknown): string {
  if (error instanceof ApiError && (error.status === 422 || error.status === 409) && error.problem.detail) {
    return `${error.status === 422 ? '仍无法应用，保持未处理' : '未重新处理'}：${error.problem.detail}`
  }
  return describe(error)
}

/** The same in one line: 已忽略（ops-li · 2026年12月5日 16:40）. */
export function resolutionText(letter: Pick<DeadLetter, 'resolution' | 'attempts'>): string {
  const { label, detail } = resolutionOf(letter)
  return detail === '' ? label : `${label}（${detail}）`
}

export const DEAD_LETTER_COLUMNS: readonly Column<ServiceDeadLetter>[] = [
  { key: 'service', label: '服务', width: 120, text: (l) => SERVICE_LABELS[l.service], card: 'title' },
  { key: 'receivedAt', label: '收到时间', width: 170, text: (l) => formatDateTime(l.receivedAt) },
  { key: 'eventType', label: '事件类型', minWidth: 150, prop: 'eventType' },
  { key: 'reason', label: '原因', minWidth: 260, prop: 'reason' },
  { key: 'resolution', label: '处理情况', minWidth: 190, text: resolutionText },
  { key: 'position', label: '位置', minWidth: 210, text: positionOf },
  { key: 'consumer', label: '消费者', minWidth: 200, prop: 'consumer' },
  { key: 'size', label: '大小', width: 90, align: 'right', text: (l) => formatBytes(l.payloadBytes) },
]

/**
 * A notice's webhook call given up after its last try (reporting-service's GET /admin/webhook-dead-letters,
 * docs/notices.md "Webhook"): which cause, where to, how often tried, the last answer. The service offers
 * no replay or dismissal of one: the list is for finding why the endpoint refuses.
 */
export interface WebhookDeadCall {
  id: number
  /** the notice's cause (kind and ids; never a person's data) */
  causeKey: string
  endpoint: string
  attempts: number
  /** the endpoint's last HTTP status; null when it never answered */
  lastStatus: number | null
  lastError: string | null
  createdAt: string
}

/** reporting-service's webhook calls given up, newest first (role admin). */
export class WebhookDeadLettersApi {
  constructor(private readonly http: HttpClient) {}

  async latest(limit: number): Promise<WebhookDeadCall[]> {
    return (await this.http.request<WebhookDeadCall[]>('GET', '/admin/webhook-dead-letters', { query: { limit } })).body
  }
}

/**
 * The endpoint without its query: a 企业微信 or 钉钉 robot's address carries its key there
 * (`?key=…`, `?access_token=…`), which is a credential, not something to show on a screen.
 */
export function endpointShown(endpoint: string): string {
  const query = endpoint.indexOf('?')
  return query < 0 ? endpoint : `${endpoint.slice(0, query)}?…`
}

/** The last failure in a line: HTTP 503 · its error; never answered: the error alone. */
export function lastFailureOf(call: Pick<WebhookDeadCall, 'lastStatus' | 'lastError'>): string {
  return [call.lastStatus === null ? '' : `HTTP ${call.lastStatus}`, call.lastError ?? ''].filter((part) => part !== '').join(' · ') || '—'
}

export const WEBHOOK_DEAD_CALL_COLUMNS: readonly Column<WebhookDeadCall>[] = [
  { key: 'createdAt', label: '通知产生时间', width: 170, text: (c) => formatDateTime(c.createdAt), card: 'title' },
  { key: 'causeKey', label: '通知事由', minWidth: 240, prop: 'causeKey' },
  { key: 'endpoint', label: '推送地址', minWidth: 240, text: (c) => endpointShown(c.endpoint) },
  { key: 'attempts', label: '尝试次数', width: 90, align: 'right', text: (c) => formatNumber(c.attempts) },
  { key: 'lastFailure', label: '最后一次失败', minWidth: 260, text: lastFailureOf },
]
