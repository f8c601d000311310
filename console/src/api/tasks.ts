import type { Answer, Download, HttpClient } from './http'
import type { SubmissionKey } from './submissionKey'
import { readAll, type AllOf } from './pages'
import type {
  AreaView, AuditEntry, DeadlineExtensionRequest, Evidence, IndicatorValue, IndicatorValueInput, EvidenceFile, EvidenceInput, InspectionInput, InspectionView, LedgerList, Page, ProblemExtensionsView, ProblemInput, ProblemRow, ProblemView,
  ProgressReport, ProgressReportInput, ResponsibilityList, SpreadsheetImportResult, TaskInput, TaskPatch, TaskRow, TaskSnapshot,
  TaskState, Uuid,
} from './types'

export interface TaskFilter {
  inspectionId?: Uuid
  /** cancelled tasks (撤销) too; the service leaves them out otherwise */
  includeCancelled?: boolean
  unit?: string
  state?: TaskState
  overdue?: boolean
  sort?: string
  page?: number
  size?: number
}

/** A level of the plan read in one request unless it holds more (TasksApi.level). */
const LEVEL_PAGE = 200

/** tasks-service, behind the gateway at /api/tasks. */
export class TasksApi {
  constructor(private readonly http: HttpClient) {}

  async inspections(page = 0, size = 50): Promise<Page<InspectionView>> {
    return (await this.http.request<Page<InspectionView>>('GET', '/inspections', { query: { page, size } })).body
  }

  /** Every inspection (for a list or a choice of them), page after page. */
  async allInspections(): Promise<InspectionView[]> {
    return (await readAll((page, size) => this.inspections(page, size))).items
  }

  /** The office registers an inspection (巡视), whose plan is then imported into it. */
  registerInspection(input: InspectionInput, key?: SubmissionKey): Promise<Answer<InspectionView>> {
    return this.http.request<InspectionView>('POST', '/inspections', { body: input, key })
  }

  async inspection(id: Uuid): Promise<InspectionView> {
    return (await this.http.request<InspectionView>('GET', `/inspections/${enc(id)}`)).body
  }

  // The plan's lists leave what the office cancelled (撤销) out unless asked for it (includeCancelled).
  areas(inspectionId: Uuid, includeCancelled = false): Promise<AreaView[]> {
    return this.level<AreaView>(`/inspections/${enc(inspectionId)}/areas`, includeCancelled)
  }

  problems(areaId: Uuid, includeCancelled = false): Promise<ProblemView[]> {
    return this.level<ProblemView>(`/areas/${enc(areaId)}/problems`, includeCancelled)
  }

  /** One problem, also once the office cancelled it (撤销: its `cancellation` then says when, who and why). */
  async problem(id: Uuid): Promise<ProblemView> {
    return (await this.http.request<ProblemView>('GET', `/problems/${enc(id)}`)).body
  }

  /** An inspection's problems of one source that stand (GET /problems), at most 500: e.g. those escalated from public feedback. */
  async problemsBySource(inspectionId: Uuid, source: string): Promise<ProblemView[]> {
    return (await this.http.request<Page<ProblemView>>('GET', '/problems', { query: { inspectionId, source, size: 500 } })).body.items
  }

  /** Every problem of an inspection, page after page (the plan tree's 筛选 and 全部展开 read the plan whole). */
  async allProblems(inspectionId: Uuid, includeCancelled = false): Promise<ProblemView[]> {
    return (await readAll(async (page, size) => (await this.http.request<Page<ProblemView>>('GET', '/problems',
      { query: { inspectionId, page, size, ...cancelledToo(includeCancelled) } })).body)).items
  }

  tasksOfProblem(problemId: Uuid, includeCancelled = false): Promise<TaskSnapshot[]> {
    return this.level<TaskSnapshot>(`/problems/${enc(problemId)}/tasks`, includeCancelled)
  }

