// The disclosure window of a publication as the service takes it: local date-times in the
// organisation's zone, both ends inclusive to the second (docs/feedback-service.md); the list of publications.
import type { Channels, PublicationView } from '@/api/feedback'
import { formatDateTime, ZONE } from '@/format'
import type { Column } from '@/rowColumns'

/** The window for two calendar days: from the first day's 00:00:00 to the last day's 23:59:59. */
export function windowOfDays(from: string, to: string): { windowStart: string; windowEnd: string; timeZone: string } {
  return { windowStart: `${from}T00:00:00`, windowEnd: `${to}T23:59:59`, timeZone: ZONE }
}

/** A window as the office reads it, in Beijing time to the second: 2025年11月6日 00:00:00 至 2025年11月13日 23:59:59. */
export function formatWindow(start: string, end: string): string {
  return `${formatDateTime(start, { seconds: true })} 至 ${formatDateTime(end, { seconds: true })}`
}

/** A publication's channels in one line: 电话 …（接听时间）；邮箱 …；来信 … 邮编. */
export function channelsLine(c: Channels | null): string {
  if (c === null) return '—'
  return [c.phone && `电话 ${c.phone}${c.phoneHours ? `（${c.phoneHours}）` : ''}`, c.email && `邮箱 ${c.email}`,
    c.postalAddress && `来信 ${c.postalAddress}${c.postalCode ? ` ${c.postalCode}` : ''}`].filter(Boolean).join('；') || '—'
}

/** An inspection's publications; the page tags 受理中 and links the public form (`page`). */
export const PUBLICATION_COLUMNS: readonly Column<PublicationView>[] = [
  { key: 'title', prop: 'title', label: '标题', minWidth: 220, card: 'title' },
  { key: 'window', label: '意见建议受理期', minWidth: 300, text: (p) => formatWindow(p.windowStart, p.windowEnd) },
  { key: 'open', label: '受理中', width: 90, text: (p) => (p.open ? '受理中' : '未在期内') },
  { key: 'channels', label: '渠道', minWidth: 260, text: (p) => channelsLine(p.channels) },
  { key: 'page', label: '群众页面', width: 110 },
]
