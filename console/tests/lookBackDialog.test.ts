// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import type { TaskSnapshot } from '@/api/types'
import LookBackDialog from '@/components/LookBackDialog.vue'
import { json, reset, client, network, serveApi } from './recordedNetwork'
import { field, press, settle, type } from './dialogDom'
import { LookBackApi } from '@/api/lookBack'

// The reviewers' finding: a look-back that reopened a task (再整改) kept the close-out's deadline, months
// past, so the task was overdue at once, and the dialog had no field for a new one. The dialog now asks
// for the rework's deadline, one month on by default, after today in Asia/Shanghai.
const net = network()
serveApi(() => ({ lookBack: new LookBackApi(client(net, '/api/tasks')) }))

const task = {
  id: 't1', version: 9, areaNumber: 1, problemNumber: 2, number: 1, title: '规范招商项目跟踪服务', responsibleUnit: '招商局',
  deadline: '2026-11-30', verifiedAt: '2026-12-10T10:00:00+08:00', state: 'VERIFIED',
} as unknown as TaskSnapshot

/** 00:30 on 1 March 2027 in Shanghai, still 28 February in UTC. */
const HALF_PAST_MIDNIGHT = new Date('2027-02-28T16:30:00Z')
/** 23:59 on 28 February 2027 in Shanghai. */
const A_MINUTE_TO_MIDNIGHT = new Date('2027-02-28T15:59:00Z')

let wrapper: VueWrapper | null = null
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
})

/** The service: no earlier reviews, and `post` answering the review. */
function service(post: () => Response) {
  net.answer = () => (net.sent[net.sent.length - 1]!.init.method === 'POST' ? post() : json(200, []))
}

async function open(at: Date) {
  vi.setSystemTime(at)
  wrapper = mount(LookBackDialog, { props: { open: true, task }, global: { plugins: [ElementPlus] }, attachTo: document.body })
  await settle()
}

async function reopen() {
  const radio = [...document.querySelectorAll<HTMLElement>('.el-radio')].find((r) => r.textContent?.includes('再整改'))
  radio!.click()
  await settle()
}

function pick(date: string) {
  const picker = field('look-back-deadline')
  picker.value = date
  picker.dispatchEvent(new Event('input'))
  picker.dispatchEvent(new Event('change'))
}

const posted = () => net.sent.filter((r) => r.init.method === 'POST').map((r) => JSON.parse(String(r.init.body)))
const held = (deadline: string) => json(201, { id: 'r1', taskId: 't1', outcome: 'REOPENED', reason: '台账未更新', reviewer: 'ducha',
  reviewedAt: '2027-03-01T00:30:00+08:00', reviewedVerifiedAt: task.verifiedAt, newProblemId: null, task: { ...task, state: 'REOPENED', deadline } })

describe('the look-back dialog', () => {
  it('asks a reopening for the rework\'s deadline, one month on by default, and sends it', async () => {
    service(() => held('2027-04-01'))
    await open(HALF_PAST_MIDNIGHT)
    expect(document.getElementById('look-back-deadline')).toBeNull()
    await reopen()
    expect(field('look-back-deadline').value).toBe('2027-04-01')
    expect(document.body.textContent).toContain('原完成时限：2026年11月30日')
    type('look-back-reason', '抽查发现台账3个月未更新')
    await settle()
    await press('确认再整改')
    expect(posted()).toEqual([{ outcome: 'REOPENED', reason: '抽查发现台账3个月未更新', deadline: '2027-04-01' }])
    expect(wrapper!.emitted('held')).toHaveLength(1)
  })

  it('lets the reviewer change it, and sends a confirmation without one', async () => {
    service(() => held('2027-06-30'))
    await open(HALF_PAST_MIDNIGHT)
    await reopen()
    pick('2027-06-30')
    type('look-back-reason', '抽查发现台账3个月未更新')
    await settle()
    await press('确认再整改')
    expect(posted()[0]).toMatchObject({ outcome: 'REOPENED', deadline: '2027-06-30' })

    wrapper!.unmount()
    reset(net)
    service(() => json(201, { id: 'r2', taskId: 't1', outcome: 'CONFIRMED', reason: null, reviewer: 'ducha',
      reviewedAt: '2027-03-01T00:30:00+08:00', reviewedVerifiedAt: task.verifiedAt, newProblemId: null, task }))
    await open(HALF_PAST_MIDNIGHT)
    await press('确认整改成效')
    expect(posted()).toEqual([{ outcome: 'CONFIRMED' }])
  })

  it('refuses a deadline that is no longer after today when midnight in Shanghai has passed, before sending', async () => {
    service(() => held('2027-03-01'))
    await open(A_MINUTE_TO_MIDNIGHT)
    await reopen()
    // at 23:59 on 28 February the default is a month on, and 1 March is after today
    expect(field('look-back-deadline').value).toBe('2027-03-28')
    pick('2027-03-01')
    type('look-back-reason', '抽查发现台账3个月未更新')
    await settle()
    expect(field('look-back-deadline').value).toBe('2027-03-01')
    // submitted at 00:30: 1 March is today now, and would be overdue at the next midnight
    vi.setSystemTime(HALF_PAST_MIDNIGHT)
    await press('确认再整改')
    expect(posted()).toEqual([])
    expect(document.body.textContent).toContain('再整改完成时限须晚于今天（2027-03-01）')
  })

  it('shows the service\'s refusal of the deadline by its field, in Chinese', async () => {
    service(() => json(400, { status: 400, title: 'Invalid request', errors: [{ field: 'deadline',
      message: 'must be after today (2027-03-02): the rework\'s deadline (再整改完成时限) would leave the reopened task overdue' }] },
    'application/problem+json'))
    await open(HALF_PAST_MIDNIGHT)
    await reopen()
    type('look-back-reason', '抽查发现台账3个月未更新')
    await settle()
    await press('确认再整改')
    expect(posted()).toHaveLength(1)
    expect(document.querySelector('[for="look-back-deadline"]')?.closest('.el-form-item')?.textContent)
      .toContain('再整改完成时限须晚于今天（2027-03-02）')
  })
})
