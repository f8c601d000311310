import { describe, expect, it } from 'vitest'
import { dueBy, dueFlag } from '@/lookBackDue'

describe('look-back reviews due', () => {
  it('looks ahead by calendar days, across a month and a year end', () => {
    expect(dueBy('2026-11-30', 0)).toBe('2026-11-30')
    expect(dueBy('2026-11-30', 30)).toBe('2026-12-30')
    expect(dueBy('2026-12-15', 30)).toBe('2027-01-14')
    expect(dueBy('2028-02-28', 1)).toBe('2028-02-29')
  })

  it('flags an overdue review, one due today and one still ahead', () => {
    expect(dueFlag('2026-11-27', '2026-11-30')).toEqual({ text: '逾期 3 天', type: 'danger' })
    expect(dueFlag('2026-11-30', '2026-11-30')).toEqual({ text: '今天到期', type: 'warning' })
    expect(dueFlag('2026-12-10', '2026-11-30')).toEqual({ text: '10 天后到期', type: 'info' })
    expect(dueFlag(null, '2026-11-30')).toBeNull()
  })
})
