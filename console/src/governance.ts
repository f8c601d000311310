// The leading group, accountability figures and dispatch meetings as the office reads and enters
// them: labels, totals, and the checks a form makes before it sends anything.
import type {
  AccountabilityKind, AccountabilitySummary, Decision, DecisionInput, Funds, FundsKind, LeadingGroupInput, LeadingGroupRole, Meeting, Member,
  MeetingInput, MeetingKind, Outcome, RecordWithdrawal,
} from '@/api/governance'
import type { Person } from '@/auth/roles'
import { daysUntil, formatDate } from '@/format'
import type { Column } from '@/rowColumns'

export const ROLE_LABELS: Record<LeadingGroupRole, string> = { LEADER: '组长', DEPUTY_LEADER: '副组长', MEMBER: '成员' }

// In the order the report's sentence names them (reporting-service's Accountability.KINDS).
export const ACCOUNTABILITY_LABELS: Record<AccountabilityKind, string> = {
  ADMONISHMENT_TALK: '诫勉谈话',
  CRITICISM_EDUCATION: '批评教育',
  PARTY_DISCIPLINE: '党纪处分',
  GOVERNMENT_SANCTION: '政务处分',
  ORGANISATIONAL_HANDLING: '组织处理',
}

export const FUNDS_LABELS: Record<FundsKind, string> = { RECOVERED_FUNDS: '追回资金', RETRIEVED_LOSSES: '挽回损失' }

export const MEETING_LABELS: Record<MeetingKind, string> = { WEEKLY_DISPATCH: '周调度会', MONTHLY_PUSH: '月推进会', SPECIAL: '专题会议' }

/** Field errors keyed as the service names them (members[1].position …), so both land on the same field. */
export type FieldErrors = Record<string, string>

/**
 * What stands between a leading group and saving it: a first responsible person's position, each
 * member's position, exactly one 组长 (the service refuses anything else; said here before sending).
 */
export function leadingGroupErrors(input: LeadingGroupInput): FieldErrors {
  const errors: FieldErrors = {}
  if (input.firstResponsible.position.trim() === '') errors['firstResponsible.position'] = '请填写第一责任人的职务'
  if (input.members.length === 0) errors.members = '至少应有一名组长'
  input.members.forEach((member, i) => {
    if (member.position.trim() === '') errors[`members[${i}].position`] = '请填写职务'
  })
  const leaders = input.members.filter((m) => m.role === 'LEADER').length
  if (input.members.length > 0 && leaders !== 1) {
    errors.members = leaders === 0 ? '领导小组应有一名组长' : `领导小组只能有一名组长（现有 ${leaders} 名）`
  }
  return errors
}

/** The group as sent: positions and names trimmed, a blank name sent as none. */
export function cleanLeadingGroup(input: LeadingGroupInput): LeadingGroupInput {
  const name = (value: string | null) => (value === null || value.trim() === '' ? null : value.trim())
  return {
    firstResponsible: { position: input.firstResponsible.position.trim(), name: name(input.firstResponsible.name) },
    members: input.members.map((m) => ({ role: m.role, position: m.position.trim(), name: name(m.name) })),
  }
}

/** Members in the order a notice names them: 组长, 副组长, then 成员, each as entered. */
export function membersInOrder<T extends { role: LeadingGroupRole }>(members: T[]): T[] {
  const rank: Record<LeadingGroupRole, number> = { LEADER: 0, DEPUTY_LEADER: 1, MEMBER: 2 }
  return members.map((m, i) => ({ m, i })).sort((a, b) => rank[a.m.role] - rank[b.m.role] || a.i - b.i).map(({ m }) => m)
}

export interface TotalRow {
  label: string
  value: number
}

/** A record that counts in the totals: one withdrawn (撤销登记) stays listed but counts nowhere, as in the service's totals and the report. */
export function counts(record: Pick<RecordWithdrawal, 'state'>): boolean {
  return record.state !== 'WITHDRAWN'
}

/** People handled by kind, every kind shown (0 where none), in the labels' order, and the total; withdrawn records left out. */
export function peopleTotals(summary: Pick<AccountabilitySummary, 'outcomes'>): { rows: TotalRow[]; total: number } {
  const byKind = new Map<AccountabilityKind, number>()
  for (const o of summary.outcomes.filter(counts)) byKind.set(o.kind, (byKind.get(o.kind) ?? 0) + o.people)
  const rows = (Object.keys(ACCOUNTABILITY_LABELS) as AccountabilityKind[])
    .map((kind) => ({ label: ACCOUNTABILITY_LABELS[kind], value: byKind.get(kind) ?? 0 }))
  return { rows, total: rows.reduce((sum, row) => sum + row.value, 0) }
}