  /**
   * One level of the plan (an inspection's areas, an area's problems, a problem's tasks) whole: its first
   * LEVEL_PAGE in one read, as a level nearly always is; a longer one page after page, so that the plan tree
   * and the ledger picker do not silently end a level at its 200th.
   */
  private async level<T>(path: string, includeCancelled: boolean): Promise<T[]> {
    const query = { size: LEVEL_PAGE, ...cancelledToo(includeCancelled) }
    const first = (await this.http.request<Page<T>>('GET', path, { query })).body
    const items = [...first.items]
    for (let page = 1; page * LEVEL_PAGE < first.total; page++) {
      items.push(...(await this.http.request<Page<T>>('GET', path, { query: { ...query, page } })).body.items)
    }
    return items
  }

  /**
   * 撤销: the office cancels a task, a problem (with its tasks) or an area (with its problems and their tasks)
   * entered by mistake, saying why; based on `version` (412 when it moved), one key per submission. The answer
   * is the view, its `cancellation` set; a refusal (409) names why in its members (cancellation.ts).
   */
  cancel<T extends AreaView | ProblemView | TaskSnapshot>(level: 'area' | 'problem' | 'task', id: Uuid, version: number, reason: string,
    key?: SubmissionKey): Promise<Answer<T>> {
    return this.http.request<T>('POST', `/${level === 'area' ? 'areas' : level === 'problem' ? 'problems' : 'tasks'}/${enc(id)}/cancellation`,
      { body: { reason: reason.trim() }, ifMatch: version, key })
  }

  /** 举一反三: the problems extending this one and all their tasks rolled up per unit and overall. */
  async extensions(problemId: Uuid): Promise<ProblemExtensionsView> {
    return (await this.http.request<ProblemExtensionsView>('GET', `/problems/${enc(problemId)}/extensions`)).body
  }

  registerProblem(areaId: Uuid, input: ProblemInput, key?: SubmissionKey): Promise<Answer<ProblemView>> {
    return this.http.request<ProblemView>('POST', `/areas/${enc(areaId)}/problems`, { body: input, key })
  }

  createTask(problemId: Uuid, input: TaskInput, key?: SubmissionKey): Promise<Answer<TaskSnapshot>> {
    return this.http.request<TaskSnapshot>('POST', `/problems/${enc(problemId)}/tasks`, { body: input, key })
  }

  /** One page of the tasks (200 unless asked): for a screen showing a page, not counting over all. */
  async tasks(filter: TaskFilter): Promise<Page<TaskSnapshot>> {
    return (await this.http.request<Page<TaskSnapshot>>('GET', '/tasks', { query: { size: 200, ...filter } })).body
  }

  /** Every task the filter finds, page after page (pages.ts), for a screen that counts or filters them itself. */
  allTasks(filter: Omit<TaskFilter, 'page' | 'size'>): Promise<AllOf<TaskSnapshot>> {
    return readAll((page, size) => this.tasks({ ...filter, page, size }))
  }

  task(id: Uuid): Promise<Answer<TaskSnapshot>> {
    return this.http.request<TaskSnapshot>('GET', `/tasks/${enc(id)}`)
  }

  async progressReports(id: Uuid): Promise<ProgressReport[]> {
    return (await this.http.request<ProgressReport[]>('GET', `/tasks/${enc(id)}/progress-reports`)).body
  }

  async evidence(id: Uuid): Promise<Evidence[]> {
    return (await this.http.request<Evidence[]>('GET', `/tasks/${enc(id)}/evidence`)).body
  }

  async audit(id: Uuid): Promise<AuditEntry[]> {
    return (await this.http.request<AuditEntry[]>('GET', `/tasks/${enc(id)}/audit`)).body
  }

  update(id: Uuid, version: number, patch: TaskPatch): Promise<Answer<TaskSnapshot>> {
    return this.http.request<TaskSnapshot>('PATCH', `/tasks/${enc(id)}`, { body: patch, ifMatch: version })
  }

  reportProgress(id: Uuid, version: number, input: ProgressReportInput, key?: SubmissionKey): Promise<Answer<unknown>> {
    return this.http.request('POST', `/tasks/${enc(id)}/progress-reports`, { body: input, ifMatch: version, key })
  }

  addEvidence(id: Uuid, version: number, input: EvidenceInput, key?: SubmissionKey): Promise<Answer<Evidence>> {
    return this.http.request<Evidence>('POST', `/tasks/${enc(id)}/evidence`, { body: input, ifMatch: version, key })
  }

