import type { Answer, HttpClient } from './http'
import type { SubmissionKey } from './submissionKey'
import type { OffsetDateTime, Page, Uuid } from './types'

// The shapes of feedback-service's staff API (docs/feedback-service.md) the console uses.

/** ESCALATION_REFUSED: tasks-service could not register the escalation; staff may answer, escalate again or close. */
export type FeedbackStatus = 'RECEIVED' | 'TRIAGED' | 'ANSWERED' | 'CLOSED' | 'ESCALATED' | 'MERGED' | 'ESCALATION_REFUSED'
export type FeedbackCategory = 'OPINION' | 'SUGGESTION' | 'COMPLAINT' | 'MISCONDUCT_REPORT'
export type FeedbackChannel = 'WEB' | 'PHONE' | 'POST' | 'EMAIL' | 'API' | string

/** A submitter's contact details: masked in every list and page, in full only from /submitter. */
export interface Submitter {
  name: string | null
  phone: string | null
  email: string | null
  address: string | null
}

/** What the personal-data permission reveals (and the history records): the details in full and the text as sent. */
export interface RevealedSubmission extends Submitter {
  /** the text with the contact data the submitter wrote into it, which every other view masks */
  text: string
}

export interface FeedbackView {
  id: Uuid
  version: number
  trackingCode: string
  publicationId: Uuid
  inspectionId: Uuid
  channel: FeedbackChannel
  category: FeedbackCategory | null
  status: FeedbackStatus
  areaId: Uuid | null
  problemId: Uuid | null
  taskId: Uuid | null
  /**
   * 撤销: when the office cancelled the area, problem or task the feedback is linked to (entered by mistake);
   * null while the link stands. The link is kept; a triage moves it to a part that stands.
   */
  linkCancelledAt?: OffsetDateTime | null
  text: string
  anonymous: boolean
  submitterMasked: Submitter | null
  receiptNumber: string | null
  receivedAt: OffsetDateTime
  /** false when staff registered the call or letter without its time: receivedAt is then the day's 00:00, the day alone */
  receivedTimeGiven?: boolean
  replyDueAt: OffsetDateTime | null
  triagedAt: OffsetDateTime | null
  /** when the first answer was published; a revision keeps it */
  answeredAt: OffsetDateTime | null
  /** when the answer shown replaced an earlier one (null while the first stands) */
  answerRevisedAt?: OffsetDateTime | null
  closedAt: OffsetDateTime | null
  answer: string | null
  mergedIntoId: Uuid | null
  /** when the retention period erased the submitter's contact details (GET …/submitter then answers 410); null while kept */
  personalDataErasedAt?: OffsetDateTime | null
  /** how urgent its reply is as of the read, by the service's rule (ReplyRule); null once it is owed none */
  replyUrgency?: ReplyUrgency | null
}

/** The service's urgency of a reply: past its day, within 待办's horizon, received and neither, the rest owed. */
export type ReplyUrgency = 'OVERDUE' | 'DUE_SOON' | 'NEW' | 'OPEN'


export interface HistoryEntry {
  at: OffsetDateTime
  actor: string
  action: string
  detail: string | null
  /** ANSWERED, ANSWER_REVISED: the answer that step published, kept when a later one replaced it */
  answer?: string | null
}

export interface TriageInput {
  category?: FeedbackCategory
  areaId?: Uuid
  problemId?: Uuid
  taskId?: Uuid
}

export interface EscalateInput {
  title: string
  description: string
  areaId?: Uuid
}

export interface Channels {
  phone?: string | null
  phoneHours?: string | null
  postalAddress?: string | null
  postalCode?: string | null
  email?: string | null
}

/** What staff send to publish a notice: the window's ends are local date-times in `timeZone`, both inclusive. */
export interface PublicationInput {
  inspectionId: Uuid
  title: string
  body?: string
  reportUrl?: string
  /** yyyy-MM-ddTHH:mm:ss, local to timeZone */
  windowStart: string
  windowEnd: string
  timeZone?: string
  channels?: Channels
}

export interface PublicationView {
  id: Uuid
  version: number
  inspectionId: Uuid
  title: string
  body: string | null
  reportUrl: string | null
  windowStart: OffsetDateTime
  windowEnd: OffsetDateTime
  timeZone: string
  open: boolean
  channels: Channels | null
  createdAt: OffsetDateTime
  updatedAt: OffsetDateTime | null
}

/** The channels staff register a feedback from (WEB and API submit themselves). */
export type StaffChannel = 'PHONE' | 'POST' | 'EMAIL'

/** POST /feedback: a feedback received by phone, letter or e-mail (StaffFeedbackInput). */
export interface StaffFeedbackInput {
  publicationId: Uuid
  channel: StaffChannel
  /** yyyy-MM-dd, the day it arrived */
  receivedOn: string
  /** HH:mm in the publication's zone (a call's time), when known */
  receivedTime?: string
  receiptNumber?: string
  text: string
  name?: string
  phone?: string
  email?: string
  address?: string
}

