// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import type { ProgressReport, TaskSnapshot } from '@/api/types'
import ProgressReportForm from '@/components/ProgressReportForm.vue'
import { defaultPeriodStart, progressReportProblems } from '@/reportPeriod'
import { json, client, network, serveApi } from './recordedNetwork'
import { field, press, type } from './dialogDom'
import { TasksApi } from '@/api/tasks'

const net = network()
serveApi(() => ({ tasks: new TasksApi(client(net, '/api/tasks')) }))

describe('报告期起 as the form offers it (today 2026-12-06)', () => {
  const today = '2026-12-06'

  it('follows on from the latest period reported', () => {
    expect(defaultPeriodStart('WEEKLY', ['2026-11-22', '2026-11-29'], today)).toBe('2026-11-30')
    expect(defaultPeriodStart('DAILY', ['2026-12-05'], today)).toBe('2026-12-06')
    expect(defaultPeriodStart('MONTHLY', ['2026-11-20'], today)).toBe('2026-11-21')
  })

  it('without reports: one period of the cadence ending today (日报 today, 周报 seven days, 月报 the month)', () => {
    expect(defaultPeriodStart('DAILY', [], today)).toBe('2026-12-06')
    expect(defaultPeriodStart('WEEKLY', [], today)).toBe('2026-11-30')
    expect(defaultPeriodStart('MONTHLY', [], today)).toBe('2026-11-07')
    // month ends clamped; a period of at most 31 days
    expect(defaultPeriodStart('MONTHLY', [], '2026-03-31')).toBe('2026-03-01')
    expect(defaultPeriodStart('MONTHLY', [], '2027-01-01')).toBe('2026-12-02')
  })

  it('never after today, nor longer to today than the cadence allows (reports missed)', () => {
    // a weekly report filed on Friday for its whole week ends after today
    expect(defaultPeriodStart('WEEKLY', ['2026-12-06'], today)).toBe(today)
    expect(defaultPeriodStart('WEEKLY', ['2026-12-08'], today)).toBe(today)
    expect(defaultPeriodStart('DAILY', ['2026-11-20'], today)).toBe(today)
    expect(defaultPeriodStart('WEEKLY', ['2026-11-01'], today)).toBe('2026-11-30')
    expect(defaultPeriodStart('MONTHLY', ['2026-09-30'], today)).toBe('2026-11-06')
  })

  it('names each required field left empty in the service\'s words', () => {
    expect(progressReportProblems({ periodStart: null, periodEnd: '', text: ' \n' }))
      .toEqual({ periodStart: '必填', periodEnd: '必填', text: '不能为空' })
    expect(progressReportProblems({ periodStart: '2026-12-01', periodEnd: '2026-12-06', text: '已完成' })).toEqual({})
  })
})

describe('the progress report form', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-12-06T02:00:00Z')) // 10:00 in Beijing
  })
  afterEach(() => { vi.useRealTimers() })

  const task = (cadence: string) => ({ id: 't1', version: 3, state: 'IN_PROGRESS', reportingCadence: cadence, percentComplete: 40 }) as unknown as TaskSnapshot
  const report = (periodStart: string, periodEnd: string) => ({ id: periodEnd, cadence: 'DAILY', periodStart, periodEnd, text: '…', percentComplete: 30 }) as ProgressReport

  it('opens a 日报 task on today, and sends the period that follows the last report', async () => {
    mount(ProgressReportForm, { props: { task: task('DAILY'), reports: [] }, global: { plugins: [ElementPlus] }, attachTo: document.body })
    await flushPromises()
    expect(field('report-period-start').value).toBe('2026-12-06')
    expect(field('report-period-end').value).toBe('2026-12-06')
    document.body.innerHTML = ''

    mount(ProgressReportForm, { props: { task: task('WEEKLY'), reports: [report('2026-11-23', '2026-11-29')] },
      global: { plugins: [ElementPlus] }, attachTo: document.body })
    await flushPromises()
    type('report-text', '完成台账梳理')
    net.answer = () => json(201, { id: 'r1' }, 'application/json')
    await press('提交进展报告')
    expect(net.sent).toHaveLength(1)
    expect(JSON.parse(String(net.sent[0]!.init.body))).toMatchObject({ cadence: 'WEEKLY', periodStart: '2026-11-30', periodEnd: '2026-12-06' })
  })
})
