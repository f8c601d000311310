import type { Answer, Download, HttpClient } from './http'
import type { SubmissionKey } from './submissionKey'
import { evidenceContentType } from '@/evidenceFiles'
import type { LocalDate, OffsetDateTime, Uuid } from './types'

// tasks-service's leading group, accountability figures and dispatch meetings of an inspection
// (docs/tasks-service.md), behind the gateway at /api/tasks.

export type LeadingGroupRole = 'LEADER' | 'DEPUTY_LEADER' | 'MEMBER'

/** A position (职务) and, optionally, the staff member holding it. */
export interface Person {
  position: string
  name: string | null
}

export interface Member extends Person {
  role: LeadingGroupRole
}

export interface LeadingGroupInput {
  firstResponsible: Person
  members: Member[]
}

export interface LeadingGroup extends LeadingGroupInput {
  inspectionId: Uuid
  version: number
  updatedAt: OffsetDateTime
}

export type AccountabilityKind =
  | 'ADMONISHMENT_TALK'
  | 'CRITICISM_EDUCATION'
  | 'PARTY_DISCIPLINE'
  | 'GOVERNMENT_SANCTION'
  | 'ORGANISATIONAL_HANDLING'

export type FundsKind = 'RECOVERED_FUNDS' | 'RETRIEVED_LOSSES'

export interface OutcomeInput {
  kind: AccountabilityKind
  people: number
  problemId: Uuid | null
  decidedOn: LocalDate
  /** the document the figure is taken from */
  source: string
}

/**
 * Whether a record counts: RECORDED, or WITHDRAWN (撤销登记: entered by mistake; listed, in no total, changed no
 * more), with who withdrew it, when and why.
 */
export type RecordState = 'RECORDED' | 'WITHDRAWN'

export interface RecordWithdrawal {
  state: RecordState
  withdrawnAt: OffsetDateTime | null
  withdrawnBy: string | null
  withdrawalReason: string | null
}

export interface Outcome extends OutcomeInput, RecordWithdrawal {
  id: Uuid
  inspectionId: Uuid
  /** the ETag a correction or withdrawal names in If-Match */
  version: number
  createdAt: OffsetDateTime
  correctedAt: OffsetDateTime | null
  correctionReason: string | null
}

export interface FundsInput {
  kind: FundsKind
  /** 万元, up to four decimals (JSON number or string) */
  amountWanYuan: number | string
  problemId: Uuid | null
  recordedOn: LocalDate
  source: string
}

export interface Funds extends FundsInput, RecordWithdrawal {
  id: Uuid
  inspectionId: Uuid
  /** the ETag a correction or withdrawal names in If-Match */
  version: number
  createdAt: OffsetDateTime
  correctedAt: OffsetDateTime | null
  correctionReason: string | null
}

/** Every record, withdrawn ones included (state WITHDRAWN); the totals count only those RECORDED. */
export interface AccountabilitySummary {
  inspectionId: Uuid
  outcomes: Outcome[]
  funds: Funds[]
  peopleByKind: Partial<Record<AccountabilityKind, number>>
  peopleTotal: number
  wanYuanByKind: Partial<Record<FundsKind, number | string>>
}

export type MeetingKind = 'WEEKLY_DISPATCH' | 'MONTHLY_PUSH' | 'SPECIAL'

export interface DecisionInput {
  text: string
  responsibleUnit: string
  dueDate: LocalDate
  taskId: Uuid | null
}

export interface MeetingInput {
  kind: MeetingKind
  heldOn: LocalDate
  chair: string
  topic: string | null
  /** Staff names or positions, each once. */
  attendees: string[]
  decisions: DecisionInput[]
}

/** The minutes' file (会议纪要), described; downloaded on its own. */
export interface Minutes {
  filename: string
  contentType: string
  size: number
  sha256: string
  uploadedAt: OffsetDateTime
}

export interface Decision extends DecisionInput {
  id: Uuid
  /** When the office cancelled (撤销) the task it is about, after the meeting; null while it stands or with no task. */
  taskCancelledAt: OffsetDateTime | null
  done: boolean
  doneAt: OffsetDateTime | null
  doneBy: string | null
}

export interface Meeting extends Omit<MeetingInput, 'decisions'> {
  id: Uuid
  version: number
  inspectionId: Uuid
  /** Null until attached. */
  minutes: Minutes | null
  decisions: Decision[]
}

export class GovernanceApi {
  constructor(private readonly http: HttpClient) {}

  /** The group, or null before it is first set (404). */
  async leadingGroup(inspectionId: Uuid): Promise<LeadingGroup | null> {
    try {
      return (await this.http.request<LeadingGroup>('GET', `${inspection(inspectionId)}/leading-group`)).body
    } catch (error) {
      if ((error as { status?: number }).status === 404) return null
      throw error
    }
  }