/** The inbox's tabs as the service filters them (GET /feedback?reply=): 待答复, 已超期, 即将到期, 新收到; none: 全部. */
export type ReplyFilter = 'OWED' | 'OVERDUE' | 'DUE_SOON' | 'NEW'

/** What the inbox's list and its tab totals share (GET /feedback, GET /feedback/counts). */
export interface InboxFilter {
  publicationId?: Uuid
  status?: FeedbackStatus
  /** a tracking code, or words of the text; a long run of digits or an '@' is refused (400 naming q) */
  q?: string
  category?: FeedbackCategory
  channel?: FeedbackChannel
}

export interface FeedbackFilter extends InboxFilter {
  reply?: ReplyFilter
  /** newest first, or the earliest reply date first (the default of OWED, OVERDUE, DUE_SOON) */
  sort?: 'NEWEST' | 'REPLY_DUE'
  /** only the feedback linked to a part the office cancelled (撤销) */
  linkCancelled?: boolean
  /** only those a duplicate may be merged into (not merged, not closed without an answer) */
  mergeTarget?: boolean
  page?: number
  size?: number
}

/** GET /feedback/counts: every tab's total under the same filters, and the horizon of 即将到期. */
export interface InboxCounts {
  asOf: string
  dueSoonDays: number
  owed: number
  overdue: number
  dueSoon: number
  newlyReceived: number
  all: number
}

/** feedback-service, behind the gateway at /api/feedback. */
export class FeedbackApi {
  constructor(private readonly http: HttpClient) {}

  async list(filter: FeedbackFilter): Promise<Page<FeedbackView>> {
    return (await this.http.request<Page<FeedbackView>>('GET', '/feedback', { query: { ...filter } })).body
  }

  /** The inbox's tab totals in one read. */
  async counts(filter: InboxFilter): Promise<InboxCounts> {
    return (await this.http.request<InboxCounts>('GET', '/feedback/counts', { query: { ...filter } })).body
  }

  /** Register a feedback received by phone, letter or e-mail (the office): 201 with the new feedback. */
  record(input: StaffFeedbackInput, key?: SubmissionKey): Promise<Answer<FeedbackView>> {
    return this.http.request<FeedbackView>('POST', '/feedback', { body: input, key })
  }

  get(id: Uuid): Promise<Answer<FeedbackView>> {
    return this.http.request<FeedbackView>('GET', `/feedback/${enc(id)}`)
  }

  async history(id: Uuid): Promise<HistoryEntry[]> {
    return (await this.http.request<HistoryEntry[]>('GET', `/feedback/${enc(id)}/history`)).body
  }

  /** The contact details in full: personal-data permission only, and every call is recorded in the history. */
  async submitter(id: Uuid): Promise<RevealedSubmission> {
    return (await this.http.request<RevealedSubmission>('GET', `/feedback/${enc(id)}/submitter`)).body
  }

  triage(id: Uuid, version: number, input: TriageInput): Promise<Answer<FeedbackView>> {
    return this.http.request<FeedbackView>('POST', `/feedback/${enc(id)}/triage`, { body: input, ifMatch: version })
  }

  answer(id: Uuid, version: number, answer: string): Promise<Answer<FeedbackView>> {
    return this.http.request<FeedbackView>('POST', `/feedback/${enc(id)}/answer`, { body: { answer }, ifMatch: version })
  }

  escalate(id: Uuid, version: number, input: EscalateInput): Promise<Answer<FeedbackView>> {
    return this.http.request<FeedbackView>('POST', `/feedback/${enc(id)}/escalate`, { body: input, ifMatch: version })
  }

  merge(id: Uuid, version: number, into: Uuid): Promise<Answer<FeedbackView>> {
    return this.http.request<FeedbackView>('POST', `/feedback/${enc(id)}/merge`, { body: { into }, ifMatch: version })
  }

  /** 批量合并: the duplicates into one feedback, all or none (a refusal names feedback[i] or into). */
  async mergeAll(into: Uuid, feedback: readonly Uuid[]): Promise<FeedbackView[]> {
    return (await this.http.request<{ merged: FeedbackView[] }>('POST', '/feedback/merges', { body: { into, feedback } })).body.merged
  }

  close(id: Uuid, version: number, reason: string): Promise<Answer<FeedbackView>> {
    return this.http.request<FeedbackView>('POST', `/feedback/${enc(id)}/close`, { body: reason === '' ? {} : { reason }, ifMatch: version })
  }

  async publications(inspectionId?: Uuid): Promise<PublicationView[]> {
    return (await this.http.request<Page<PublicationView>>('GET', '/publications', { query: { inspectionId, size: 200 } })).body.items
  }

  createPublication(input: PublicationInput, key?: SubmissionKey): Promise<Answer<PublicationView>> {
    return this.http.request<PublicationView>('POST', '/publications', { body: input, key })
  }
}

function enc(segment: string): string {
  return encodeURIComponent(segment)
}
