// Dates and numbers as people in the office read them: zh-CN, Asia/Shanghai.

export const ZONE = 'Asia/Shanghai'

const longDate = new Intl.DateTimeFormat('zh-CN', { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' })
const number = new Intl.NumberFormat('zh-CN')
// an instant's day and clock in Beijing, as numbers to put together (h23: midnight is 00, never 24)
const clockParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
})

/**
 * An instant (with offset) in Beijing time, in the one style of the console's days (formatDate):
 * 2024年9月30日 18:05; with `seconds`, 2024年9月30日 18:05:00 (a window's ends, inclusive to the second).
 */
export function formatDateTime(instant: string | null | undefined, options: { seconds?: boolean } = {}): string {
  if (!instant) return '—'
  const parts = clockParts.formatToParts(new Date(instant))
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  const time = `${part('hour')}:${part('minute')}${options.seconds ? `:${part('second')}` : ''}`
  return formatDayTime(`${part('year')}-${part('month')}-${part('day')}`, time)
}

/** A calendar date (yyyy-MM-dd, no zone): 2024年9月30日. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '—'
  return longDate.format(new Date(`${date}T00:00:00Z`))
}

/**
 * A day the service keeps as an instant (a reply deadline: due until that day's end in Beijing, its clock
 * meaning nothing), shown as the calendar date it stands for: 2026年12月20日, never 2026年12月20日 00:00.
 */
export function formatDayOf(instant: string | null | undefined): string {
  if (!instant) return '—'
  return formatDate(todayInShanghai(new Date(instant)))
}

/** A calendar date (yyyy-MM-dd) and a clock time (HH:mm) already in Beijing time: 2026年12月5日 10:30. */
export function formatDayTime(date: string, time: string): string {
  return `${formatDate(date)} ${time}`
}

export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : number.format(value)
}

const oneDecimal = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 })

/** A file's size: 700 B, 1.5 KB, 3 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${oneDecimal.format(bytes / 1024)} KB`
  return `${oneDecimal.format(bytes / 1024 / 1024)} MB`
}

/** Today's date in Beijing (yyyy-MM-dd) at the instant `now`. */
export function todayInShanghai(now: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(now)
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')}`
}

/** Days from `today` to `date` (both yyyy-MM-dd): negative when past. */
export function daysUntil(date: string, today: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000)
}

/**
 * The staff's words for a task's state and a problem's source, as the lists, their exports and the
 * dashboards say them (platform-support text/StaffWords; tests/staffWords.test.ts keeps these equal to
 * the dashboard page's, which a service test keeps equal to StaffWords). A claim is 待核验, the public's
 * word too; a task in consolidation is closed out, 已销号（巩固中）.
 */
export const STATE_LABELS: Record<string, string> = {
  PLANNED: '未开始',
  IN_PROGRESS: '整改中',
  COMPLETION_CLAIMED: '待核验',
  VERIFIED: '已销号',
  CONSOLIDATING: '已销号（巩固中）',
  REOPENED: '再整改',
}

/** A problem's source: PLAN the inspection's own finding (巡视反馈), the others counted beside the findings. */
export const SOURCE_LABELS: Record<string, string> = {
  PLAN: '巡视反馈',
  ANALOGY: '举一反三',
  SELF_FOUND: '自查发现',
  LOOK_BACK: '回头看',
  FEEDBACK: '群众反映',
}

export const CADENCE_LABELS: Record<string, string> = { DAILY: '日报', WEEKLY: '周报', MONTHLY: '月报' }
export const KIND_LABELS: Record<string, string> = { IMMEDIATE: '立行立改', TIME_BOUND: '限期整改', LONG_TERM: '长期坚持' }
export const EVIDENCE_LABELS: Record<string, string> = { LEDGER: '台账', DOCUMENT: '文件', MINUTES: '会议纪要', OTHER: '其他' }
