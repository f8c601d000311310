// The period a new progress report covers, as the form first offers it, and the form's checks before sending.
// tasks-service's rule (work/ReportPeriod, docs/tasks-service.md): work done, so the period begins no later
// than today in Asia/Shanghai, and one report is one 日报、周报 or 月报, spanning at most 1, 7 or 31 days.
import type { ReportingCadence } from '@/api/types'
import { NOT_BLANK, REQUIRED } from '@/api/problem'

/** The most days one report of the cadence may cover (ReportPeriod.longestDays). */
export const LONGEST_DAYS: Record<ReportingCadence, number> = { DAILY: 1, WEEKLY: 7, MONTHLY: 31 }

/** `date` (yyyy-MM-dd) moved by `days`. */
export function plusDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10)
}

/** The day after the same day a month before `date` (month ends clamped): a month's period ending on `date`. */
function monthEndingOn(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const lastOfPrevious = new Date(Date.UTC(year, month - 1, 0)).getUTCDate()
  return plusDays(new Date(Date.UTC(year, month - 2, Math.min(day, lastOfPrevious))).toISOString().slice(0, 10), 1)
}

/**
 * 报告期起 as the form offers it for a period ending `today`: the day after the latest period reported (the
 * reports follow on from each other), else one period of the cadence ending today (a 日报 today, a 周报 the
 * seven days to today, a 月报 the month to today). Never after today, which the service refuses, and never
 * so early that the period to today would be longer than the cadence allows: a unit that missed reports
 * starts from the longest period it may still report at once. The officer may change it.
 */
export function defaultPeriodStart(cadence: ReportingCadence, reportedPeriodEnds: readonly string[], today: string): string {
  const earliest = plusDays(today, 1 - LONGEST_DAYS[cadence])
  const latestEnd = reportedPeriodEnds.reduce<string | null>((latest, end) => (latest === null || end > latest ? end : latest), null)
  const wanted = latestEnd !== null ? plusDays(latestEnd, 1)
    : cadence === 'DAILY' ? today : cadence === 'WEEKLY' ? plusDays(today, -6) : monthEndingOn(today)
  if (wanted > today) return today
  return wanted < earliest ? earliest : wanted
}

export interface ProgressReportFields {
  periodStart: string | null
  periodEnd: string | null
  text: string
}

/**
 * What the service would refuse for a field left empty, in the words its 400 is shown with (必填, 不能为空):
 * said before sending, not after a round trip.
 */
export function progressReportProblems(form: ProgressReportFields): Record<string, string> {
  const problems: Record<string, string> = {}
  if (!form.periodStart) problems.periodStart = REQUIRED
  if (!form.periodEnd) problems.periodEnd = REQUIRED
  if (form.text.trim() === '') problems.text = NOT_BLANK
  return problems
}
