import type { Answer, HttpClient } from './http'
import type { SubmissionKey } from './submissionKey'
import { readAll, type AllOf } from './pages'
import type { LocalDate, OffsetDateTime, Page, TaskSnapshot, Uuid } from './types'

export type ReviewOutcome = 'CONFIRMED' | 'REOPENED'

/** A look-back review (回头看) held on a closed-out task. */
export interface LookBackReview {
  id: Uuid
  taskId: Uuid
  outcome: ReviewOutcome
  /** Why it was reopened, or what the review found. */
  reason: string | null
  reviewer: string
  reviewedAt: OffsetDateTime
  /** The close-out the review looked back at. */
  reviewedVerifiedAt: OffsetDateTime | null
  /** A problem registered while reviewing (再深挖). */
  newProblemId: Uuid | null
  /** The task after the review; only in the answer to holding one. */
  task?: TaskSnapshot
}

export interface LookBackInput {
  outcome: ReviewOutcome
  reason?: string
  /** REOPENED only, and required then: the rework's deadline (再整改完成时限), after today in Asia/Shanghai. */
  deadline?: LocalDate
  newProblem?: { title: string; description?: string }
}

/** tasks-service's 回头看: the tasks due for one, holding one, and the ones held. */
export class LookBackApi {
  constructor(private readonly http: HttpClient) {}

  /**
   * Closed-out tasks whose next look-back is due by `dueBy` (overdue ones too), of every inspection, every page of
   * them: one read gives each inspection's list and its count (a read of each inspection's count would be one
   * request an inspection).
   */
  due(dueBy: LocalDate): Promise<AllOf<TaskSnapshot>> {
    return readAll(async (page, size) => (await this.http.request<Page<TaskSnapshot>>('GET', '/tasks', {
      query: { lookBackDueBy: dueBy, sort: 'number', page, size },
    })).body)
  }

  async ofInspection(inspectionId: Uuid): Promise<LookBackReview[]> {
    return (await this.http.request<LookBackReview[]>('GET', '/look-back-reviews', { query: { inspectionId } })).body
  }

  async ofTask(taskId: Uuid): Promise<LookBackReview[]> {
    return (await this.http.request<LookBackReview[]>('GET', `/tasks/${encodeURIComponent(taskId)}/look-back-reviews`)).body
  }

  hold(taskId: Uuid, version: number, input: LookBackInput, key?: SubmissionKey): Promise<Answer<LookBackReview>> {
    return this.http.request<LookBackReview>('POST', `/tasks/${encodeURIComponent(taskId)}/look-back-reviews`,
      { body: input, ifMatch: version, key })
  }
}
