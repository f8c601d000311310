import { describe, expect, it } from 'vitest'
import { dueBy, dueFlag, reworkDeadlineDefault, reworkDeadlineProblem } from '@/lookBackDue'

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

  it('offers the rework a deadline one calendar month on, the month\'s last day when the next is shorter', () => {
    expect(reworkDeadlineDefault('2027-03-01')).toBe('2027-04-01')
    expect(reworkDeadlineDefault('2027-01-31')).toBe('2027-02-28')
    expect(reworkDeadlineDefault('2028-01-31')).toBe('2028-02-29')
    expect(reworkDeadlineDefault('2026-12-15')).toBe('2027-01-15')
  })

  it('takes a rework deadline only after today', () => {
    expect(reworkDeadlineProblem('2027-03-02', '2027-03-01')).toBeNull()
    expect(reworkDeadlineProblem('2027-03-01', '2027-03-01')).toBe('再整改完成时限须晚于今天（2027-03-01）')
    expect(reworkDeadlineProblem('2026-11-30', '2027-03-01')).toBe('再整改完成时限须晚于今天（2027-03-01）')
    expect(reworkDeadlineProblem(null, '2027-03-01')).toBe('请选择再整改完成时限')
  })
})
