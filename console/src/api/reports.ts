import { HttpClient, unquote, type Answer } from './http'
import { useSession } from '@/auth/session'
import type { FieldError } from './problem'
import type { LocalDate, OffsetDateTime, Uuid } from './types'

/** The texts and choices the office supplies for the public report (PUT replaces all of them). */
export interface ReportDraftInput {
  /** 一、领导班子履行主体责任情况 */
  leadershipResponsibility: string
  /** 三、下一步工作打算 */
  nextSteps: string
  issuer: string
  issuedOn: LocalDate | null
  /** The publication whose window and channels close the report. */
  publicationId: Uuid | null
  includeOtherSources: boolean
  /** Why the report lists fewer items than the plan declares. */
  totalsExplanation: string
}

export interface ReportDraft extends Omit<ReportDraftInput, 'leadershipResponsibility' | 'nextSteps' | 'issuer' | 'totalsExplanation'> {
  inspectionId: Uuid
  /** The ETag: a save names it (If-Match), so a save made meanwhile by someone else answers 412. */
  version: number
  leadershipResponsibility: string | null
  nextSteps: string | null
  issuer: string | null
  totalsExplanation: string | null
  updatedBy: string | null
  updatedAt: OffsetDateTime | null
}

/** One thing standing between the draft and publication, as the clerk reads it (Chinese). */
export interface CheckWarning {
  field: string
  text: string
}

/**
 * What stands between the draft and publication: field errors for programs, `warnings` for people; `notices`,
 * what the office should know that does not stop publication (section 二 numbered otherwise since the version in force).
 */
export interface ReportChecks {
  publishable: boolean
  incomplete: FieldError[]
  disagreements: FieldError[]
  warnings: CheckWarning[]
  notices: CheckWarning[]
}

/** A published version: never changed; its texts are public pages under /reports/. */
export interface Disclosure {
  from: LocalDate
  to: LocalDate
  phone: string | null
  phoneHours: string | null
  postalAddress: string | null
  postalCode: string | null
  email: string | null
}

export interface ReportVersion {
  inspectionId: Uuid
  number: number
  publishedAt: OffsetDateTime
  publicationId: Uuid
  /** The window and channels as this version was published with them (the publication may be edited later); null before they were kept. */
  disclosure: Disclosure | null
  issuer: string
  issuedOn: LocalDate
  html: string
  markdown: string
  pdf: string
}

/** The preview as shown, and the version of the draft it shows (Draft-ETag; null before the first save). */
export interface ReportPreview {
  html: string
  draftVersion: number | null
}

/** reporting-service's public report of an inspection (/reports/{inspectionId}/…). */
export class ReportsApi {
  constructor(private readonly http: HttpClient) {}

  /** The saved draft, or null before the first save. */
  async draft(inspectionId: Uuid): Promise<ReportDraft | null> {
    try {
      return (await this.http.request<ReportDraft>('GET', `${base(inspectionId)}/draft`)).body
    } catch (error) {
      if ((error as { status?: number }).status === 404) return null
      throw error
    }
  }

  /** @param version the version the change is based on; null only for the first save, which creates the draft */
  saveDraft(inspectionId: Uuid, input: ReportDraftInput, version: number | null): Promise<Answer<ReportDraft>> {
    return this.http.request<ReportDraft>('PUT', `${base(inspectionId)}/draft`, { body: input, ifMatch: version })
  }

  async checks(inspectionId: Uuid): Promise<ReportChecks> {
    return (await this.http.request<ReportChecks>('GET', `${base(inspectionId)}/checks`)).body
  }

  /** The draft rendered now (printable HTML, styled by /reports/report.css, no script) and which version of it. */
  async preview(inspectionId: Uuid): Promise<ReportPreview> {
    const answer = await this.http.download(`${base(inspectionId)}/preview.html`, 'text/html')
    const draftVersion = unquote(answer.headers.get('Draft-ETag'))
    return { html: await answer.blob.text(), draftVersion: draftVersion === null ? null : Number(draftVersion) }
  }

  async versions(inspectionId: Uuid): Promise<ReportVersion[]> {
    return (await this.http.request<ReportVersion[]>('GET', `${base(inspectionId)}/versions`)).body
  }

  /**
   * @param reviewed the version of the draft the person read before publishing (the preview's, or the one
   * they just saved); a save made since by someone else answers 412 instead of being published unread.
   * Null only while there is no draft, which the service refuses as incomplete.
   */
  publish(inspectionId: Uuid, reviewed: number | null): Promise<Answer<ReportVersion>> {
    return this.http.request<ReportVersion>('POST', `${base(inspectionId)}/versions`, { ifMatch: reviewed })
  }
}

export function useReportsApi(): ReportsApi {
  const session = useSession()
  return new ReportsApi(new HttpClient('/api/reporting', () => session.accessToken()))
}

function base(inspectionId: Uuid): string {
  return `/reports/${encodeURIComponent(inspectionId)}`
}
