import type { HttpClient } from './http'
import { describe } from './problem'
import { formatDateTime, formatNumber } from '@/format'
import type { Column } from '@/rowColumns'
import { askEachService, SERVICE_LABELS, SERVICES, type ServiceName } from './services'

/** GET /audit/verify of one service: its hash chain recomputed (docs/security.md, docs/operations.md). */
export interface AuditVerification {
  intact: boolean
  entriesChecked: number
  /** the first entry whose hash does not follow from the one before; null while intact */
  firstBrokenSeq: number | null
  /** why that entry breaks the chain, as the service says it */
  reason: string | null
}

/** One service's audit trail, behind the gateway (roles supervisor and admin). */
export class AuditApi {
  constructor(private readonly http: HttpClient) {}

  async verify(): Promise<AuditVerification> {
    return (await this.http.request<AuditVerification>('GET', '/audit/verify')).body
  }
}

/** A row of 审计核验: what the service answered, or why it could not be checked, and when the answer came. */
export interface ServiceVerification {
  service: ServiceName
  /** null when the service did not answer */
  result: AuditVerification | null
  error: unknown
  /** when the console had the answer: the service does not say when it checked */
  checkedAt: string
}

/** Every service's chain checked at once, one row each in SERVICES' order; one failing leaves the others. */
export async function verifyEach(apis: Record<ServiceName, AuditApi>, now: () => Date = () => new Date()): Promise<ServiceVerification[]> {
  const { answers, failed } = await askEachService((service) => apis[service].verify())
  const checkedAt = now().toISOString()
  return SERVICES.map((service) => {
    const answered = answers.find((a) => a.service === service)
    return answered
      ? { service, result: answered.answer, error: null, checkedAt }
      : { service, result: null, error: failed.find((f) => f.service === service)?.error, checkedAt }
  })
}

/** The verdict in a word: 完好, 已断开, or 未能核验. */
export function verdictOf(row: ServiceVerification): string {
  if (row.result === null) return '未能核验'
  return row.result.intact ? '完好' : '已断开'
}

/** Where the chain broke and why, as the service says (the operator takes it to the database), or why no answer came. */
export function breakOf(row: ServiceVerification): string {
  if (row.result === null) return describe(row.error)
  if (row.result.intact) return '—'
  const at = row.result.firstBrokenSeq === null ? '' : `序号 ${row.result.firstBrokenSeq}`
  return [at, row.result.reason ?? ''].filter((part) => part !== '').join('：') || '—'
}

export const VERIFICATION_COLUMNS: readonly Column<ServiceVerification>[] = [
  { key: 'service', label: '服务', width: 130, text: (r) => SERVICE_LABELS[r.service], card: 'title' },
  { key: 'verdict', label: '结果', width: 110, text: verdictOf },
  { key: 'break', label: '断开位置与原因', minWidth: 300, text: breakOf },
  { key: 'entriesChecked', label: '已核验条目', width: 120, align: 'right', text: (r) => formatNumber(r.result?.entriesChecked) },
  { key: 'checkedAt', label: '核验时间', width: 190, text: (r) => formatDateTime(r.checkedAt, { seconds: true }) },
]