  /**
   * Attaches (or replaces) an evidence entry's file; the service checks its type by its first bytes. An entry's
   * first file needs no `version`; replacing one names the task's version read (If-Match): without it the
   * service refuses (428), so that a file someone uploaded meanwhile is never replaced unseen.
   */
  async attachEvidenceFile(id: Uuid, evidenceId: Uuid, file: File, version: number | null = null): Promise<EvidenceFile> {
    return (await this.http.request<EvidenceFile>('PUT', `/tasks/${enc(id)}/evidence/${enc(evidenceId)}/file`, {
      query: { filename: file.name },
      raw: { content: file, contentType: file.type === '' ? 'application/octet-stream' : file.type },
      ifMatch: version,
    })).body
  }

  /** Removes an evidence entry that has no file yet (the service refuses one with its file, 409). */
  async removeEvidence(id: Uuid, version: number, evidenceId: Uuid): Promise<void> {
    await this.http.request<void>('DELETE', `/tasks/${enc(id)}/evidence/${enc(evidenceId)}`, { ifMatch: version })
  }

  evidenceFile(id: Uuid, evidenceId: Uuid): Promise<Download> {
    return this.http.download(`/tasks/${enc(id)}/evidence/${enc(evidenceId)}/file`)
  }

  /** A measured value with its source; answers the task with the indicator's new latest value. */
  recordIndicatorValue(id: Uuid, version: number, indicatorId: Uuid, input: IndicatorValueInput,
    key?: SubmissionKey): Promise<Answer<TaskSnapshot>> {
    return this.http.request<TaskSnapshot>('POST', `/tasks/${enc(id)}/indicators/${enc(indicatorId)}/values`,
      { body: input, ifMatch: version, key })
  }

  async indicatorHistory(id: Uuid, indicatorId: Uuid): Promise<IndicatorValue[]> {
    return (await this.http.request<IndicatorValue[]>('GET', `/tasks/${enc(id)}/indicators/${enc(indicatorId)}/values`)).body
  }

  achieveMilestone(id: Uuid, version: number, milestoneId: Uuid): Promise<Answer<TaskSnapshot>> {
    return this.http.request<TaskSnapshot>('POST', `/tasks/${enc(id)}/milestones/${enc(milestoneId)}/achievement`, { ifMatch: version })
  }

  /** The task breakdown table (CSV or XLSX) into an inspection; a dry run stores nothing. */
  async importPlanRows(inspectionId: Uuid, file: File, dryRun: boolean): Promise<SpreadsheetImportResult> {
    return (await this.http.request<SpreadsheetImportResult>('POST', `/inspections/${enc(inspectionId)}/plan-rows`, {
      query: { dryRun },
      raw: { content: file, contentType: spreadsheetType(file.name) },
    })).body
  }

  /** The template, its example due after the inspection's on-site start (and today), so it imports unchanged. */
  planTemplate(format: 'csv' | 'xlsx', inspectionId: Uuid): Promise<Download> {
    return this.http.download(`/plans/template.${format}?inspectionId=${enc(inspectionId)}`)
  }

  /** The plan as the ledger holds it, in the import's own columns (任务分解表): the import reads it back unchanged. */
  planRows(inspectionId: Uuid, format: 'csv' | 'xlsx'): Promise<Download> {
    return this.http.download(`/inspections/${enc(inspectionId)}/plan.${format}`)
  }

  async problemList(inspectionId: Uuid): Promise<ProblemRow[]> {
    return (await this.http.request<ProblemRow[]>('GET', `/inspections/${enc(inspectionId)}/problem-list`)).body
  }

  async taskList(inspectionId: Uuid): Promise<TaskRow[]> {
    return (await this.http.request<TaskRow[]>('GET', `/inspections/${enc(inspectionId)}/task-list`)).body
  }

  async responsibilityList(inspectionId: Uuid): Promise<ResponsibilityList> {
    return (await this.http.request<ResponsibilityList>('GET', `/inspections/${enc(inspectionId)}/responsibility-list`)).body
  }

