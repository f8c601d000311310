import type { HttpClient } from './http'
import { ApiError, describe } from './problem'
import { formatDateTime, formatNumber } from '@/format'
import type { Column } from '@/rowColumns'

// reporting-service's read models as the operator runs them (docs/reporting-service.md, "Rebuild" and
// "Consumption lag"; the shapes are its OpenAPI document's, from rebuild/ and consumption/).

/** One topic-partition of a consumer: the broker's end offset, the group's committed one (null: never), end − committed. */
export interface PartitionLag {
  topic: string
  partition: number
  endOffset: number
  committedOffset: number | null
  lag: number
}

/** GET /admin/consumers: a consumer group, its topic, whether it runs in this instance, when it last applied an event here. */
export interface ConsumerLag {
  consumer: string
  topic: string
  running: boolean
  /** null until this instance applied one */
  lastAppliedAt: string | null
  lag: number
  partitions: PartitionLag[]
}

export type RebuildState = 'RUNNING' | 'DONE' | 'FAILED'

export const REBUILD_STATE_LABELS: Record<RebuildState, string> = { RUNNING: '进行中', DONE: '已完成', FAILED: '失败（已回滚）' }

export interface PartitionProgress {
  partition: number
  from: number
  to: number
  replayed: number
}

export interface TopicProgress {
  topic: string
  consumer: string
  replayed: number
  toReplay: number
  partitions: PartitionProgress[]
}

/** GET /admin/rebuild: the latest rebuild, started on any instance (recorded: every instance and a restart tell the same). */
export interface RebuildStatus {
  id: string
  state: RebuildState
  startedBy: string
  startedAt: string
  finishedAt: string | null
  /** why it failed (rolled back, or the instance replaying it stopped); null otherwise */
  detail: string | null
  topics: TopicProgress[]
}

/** POST /admin/rebuild's 202: the rows it will replace once it commits and the events it will replay per topic. */
export interface RebuildStarted {
  id: string
  consumers: string[]
  tasksCleared: number
  feedbackCleared: number
  eventsToReplay: Record<string, number>
}

/** reporting-service's consumers and read-model rebuild, behind the gateway (roles admin; reading also integration). */
export class ReadModelAdminApi {
  constructor(private readonly http: HttpClient) {}

  async consumers(): Promise<ConsumerLag[]> {
    return (await this.http.request<ConsumerLag[]>('GET', '/admin/consumers')).body
  }

  /** The latest rebuild's progress, or null when none was ever started (its 404). */
  async rebuild(signal?: AbortSignal): Promise<RebuildStatus | null> {
    try {
      return (await this.http.request<RebuildStatus>('GET', '/admin/rebuild', { signal })).body
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null
      throw error
    }
  }

  /** Starts one (202); an ApiError 409 while one replays or the consumers do not run there, 503 when the broker is silent. */
  async startRebuild(): Promise<RebuildStarted> {
    return (await this.http.request<RebuildStarted>('POST', '/admin/rebuild')).body
  }
}

/** Why a rebuild did not start: the service's own detail (409, 503: nothing changed), as the operator reads its log. */
export function rebuildRefusal(error: unknown): string {
  if (error instanceof ApiError && (error.status === 409 || error.status === 503) && error.problem.detail) {
    return `未开始重建：${error.problem.detail}`
  }
  return describe(error)
}

/** The events a started rebuild replays, all topics together. */
export function eventsToReplay(started: RebuildStarted): number {
  return Object.values(started.eventsToReplay).reduce((sum, count) => sum + count, 0)
}

/** One partition's place: 分区 0：已提交 120 / 末尾 125（积压 5）; never committed: 未提交. */
export function partitionText(p: PartitionLag): string {
  const committed = p.committedOffset === null ? '未提交' : `已提交 ${formatNumber(p.committedOffset)}`
  return `分区 ${p.partition}：${committed} / 末尾 ${formatNumber(p.endOffset)}（积压 ${formatNumber(p.lag)}）`
}

/** A topic's replay as far as it got: 已重放 120 / 226. */
export function progressText(topic: Pick<TopicProgress, 'replayed' | 'toReplay'>): string {
  return `${formatNumber(topic.replayed)} / ${formatNumber(topic.toReplay)}`
}

/** The share replayed, 0–100 (an empty topic is done). */
export function progressPercent(topic: Pick<TopicProgress, 'replayed' | 'toReplay'>): number {
  return topic.toReplay <= 0 ? 100 : Math.min(100, Math.floor((topic.replayed * 100) / topic.toReplay))
}

export const CONSUMER_COLUMNS: readonly Column<ConsumerLag>[] = [
  { key: 'consumer', label: '消费者', minWidth: 200, prop: 'consumer', card: 'title' },
  { key: 'topic', label: '主题', minWidth: 190, prop: 'topic' },
  { key: 'running', label: '本实例', width: 90, text: (c) => (c.running ? '运行中' : '未运行') },
  { key: 'lag', label: '积压', width: 90, align: 'right', text: (c) => formatNumber(c.lag) },
  { key: 'lastAppliedAt', label: '最近应用', width: 170, text: (c) => (c.lastAppliedAt === null ? '本实例尚未应用' : formatDateTime(c.lastAppliedAt)) },
  { key: 'partitions', label: '分区', minWidth: 300, text: (c) => c.partitions.map(partitionText).join('；') },
]

export const TOPIC_PROGRESS_COLUMNS: readonly Column<TopicProgress>[] = [
  { key: 'topic', label: '主题', minWidth: 190, prop: 'topic', card: 'title' },
  { key: 'consumer', label: '消费者', minWidth: 200, prop: 'consumer' },
  { key: 'progress', label: '已重放 / 应重放', minWidth: 220, text: progressText },
]
