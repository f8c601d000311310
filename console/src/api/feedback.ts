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
}

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

export interface FeedbackFilter {
  publicationId?: Uuid
  status?: FeedbackStatus
  /** only the feedback linked to a part the office cancelled (撤销) */
  linkCancelled?: boolean
  page?: number
  size?: number
}

/** feedback-service, behind the gateway at /api/feedback. */
export class FeedbackApi {
  constructor(private readonly http: HttpClient) {}

  async list(filter: FeedbackFilter): Promise<Page<FeedbackView>> {
    return (await this.http.request<Page<FeedbackView>>('GET', '/feedback', { query: { size: 200, ...filter } })).body
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
