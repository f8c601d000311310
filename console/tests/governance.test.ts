import { describe, expect, it } from 'vitest'
import {
  amountError, attendeeNames, cleanLeadingGroup, decisionStatus, decisionsLine, formatWanYuan, fundsTotals, leadingGroupErrors, meetingColumns,
  mayReadMinutes, meetingErrors, membersInOrder, peopleTotals, counts, withdrawalReasonError,
} from '@/governance'
import type { Person, Role } from '@/auth/roles'
import type { Funds, LeadingGroupInput, Meeting, MeetingInput, Member, Outcome } from '@/api/governance'
import { STANDING } from './accountabilityRecords'

function group(over: Partial<LeadingGroupInput> = {}): LeadingGroupInput {
  return {
    firstResponsible: { position: '党工委书记', name: null },
    members: [
      { role: 'LEADER', position: '党工委书记', name: null },
      { role: 'DEPUTY_LEADER', position: '管委会主任', name: '王某' },
    ],
    ...over,
  }
}

describe('the leading group form', () => {
  it('accepts a group with one 组长 and every position given', () => {
    expect(leadingGroupErrors(group())).toEqual({})
  })

  it('asks for exactly one 组长, naming how many there are', () => {
    expect(leadingGroupErrors(group({ members: [{ role: 'MEMBER', position: '纪工委书记', name: null }] })).members)
      .toBe('领导小组应有一名组长')
    expect(leadingGroupErrors(group({
      members: [{ role: 'LEADER', position: 'a', name: null }, { role: 'LEADER', position: 'b', name: null }],
    })).members).toBe('领导小组只能有一名组长（现有 2 名）')
    expect(leadingGroupErrors(group({ members: [] })).members).toBe('至少应有一名组长')
  })

  it('names the blank position by its row, as the service names it', () => {
    const errors = leadingGroupErrors(group({
      firstResponsible: { position: '  ', name: null },
      members: [{ role: 'LEADER', position: '书记', name: null }, { role: 'MEMBER', position: ' ', name: null }],
    }))
    expect(errors).toEqual({ 'firstResponsible.position': '请填写第一责任人的职务', 'members[1].position': '请填写职务' })
  })

  it('sends positions trimmed and a blank name as none', () => {
    const cleaned = cleanLeadingGroup(group({
      firstResponsible: { position: ' 党工委书记 ', name: '  ' },
      members: [{ role: 'LEADER', position: ' 书记', name: ' 李某 ' }],
    }))
    expect(cleaned).toEqual({ firstResponsible: { position: '党工委书记', name: null }, members: [{ role: 'LEADER', position: '书记', name: '李某' }] })
  })

  it('lists 组长 first, then 副组长, then 成员, keeping the entered order within a role', () => {
    const members: Member[] = [
      { role: 'MEMBER', position: 'm1', name: null }, { role: 'DEPUTY_LEADER', position: 'd1', name: null }, { role: 'MEMBER', position: 'm2', name: null },
      { role: 'LEADER', position: 'l', name: null }, { role: 'DEPUTY_LEADER', position: 'd2', name: null },
    ]
    const ordered = membersInOrder(members)
    expect(ordered.map((m) => m.position)).toEqual(['l', 'd1', 'd2', 'm1', 'm2'])
  })
})

const outcome = (kind: Outcome['kind'], people: number): Outcome => ({
  id: kind + people, inspectionId: 'i', version: 1, kind, people, problemId: null, decidedOn: '2025-03-01', source: '通报', createdAt: '2025-03-01T00:00:00Z', correctedAt: null, correctionReason: null,
  ...STANDING,
})
const funds = (kind: Funds['kind'], amountWanYuan: number | string): Funds => ({
  id: `${kind}${amountWanYuan}`, inspectionId: 'i', version: 1, kind, amountWanYuan, problemId: null, recordedOn: '2025-03-01', source: '决定', createdAt: '2025-03-01T00:00:00Z', correctedAt: null, correctionReason: null,
  ...STANDING,
})

