import { describe, expect, it } from 'vitest'
import { daysUntil, formatDate, formatDateTime, formatDayOf, formatDayTime, todayInShanghai } from '@/format'

describe('dates in Asia/Shanghai', () => {
  it('today turns at midnight Beijing time, not UTC', () => {
    expect(todayInShanghai(new Date('2024-09-30T15:59:59Z'))).toBe('2024-09-30')
    expect(todayInShanghai(new Date('2024-09-30T16:00:00Z'))).toBe('2024-10-01')
  })

  it('month ends and leap days', () => {
    expect(todayInShanghai(new Date('2024-02-28T16:30:00Z'))).toBe('2024-02-29')
    expect(todayInShanghai(new Date('2023-02-28T16:30:00Z'))).toBe('2023-03-01')
    expect(todayInShanghai(new Date('2024-12-31T16:00:00Z'))).toBe('2025-01-01')
    expect(daysUntil('2024-03-01', '2024-02-28')).toBe(2)
    expect(daysUntil('2023-03-01', '2023-02-28')).toBe(1)
    expect(daysUntil('2024-09-30', '2024-10-01')).toBe(-1)
  })

  // one style everywhere: a day 2026年12月31日, a date-time the same day and the time, 2026年12月6日 00:45
  it('shows an instant in Beijing time and a date as the calendar date it is', () => {
    expect(formatDateTime('2024-09-30T16:05:00Z')).toBe('2024年10月1日 00:05')
    expect(formatDateTime('2026-12-05T16:45:00Z')).toBe('2026年12月6日 00:45')
    expect(formatDateTime('2026-12-31T23:59:00+08:00')).toBe('2026年12月31日 23:59')
    expect(formatDateTime('2025-11-13T23:59:59+08:00', { seconds: true })).toBe('2025年11月13日 23:59:59')
    expect(formatDayTime('2026-12-05', '10:30')).toBe('2026年12月5日 10:30')
    expect(formatDateTime(null)).toBe('—')
    expect(formatDate('2024-02-29')).toBe('2024年2月29日')
    expect(formatDate('2024-12-31')).toBe('2024年12月31日')
  })

  // a value that is a day though kept as an instant (a reply deadline) is its day in Beijing, whatever the clock says
  it('shows a day kept as an instant as its day in Beijing, without a time', () => {
    expect(formatDayOf('2026-12-19T16:00:00Z')).toBe('2026年12月20日') // 00:00 in Beijing: still the 19th in UTC
    expect(formatDayOf('2026-12-20T15:59:59Z')).toBe('2026年12月20日')
    expect(formatDayOf('2026-12-20T09:30:00+08:00')).toBe('2026年12月20日')
    expect(formatDayOf(null)).toBe('—')
    // an instant keeps its time: 00:00 is a time there
    expect(formatDateTime('2026-12-19T16:00:00Z')).toBe('2026年12月20日 00:00')
  })
})
