// The disclosure window of a publication as the service takes it: local date-times in the
// organisation's zone, both ends inclusive to the second (docs/feedback-service.md).
import { ZONE } from '@/format'

/** The window for two calendar days: from the first day's 00:00:00 to the last day's 23:59:59. */
export function windowOfDays(from: string, to: string): { windowStart: string; windowEnd: string; timeZone: string } {
  return { windowStart: `${from}T00:00:00`, windowEnd: `${to}T23:59:59`, timeZone: ZONE }
}

const shown = new Intl.DateTimeFormat('zh-CN', {
  timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
})

/** A window as the office reads it, in Beijing time: 2025/11/06 00:00:00 至 2025/11/13 23:59:59. */
export function formatWindow(start: string, end: string): string {
  return `${shown.format(new Date(start))} 至 ${shown.format(new Date(end))}`
}