describe('accountability totals', () => {
  it('adds people by kind, shows every kind (0 where none) in the report\'s order and the total', () => {
    const { rows, total } = peopleTotals({ outcomes: [outcome('ADMONISHMENT_TALK', 3), outcome('PARTY_DISCIPLINE', 1), outcome('ADMONISHMENT_TALK', 2)] })
    expect(rows).toEqual([
      { label: '诫勉谈话', value: 5 }, { label: '批评教育', value: 0 }, { label: '党纪处分', value: 1 },
      { label: '政务处分', value: 0 }, { label: '组织处理', value: 0 },
    ])
    expect(total).toBe(6)
    expect(peopleTotals({ outcomes: [] }).total).toBe(0)
  })

  it('adds 万元 exactly to four decimals, whether the service sends numbers or strings', () => {
    const rows = fundsTotals({ funds: [funds('RECOVERED_FUNDS', 0.1), funds('RECOVERED_FUNDS', '0.2'), funds('RETRIEVED_LOSSES', '1234.5678')] })
    expect(rows).toEqual([{ label: '追回资金', value: 0.3 }, { label: '挽回损失', value: 1234.5678 }])
  })

  it('leaves withdrawn records (撤销登记) out of every total, as the service and the report do', () => {
    const withdrawn = { state: 'WITHDRAWN' as const, withdrawnAt: '2026-12-05T10:00:00+08:00', withdrawnBy: 'office-wang', withdrawalReason: '重复录入' }
    const people = peopleTotals({ outcomes: [outcome('ADMONISHMENT_TALK', 2), { ...outcome('ADMONISHMENT_TALK', 2), id: 'dup', ...withdrawn }] })
    expect(people.total).toBe(2)
    expect(people.rows[0]).toEqual({ label: '诫勉谈话', value: 2 })
    const amounts = fundsTotals({ funds: [funds('RECOVERED_FUNDS', '120.5'), { ...funds('RECOVERED_FUNDS', '120.5'), id: 'dup', ...withdrawn }] })
    expect(amounts[0]).toEqual({ label: '追回资金', value: 120.5 })
    expect(counts({ state: 'RECORDED' })).toBe(true)
    expect(counts({ state: 'WITHDRAWN' })).toBe(false)
  })

  it('asks a withdrawal for its reason, in at most 500 characters', () => {
    expect(withdrawalReasonError('  ')).toBe('请说明撤销原因')
    expect(withdrawalReasonError('重'.repeat(501))).toBe('撤销原因不超过 500 字')
    expect(withdrawalReasonError(` ${'重'.repeat(500)} `)).toBe('')
  })

  it('writes amounts as a notice does', () => {
    expect(formatWanYuan(1234.5)).toBe('1,234.5万元')
    expect(formatWanYuan('0.0001')).toBe('0.0001万元')
  })

  it('checks a typed amount before sending it', () => {
    expect(amountError('12.5')).toBeNull()
    expect(amountError('')).toBe('请填写金额')
    expect(amountError('0')).toBe('金额应大于 0')
    expect(amountError('1.23456')).toBe('金额应为数字（万元），最多四位小数')
    expect(amountError('-3')).toBe('金额应为数字（万元），最多四位小数')
    expect(amountError('12万')).toBe('金额应为数字（万元），最多四位小数')
  })
})

function meeting(over: Partial<MeetingInput> = {}): MeetingInput {
  return {
    kind: 'WEEKLY_DISPATCH', heldOn: '2025-02-28', chair: '党工委书记', topic: null, attendees: [],
    decisions: [{ text: '补齐台账', responsibleUnit: '党政办公室', dueDate: '2025-03-01', taskId: null }],
    ...over,
  }
}

describe('recording a meeting', () => {
  it('reads attendees as the minutes list them, separated by 、 , ; or a new line', () => {
    expect(attendeeNames(' 王副主任、李科长，财政金融局张局长;\n\n赵某 ')).toEqual(['王副主任', '李科长', '财政金融局张局长', '赵某'])
    expect(attendeeNames('  ')).toEqual([])
  })

  it('names an attendee written twice, as the service would refuse it', () => {
    expect(meetingErrors(meeting({ attendees: ['李科长', '王副主任', '李科长'] }))).toEqual({ 'attendees[2]': '“李科长”重复' })
  })

  it('accepts decisions due on or after the meeting day, across a month end', () => {
    expect(meetingErrors(meeting())).toEqual({})
    expect(meetingErrors(meeting({ decisions: [{ text: 'a', responsibleUnit: 'b', dueDate: '2025-02-28', taskId: null }] }))).toEqual({})
  })

  it('names each missing field and a decision due before the meeting by its row', () => {
    const errors = meetingErrors(meeting({
      heldOn: '2024-02-29', chair: ' ',
      decisions: [
        { text: '', responsibleUnit: ' ', dueDate: '', taskId: null },
        { text: 'a', responsibleUnit: 'b', dueDate: '2024-02-28', taskId: null },
      ],
    }))
    expect(errors).toEqual({
      chair: '请填写主持人',
      'decisions[0].text': '请填写议定事项',
      'decisions[0].responsibleUnit': '请填写责任单位',
      'decisions[0].dueDate': '请选择完成时限',
      'decisions[1].dueDate': '完成时限不能早于会议日期',
    })
  })
})