  /** Sets the group; replacing it needs the version it is based on (412 when it moved). */
  setLeadingGroup(inspectionId: Uuid, version: number | null, input: LeadingGroupInput): Promise<Answer<LeadingGroup>> {
    return this.http.request<LeadingGroup>('PUT', `${inspection(inspectionId)}/leading-group`, { body: input, ifMatch: version })
  }

  async accountability(inspectionId: Uuid): Promise<AccountabilitySummary> {
    return (await this.http.request<AccountabilitySummary>('GET', `${inspection(inspectionId)}/accountability`)).body
  }

  recordOutcome(inspectionId: Uuid, input: OutcomeInput, key?: SubmissionKey): Promise<Answer<Outcome>> {
    return this.http.request<Outcome>('POST', `${inspection(inspectionId)}/accountability/outcomes`, { body: input, key })
  }

  outcome(inspectionId: Uuid, id: Uuid): Promise<Answer<Outcome>> {
    return this.http.request<Outcome>('GET', `${inspection(inspectionId)}/accountability/outcomes/${enc(id)}`)
  }

  /** The outcome as it should read, and why; based on `version` (412 when someone corrected it meanwhile). */
  correctOutcome(inspectionId: Uuid, id: Uuid, version: number, outcome: OutcomeInput, reason: string): Promise<Answer<Outcome>> {
    return this.http.request<Outcome>('PUT', `${inspection(inspectionId)}/accountability/outcomes/${enc(id)}`, {
      body: { outcome, reason }, ifMatch: version,
    })
  }

  /** 撤销登记: the outcome stays listed, in no total; based on `version` (412 when it moved, 409 once withdrawn). */
  withdrawOutcome(inspectionId: Uuid, id: Uuid, version: number, reason: string): Promise<Answer<Outcome>> {
    return this.http.request<Outcome>('POST', `${inspection(inspectionId)}/accountability/outcomes/${enc(id)}/withdrawal`, {
      body: { reason: reason.trim() }, ifMatch: version,
    })
  }

  recordFunds(inspectionId: Uuid, input: FundsInput, key?: SubmissionKey): Promise<Answer<Funds>> {
    return this.http.request<Funds>('POST', `${inspection(inspectionId)}/accountability/funds`, { body: input, key })
  }

  funds(inspectionId: Uuid, id: Uuid): Promise<Answer<Funds>> {
    return this.http.request<Funds>('GET', `${inspection(inspectionId)}/accountability/funds/${enc(id)}`)
  }

  /** The entry as it should read, and why; based on `version` (412 when someone corrected it meanwhile). */
  correctFunds(inspectionId: Uuid, id: Uuid, version: number, funds: FundsInput, reason: string): Promise<Answer<Funds>> {
    return this.http.request<Funds>('PUT', `${inspection(inspectionId)}/accountability/funds/${enc(id)}`, {
      body: { funds, reason }, ifMatch: version,
    })
  }

  /** 撤销登记 of an amount, as withdrawOutcome. */
  withdrawFunds(inspectionId: Uuid, id: Uuid, version: number, reason: string): Promise<Answer<Funds>> {
    return this.http.request<Funds>('POST', `${inspection(inspectionId)}/accountability/funds/${enc(id)}/withdrawal`, {
      body: { reason: reason.trim() }, ifMatch: version,
    })
  }

  async meetings(inspectionId: Uuid): Promise<Meeting[]> {
    return (await this.http.request<Meeting[]>('GET', `${inspection(inspectionId)}/meetings`)).body
  }

  holdMeeting(inspectionId: Uuid, input: MeetingInput, key?: SubmissionKey): Promise<Answer<Meeting>> {
    return this.http.request<Meeting>('POST', `${inspection(inspectionId)}/meetings`, { body: input, key })
  }

  async meeting(id: Uuid): Promise<Meeting> {
    return (await this.http.request<Meeting>('GET', `/meetings/${enc(id)}`)).body
  }

  /** Attaches (or replaces) the minutes' file; checked as evidence files are. Answers the meeting. */
  async attachMinutes(meetingId: Uuid, file: File): Promise<Meeting> {
    return (await this.http.request<Meeting>('PUT', `/meetings/${enc(meetingId)}/minutes`, {
      query: { filename: file.name },
      raw: { content: file, contentType: evidenceContentType(file.name) ?? 'application/octet-stream' },
    })).body
  }

  minutes(meetingId: Uuid): Promise<Download> {
    return this.http.download(`/meetings/${enc(meetingId)}/minutes`)
  }

  /** A decision carried out (409 when it already is). */
  completeDecision(meetingId: Uuid, decisionId: Uuid): Promise<Answer<Meeting>> {
    return this.http.request<Meeting>('POST', `/meetings/${enc(meetingId)}/decisions/${enc(decisionId)}/completion`)
  }
}

function inspection(id: Uuid): string {
  return `/inspections/${enc(id)}`
}

function enc(segment: string): string {
  return encodeURIComponent(segment)
}