/**
 * 万元 by kind, summed in ten-thousandths (the service keeps four decimals) so that 0.1 + 0.2 is 0.3,
 * not 0.30000000000000004; withdrawn entries left out.
 */
export function fundsTotals(summary: Pick<AccountabilitySummary, 'funds'>): TotalRow[] {
  const byKind = new Map<FundsKind, number>()
  for (const f of summary.funds.filter(counts)) byKind.set(f.kind, (byKind.get(f.kind) ?? 0) + toTenThousandths(f.amountWanYuan))
  return (Object.keys(FUNDS_LABELS) as FundsKind[]).map((kind) => ({ label: FUNDS_LABELS[kind], value: (byKind.get(kind) ?? 0) / 10_000 }))
}

function toTenThousandths(amount: number | string): number {
  return Math.round(Number(amount) * 10_000)
}

const wanYuan = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 })

/** An amount in 万元 as a notice writes it: 1,234.5万元. */
export function formatWanYuan(amount: number | string): string {
  return `${wanYuan.format(Number(amount))}万元`
}

/** An amount typed into the form: a positive number of 万元 with at most four decimals, else why not. */
export function amountError(text: string): string | null {
  const trimmed = text.trim()
  if (trimmed === '') return '请填写金额'
  if (!/^\d{1,10}(\.\d{1,4})?$/.test(trimmed)) return '金额应为数字（万元），最多四位小数'
  if (Number(trimmed) <= 0) return '金额应大于 0'
  return null
}

/** A withdrawal (撤销登记) says why, in at most 500 characters (the service's bound). */
export function withdrawalReasonError(reason: string): string {
  const trimmed = reason.trim()
  if (trimmed === '') return '请说明撤销原因'
  return trimmed.length > 500 ? '撤销原因不超过 500 字' : ''
}

/** A correction (of an outcome or an amount) says why; a new record has no reason to give. */
export function correctionReasonError(correcting: boolean, reason: string): string {
  return correcting && reason.trim() === '' ? '请说明更正原因' : ''
}

/** The attendees as typed in one field, as the minutes list them: separated by 、 , ; or a new line. */
export function attendeeNames(text: string): string[] {
  return text.split(/[、,，;；\n]/).map((name) => name.trim()).filter((name) => name !== '')
}

/** What stands between a meeting and recording it; decisions may not fall due before the meeting. */
export function meetingErrors(input: MeetingInput): FieldErrors {
  const errors: FieldErrors = {}
  if (!input.heldOn) errors.heldOn = '请选择会议日期'
  if (input.chair.trim() === '') errors.chair = '请填写主持人'
  input.attendees.forEach((name, i) => {
    if (input.attendees.indexOf(name) < i) errors[`attendees[${i}]`] = `“${name}”重复`
  })
  input.decisions.forEach((d: DecisionInput, i) => {
    if (d.text.trim() === '') errors[`decisions[${i}].text`] = '请填写议定事项'
    if (d.responsibleUnit.trim() === '') errors[`decisions[${i}].responsibleUnit`] = '请填写责任单位'
    if (!d.dueDate) errors[`decisions[${i}].dueDate`] = '请选择完成时限'
    else if (input.heldOn && d.dueDate < input.heldOn) errors[`decisions[${i}].dueDate`] = '完成时限不能早于会议日期'
  })
  return errors
}

/**
 * Whether the minutes' file (会议纪要) may be downloaded: the office, the supervisors, and the officers of a
 * unit the meeting gave a decision to (the service refuses everyone else, the operator too: docs/security.md).
 */
export function mayReadMinutes(person: Person, meeting: Pick<Meeting, 'decisions'>): boolean {
  if (person.roles.includes('coordinator') || person.roles.includes('supervisor')) return true
  return person.roles.includes('officer') && person.unit !== ''
    && meeting.decisions.some((d) => d.responsibleUnit === person.unit)
}

export type DecisionStatus = { text: string; tone: 'done' | 'task-cancelled' | 'overdue' | 'due-soon' | 'open' }

/** What a decision's status is read from: the task it is about may have been cancelled since the meeting. */
type DecisionFacts = Pick<Decision, 'done' | 'dueDate'> & Partial<Pick<Decision, 'taskCancelledAt'>>

