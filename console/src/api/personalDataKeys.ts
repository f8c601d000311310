import type { HttpClient } from './http'
import { ApiError, describe } from './problem'
import { formatNumber } from '@/format'

// feedback-service's personal-data keys as the operator rotates them (docs/security.md, "Rotating the
// personal-data key"; the shapes are its OpenAPI document's, from personal/).

/** The rows still under one key that is not the current one ("legacy": sealed before keys had ids). */
export interface KeyRows {
  keyId: string
  rows: number
}

/** GET /admin/personal-data/keys: the keyring's ids (never a key) and the rows still to move onto the current key. */
export interface PersonalDataKeys {
  currentKeyId: string
  previousKeyIds: string[]
  rowsUnderOtherKeys: KeyRows[]
  rowsToRekey: number
}

export type RekeyState = 'RUNNING' | 'DONE' | 'FAILED'

export const REKEY_STATE_LABELS: Record<RekeyState, string> = { RUNNING: '进行中', DONE: '已完成', FAILED: '已中断' }

/** GET /admin/personal-data/rekey: the latest run, started on any instance (recorded: every instance tells the same). */
export interface RekeyStatus {
  id: string
  state: RekeyState
  startedBy: string
  startedAt: string
  /** when the instance running it last recorded a batch; silent 30 s: FAILED */
  heartbeatAt: string
  finishedAt: string | null
  toKeyId: string
  fromKeyIds: string[]
  rowsToRekey: number
  rowsDone: number
  rekeyed: number
  withinWindow: number
  changedMeanwhile: number
  unopened: number
  /** when rows left within the duplicate window may be taken by a new run; null when none was left */
  runAgainAfter: string | null
  /** why it stopped; null otherwise */
  detail: string | null
}

/** POST /admin/personal-data/rekey's 202. */
export interface RekeyStarted {
  id: string
  toKeyId: string
  fromKeyIds: string[]
  rowsToRekey: number
}

/** One key of the ring as the panel lists it: the current one, or one that only opens what it sealed. */
export interface KeyRow {
  keyId: string
  current: boolean
  /** rows still sealed under it; null for the current key (everything new is sealed under it) */
  rows: number | null
}

/** feedback-service's personal-data keys and rekey run, behind the gateway (role admin; reading also integration). */
export class PersonalDataKeysApi {
  constructor(private readonly http: HttpClient) {}

  async keys(): Promise<PersonalDataKeys> {
    return (await this.http.request<PersonalDataKeys>('GET', '/admin/personal-data/keys')).body
  }

  /** The latest run's progress, or null when none was ever started (its 404). */
  async rekey(signal?: AbortSignal): Promise<RekeyStatus | null> {
    try {
      return (await this.http.request<RekeyStatus>('GET', '/admin/personal-data/rekey', { signal })).body
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null
      throw error
    }
  }

  /** Starts one (202); an ApiError 409 while one goes on any instance. */
  async startRekey(): Promise<RekeyStarted> {
    return (await this.http.request<RekeyStarted>('POST', '/admin/personal-data/rekey')).body
  }
}

/** The ring's keys, current first, each with the rows still under it; a key the rows name but the ring lacks ("legacy") too. */
export function keyRows(keys: PersonalDataKeys): KeyRow[] {
  const under = new Map(keys.rowsUnderOtherKeys.map((k) => [k.keyId, k.rows]))
  const others = [...new Set([...keys.previousKeyIds, ...under.keys()])]
  return [
    { keyId: keys.currentKeyId, current: true, rows: null },
    ...others.map((keyId) => ({ keyId, current: false, rows: under.get(keyId) ?? 0 })),
  ]
}

/** A key id as the operator reads it: 'legacy' is the values sealed before keys had ids. */
export function keyIdText(keyId: string): string {
  return keyId === 'legacy' ? '无编号（legacy，密钥编号启用前加密）' : keyId
}

/** Why a run did not start: the service's own detail (409: one is going), as the operator reads its log. */
export function rekeyRefusal(error: unknown): string {
  if (error instanceof ApiError && error.status === 409 && error.problem.detail) {
    return `未开始重新加密：${error.problem.detail}`
  }
  return describe(error)
}

/** The share of the rows the run has read, 0–100 (nothing to do is done). */
export function rekeyPercent(run: Pick<RekeyStatus, 'rowsDone' | 'rowsToRekey'>): number {
  return run.rowsToRekey <= 0 ? 100 : Math.min(100, Math.floor((run.rowsDone * 100) / run.rowsToRekey))
}

/** 已处理 120 / 900 条. */
export function rekeyProgressText(run: Pick<RekeyStatus, 'rowsDone' | 'rowsToRekey'>): string {
  return `已处理 ${formatNumber(run.rowsDone)} / ${formatNumber(run.rowsToRekey)} 条`
}
