import type { Download, HttpClient } from './http'
import { formatBytes, formatDateTime } from '@/format'
import type { Column } from '@/rowColumns'

/** The services that consume events, each keeping its own dead letters (docs/operations.md). */
export type ServiceName = 'tasks' | 'feedback' | 'reporting'

export const SERVICES: readonly ServiceName[] = ['tasks', 'feedback', 'reporting']

export const SERVICE_LABELS: Record<ServiceName, string> = {
  tasks: '任务服务',
  feedback: '意见建议服务',
  reporting: '报告服务',
}

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
}

/** A dead letter and the service that keeps it: ids are per service. */
export interface ServiceDeadLetter extends DeadLetter {
  service: ServiceName
}

/** The dead letters of one service, behind the gateway (role admin). */
export class DeadLettersApi {
  constructor(private readonly http: HttpClient) {}

  async latest(limit: number): Promise<DeadLetter[]> {
    return (await this.http.request<DeadLetter[]>('GET', '/dead-letters', { query: { limit } })).body
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

/** Every service's latest dead letters, newest first across them; one failing leaves the others shown. */
export async function allDeadLetters(apis: Record<ServiceName, DeadLettersApi>, limit: number): Promise<AllDeadLetters> {
  const answers = await Promise.allSettled(SERVICES.map((service) => apis[service].latest(limit)))
  const result: AllDeadLetters = { letters: [], failed: [] }
  answers.forEach((answer, index) => {
    const service = SERVICES[index] as ServiceName
    if (answer.status === 'fulfilled') result.letters.push(...answer.value.map((letter) => ({ ...letter, service })))
    else result.failed.push({ service, error: answer.reason })
  })
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

export const DEAD_LETTER_COLUMNS: readonly Column<ServiceDeadLetter>[] = [
  { key: 'service', label: '服务', width: 120, text: (l) => SERVICE_LABELS[l.service], card: 'title' },
  { key: 'receivedAt', label: '收到时间', width: 170, text: (l) => formatDateTime(l.receivedAt) },
  { key: 'eventType', label: '事件类型', minWidth: 150, prop: 'eventType' },
  { key: 'reason', label: '原因', minWidth: 260, prop: 'reason' },
  { key: 'position', label: '位置', minWidth: 210, text: positionOf },
  { key: 'consumer', label: '消费者', minWidth: 200, prop: 'consumer' },
  { key: 'size', label: '大小', width: 90, align: 'right', text: (l) => formatBytes(l.payloadBytes) },
]