/**
 * How a decision stands on `today` (yyyy-MM-dd in Beijing): done, about a task cancelled since (撤销: no
 * longer due, as it is in no one's 待办), overdue, due within `soonDays`, or open.
 */
export function decisionStatus(decision: DecisionFacts, today: string, soonDays = 3): DecisionStatus {
  if (decision.done) return { text: '已完成', tone: 'done' }
  if (decision.taskCancelledAt) return { text: '关联任务已撤销', tone: 'task-cancelled' }
  const days = daysUntil(decision.dueDate, today)
  if (days < 0) return { text: `已逾期${-days}天`, tone: 'overdue' }
  if (days === 0) return { text: '今日到期', tone: 'due-soon' }
  if (days <= soonDays) return { text: `还有${days}天`, tone: 'due-soon' }
  return { text: `还有${days}天`, tone: 'open' }
}

/** A meeting's decisions at a glance: 3项，已完成1项，逾期1项. */
export function decisionsLine(decisions: DecisionFacts[], today: string): string {
  if (decisions.length === 0) return '无议定事项'
  const done = decisions.filter((d) => d.done).length
  const overdue = decisions.filter((d) => decisionStatus(d, today).tone === 'overdue').length
  return `${decisions.length}项，已完成${done}项${overdue > 0 ? `，逾期${overdue}项` : ''}`
}

/** A meeting's decisions (议定事项): number, the decision, its unit, and its deadline with how it stands today. */
export function decisionColumns(today: string): Column<Decision>[] {
  return [
    { key: 'number', label: '序号', width: 56, text: (_, index) => String(index + 1), card: 'number' },
    { key: 'text', prop: 'text', label: '事项', minWidth: 170, card: 'title' },
    { key: 'responsibleUnit', prop: 'responsibleUnit', label: '责任单位', width: 100 },
    { key: 'due', label: '完成时限 / 落实情况', width: 150, text: (d) => `${formatDate(d.dueDate)} ${decisionStatus(d, today).text}` },
  ]
}

/** The inspection's meetings: date, kind, the topic (linked; the kind when there is none), chair, and its decisions in one line. */
export function meetingColumns(today: string): Column<Meeting>[] {
  return [
    { key: 'heldOn', label: '会议日期', width: 124, text: (m) => formatDate(m.heldOn) },
    { key: 'kind', label: '类别', width: 84, text: (m) => MEETING_LABELS[m.kind] },
    { key: 'topic', label: '议题', minWidth: 160, to: (m) => `/meetings/${m.id}`, text: (m) => m.topic?.trim() || MEETING_LABELS[m.kind], card: 'title' },
    { key: 'chair', prop: 'chair', label: '主持人', width: 110 },
    { key: 'decisions', label: '议定事项', minWidth: 130, text: (m) => decisionsLine(m.decisions, today) },
  ]
}

/** 问责情况's own columns (AccountabilityRecordSection adds the problem, the document and 更正): the kind heads a phone's card. */
export const OUTCOME_COLUMNS: readonly Column<Outcome>[] = [
  { key: 'kind', label: '方式', width: 80, text: (o) => ACCOUNTABILITY_LABELS[o.kind], card: 'title' },
  { key: 'people', label: '人数', width: 56, align: 'right', text: (o) => `${o.people} 人` },
  { key: 'decidedOn', label: '决定日期', width: 116, text: (o) => formatDate(o.decidedOn) },
]

/** 追回资金和挽回损失's own columns, as OUTCOME_COLUMNS. */
export const FUNDS_COLUMNS: readonly Column<Funds>[] = [
  { key: 'kind', label: '类别', width: 80, text: (f) => FUNDS_LABELS[f.kind], card: 'title' },
  { key: 'amount', label: '金额', width: 100, align: 'right', text: (f) => formatWanYuan(f.amountWanYuan) },
  { key: 'recordedOn', label: '日期', width: 116, text: (f) => formatDate(f.recordedOn) },
]

/** The leading group's members as read (the office edits them in a form): the position heads a phone's card. */
export const MEMBER_COLUMNS: readonly Column<Member>[] = [
  { key: 'role', label: '职责', width: 100, text: (m) => ROLE_LABELS[m.role] },
  { key: 'position', prop: 'position', label: '职务', minWidth: 200, card: 'title' },
  { key: 'name', label: '姓名', width: 140, text: (m) => m.name ?? '—' },
]