  exportList(inspectionId: Uuid, list: LedgerList, format: 'csv' | 'xlsx'): Promise<Download> {
    return this.http.download(`/inspections/${enc(inspectionId)}/${list}.${format}`)
  }

  start(id: Uuid, version: number): Promise<Answer<TaskSnapshot>> {
    return this.http.request<TaskSnapshot>('POST', `/tasks/${enc(id)}/start`, { ifMatch: version })
  }

  claimCompletion(id: Uuid, version: number): Promise<Answer<TaskSnapshot>> {
    return this.http.request<TaskSnapshot>('POST', `/tasks/${enc(id)}/completion-claim`, { ifMatch: version })
  }

  /** 核实 (close-out, or a LONG_TERM claim's consolidation) with the verifier's note; a blank note sends no body. */
  verify(id: Uuid, version: number, note = ''): Promise<Answer<TaskSnapshot>> {
    return this.http.request<TaskSnapshot>('POST', `/tasks/${enc(id)}/verification`, { body: verificationBody(note), ifMatch: version })
  }

  /** 撤回销号申请: the claim taken back before it is decided; a blank reason is kept as none. */
  withdrawClaim(id: Uuid, version: number, reason: string): Promise<Answer<TaskSnapshot>> {
    return this.http.request<TaskSnapshot>('POST', `/tasks/${enc(id)}/completion-claim-withdrawal`, { body: { reason: reason.trim() }, ifMatch: version })
  }

  rejectCompletion(id: Uuid, version: number, reason: string): Promise<Answer<TaskSnapshot>> {
    return this.http.request<TaskSnapshot>('POST', `/tasks/${enc(id)}/completion-rejection`, { body: { reason }, ifMatch: version })
  }

  /** The task's deadline extension requests (延期申请), newest first, pending and decided. */
  async deadlineExtensionRequests(id: Uuid): Promise<DeadlineExtensionRequest[]> {
    return (await this.http.request<DeadlineExtensionRequest[]>('GET', `/tasks/${enc(id)}/deadline-extension-requests`)).body
  }

  /** 申请延期: a later deadline and why, to the office. */
  requestDeadlineExtension(id: Uuid, version: number, requestedDeadline: string, reason: string,
    key?: SubmissionKey): Promise<Answer<DeadlineExtensionRequest>> {
    return this.http.request<DeadlineExtensionRequest>('POST', `/tasks/${enc(id)}/deadline-extension-requests`,
      { body: { requestedDeadline, reason: reason.trim() }, ifMatch: version, key })
  }

  /** 同意延期, with the office's note when one was written (a blank note sends no body). */
  approveDeadlineExtension(id: Uuid, version: number, requestId: Uuid, note = ''): Promise<Answer<DeadlineExtensionRequest>> {
    const text = note.trim()
    return this.http.request<DeadlineExtensionRequest>('POST', `/tasks/${enc(id)}/deadline-extension-requests/${enc(requestId)}/approval`,
      { body: text === '' ? undefined : { note: text }, ifMatch: version })
  }

  /** 不同意延期, saying why (the unit is mailed it). */
  refuseDeadlineExtension(id: Uuid, version: number, requestId: Uuid, reason: string): Promise<Answer<DeadlineExtensionRequest>> {
    return this.http.request<DeadlineExtensionRequest>('POST', `/tasks/${enc(id)}/deadline-extension-requests/${enc(requestId)}/refusal`,
      { body: { reason }, ifMatch: version })
  }
}

/** 核实's body: the note when one was written, none otherwise (a bare POST, no note kept). Here, not with the
 * dialog's words (src/verification.ts), so the first screen's chunk does not carry them. */
export function verificationBody(note: string): { note: string } | undefined {
  const text = note.trim()
  return text === '' ? undefined : { note: text }
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The Content-Type the import endpoint takes for a file of this name: XLSX, else CSV. */
export function spreadsheetType(filename: string): string {
  return /\.xlsx$/i.test(filename) ? XLSX : 'text/csv'
}

/** includeCancelled only when asked: the default request stays as it was. */
function cancelledToo(includeCancelled: boolean): { includeCancelled?: boolean } {
  return includeCancelled ? { includeCancelled: true } : {}
}

function enc(segment: string): string {
  return encodeURIComponent(segment)
}