describe('the meetings list', () => {
  // A topic of spaces (the API takes one; the console itself sends none) would be a link with no name.
  it('names a meeting by its kind when its topic is empty or only spaces', () => {
    const topic = meetingColumns('2025-06-01').find((c) => c.key === 'topic')!
    const meeting = (t: string | null) => ({ id: 'm', kind: 'WEEKLY_DISPATCH', topic: t }) as unknown as Meeting
    expect(topic.text!(meeting('   '), 0)).toBe(topic.text!(meeting(null), 0))
    expect(topic.text!(meeting(''), 0)).toBe(topic.text!(meeting(null), 0))
    expect(topic.text!(meeting(' 调度会 '), 0)).toBe('调度会')
  })
})

describe('who may download a meeting\'s minutes', () => {
  const person = (roles: Role[], unit = ''): Person => ({ username: 'u', displayName: 'u', roles, unit })
  const held = meeting({
    decisions: [
      { text: '补齐台账', responsibleUnit: '党政办公室', dueDate: '2025-03-01', taskId: null },
      { text: '清理项目', responsibleUnit: '财政局', dueDate: '2025-03-01', taskId: null },
    ],
  }) as unknown as Meeting

  it('is the office, the supervisors and the officers of a unit given one of its decisions', () => {
    expect(mayReadMinutes(person(['coordinator']), held)).toBe(true)
    expect(mayReadMinutes(person(['supervisor']), held)).toBe(true)
    expect(mayReadMinutes(person(['officer'], '党政办公室'), held)).toBe(true)
    expect(mayReadMinutes(person(['officer'], '财政局'), held)).toBe(true)
  })

  it('is not another unit\'s officer, an officer without a unit, nor the operator, as the service refuses them', () => {
    expect(mayReadMinutes(person(['officer'], '招商局'), held)).toBe(false)
    expect(mayReadMinutes(person(['officer']), held)).toBe(false)
    expect(mayReadMinutes(person(['admin']), held)).toBe(false)
    expect(mayReadMinutes(person(['officer'], '党政办公室'), { decisions: [] })).toBe(false)
  })
})

describe('a decision\'s standing', () => {
  const today = '2024-02-28'
  it('says done, overdue, due today, due soon or open, counting across a leap day', () => {
    expect(decisionStatus({ done: true, dueDate: '2024-01-01' }, today)).toEqual({ text: '已完成', tone: 'done' })
    expect(decisionStatus({ done: false, dueDate: '2024-02-27' }, today)).toEqual({ text: '已逾期1天', tone: 'overdue' })
    expect(decisionStatus({ done: false, dueDate: '2024-02-28' }, today)).toEqual({ text: '今日到期', tone: 'due-soon' })
    expect(decisionStatus({ done: false, dueDate: '2024-03-02' }, today)).toEqual({ text: '还有3天', tone: 'due-soon' })
    expect(decisionStatus({ done: false, dueDate: '2024-03-03' }, today)).toEqual({ text: '还有4天', tone: 'open' })
    // about a task cancelled (撤销) since the meeting: no longer due, done or not as it was
    expect(decisionStatus({ done: false, dueDate: '2024-02-27', taskCancelledAt: '2024-02-20T10:00:00+08:00' }, today))
      .toEqual({ text: '关联任务已撤销', tone: 'task-cancelled' })
    expect(decisionStatus({ done: true, dueDate: '2024-02-27', taskCancelledAt: '2024-02-20T10:00:00+08:00' }, today))
      .toEqual({ text: '已完成', tone: 'done' })
  })

  it('sums up a meeting\'s decisions', () => {
    expect(decisionsLine([], today)).toBe('无议定事项')
    expect(decisionsLine([{ done: true, dueDate: '2024-02-01' }, { done: false, dueDate: '2024-02-27' }, { done: false, dueDate: '2024-03-27' }], today))
      .toBe('3项，已完成1项，逾期1项')
    expect(decisionsLine([{ done: false, dueDate: '2024-02-27', taskCancelledAt: '2024-02-20T10:00:00+08:00' }], today))
      .toBe('1项，已完成0项')
  })
})
