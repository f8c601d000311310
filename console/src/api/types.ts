// The shapes of tasks-service's OpenAPI document (/q/openapi) the console uses.

export type Uuid = string
/** yyyy-MM-dd */
export type LocalDate = string
/** ISO 8601 with offset */
export type OffsetDateTime = string

export interface Page<T> {
  items: T[]
  page: number
  size: number
  total: number
}

/** 常规巡视 / 专项巡视 / 机动巡视 (tasks-service's InspectionKind). */
export type InspectionKind = 'REGULAR' | 'SPECIAL' | 'FLEXIBLE' | string

/**
 * What the office sends to register an inspection (POST /inspections, tasks-service's InspectionInput): the declared
 * totals are what the plan itself says (5个方面46项具体问题,细化为64项整改任务), each optional.
 */
export interface InspectionInput {
  title: string
  team: string
  inspectedOrganisation: string
  kind: InspectionKind
  onSiteFrom: LocalDate | null
  onSiteTo: LocalDate | null
  feedbackDate?: LocalDate
  declaredAreas?: number
  declaredProblems?: number
  declaredTasks?: number
}

export interface InspectionView {
  id: Uuid
  version: number
  title: string
  team: string
  inspectedOrganisation: string
  kind: InspectionKind
  onSiteFrom: LocalDate
  onSiteTo: LocalDate
  feedbackDate: LocalDate
  createdAt: OffsetDateTime
}

export interface AreaView {
  id: Uuid
  version: number
  inspectionId: Uuid
  number: number
  title: string
  percentComplete: number
  /** 撤销 by the office (entered by mistake): it stays in the ledger, counted in no figure; null while it stands */
  cancellation?: Cancellation | null
}

/** 撤销: why the office cancelled a task, problem or area entered by mistake, who, when. */
export interface Cancellation {
  reason: string
  by: string
  at: OffsetDateTime
}

export interface ProblemView {
  id: Uuid
  version: number
  inspectionId: Uuid
  areaId: Uuid
  number: number
  title: string
  description: string | null
  source: string
  percentComplete: number
  /** 撤销 (with its tasks); null while it stands */
  cancellation?: Cancellation | null
}

/** 举一反三 rolled up (GET /problems/{id}/extensions): the problems extending a finding, and every
 * responsible unit's tasks of the finding and its extensions together. */
export interface ProblemExtensionsView {
  problemId: Uuid
  taskCount: number
  percentComplete: number
  extensions: { id: Uuid; areaId: Uuid; number: number; title: string; taskCount: number; percentComplete: number }[]
  units: { responsibleUnit: string; taskCount: number; closedOut: number; percentComplete: number }[]
}

/** A problem as staff register it (POST /areas/{id}/problems); ANALOGY names the finding it extends. */
export interface ProblemInput {
  title: string
  description?: string | null
  source?: 'PLAN' | 'SELF_FOUND' | 'ANALOGY'
  extendsProblemId?: Uuid
}

/** A task as the task breakdown table states it (POST /problems/{id}/tasks). */
export interface TaskInput {
  title: string
  measures: string
  leadOfficial: string
  responsiblePerson: string
  responsibleUnit: string
  deadline: LocalDate
  kind: TaskKind
  reportingCadence?: ReportingCadence | null
}

export type TaskState = 'PLANNED' | 'IN_PROGRESS' | 'COMPLETION_CLAIMED' | 'VERIFIED' | 'CONSOLIDATING' | 'REOPENED'
export type TaskAction = 'START' | 'CLAIM_COMPLETION' | 'REJECT_COMPLETION' | 'VERIFY' | 'CONSOLIDATE' | 'LOOK_BACK_CONFIRM' | 'REOPEN' | 'WITHDRAW_CLAIM'
export type TaskKind = 'IMMEDIATE' | 'TIME_BOUND' | 'LONG_TERM'
export type ReportingCadence = 'DAILY' | 'WEEKLY' | 'MONTHLY'
export type EvidenceType = 'LEDGER' | 'DOCUMENT' | 'MINUTES' | 'OTHER'

export interface IndicatorView {
  id: Uuid
  name: string
  unit: string | null
  baseline: number | null
  targetKind: string
  targetValue: number | null
  direction: string
  latestActual: number | null
  latestSource: string | null
  met: boolean | null
}

export interface MilestoneView {
  id: Uuid
  title: string
  dueDate: LocalDate
  achievedAt: OffsetDateTime | null
}

export interface TaskSnapshot {
  id: Uuid
  version: number
  inspectionId: Uuid
  areaId: Uuid
  problemId: Uuid
  /** its area's and its problem's numbers: with its own number, its name in the plan (taskNames.labelOf) */
  areaNumber: number
  problemNumber: number
  /** its own number, unique only within its problem */
  number: number
  title: string
  measures: string | null
  progressNarrative: string | null
  leadOfficial: string | null
  responsiblePerson: string | null
  responsibleUnit: string
  deadline: LocalDate
  kind: TaskKind
  state: TaskState
  percentComplete: number
  reportingCadence: ReportingCadence | null
  requireIndicatorsMet: boolean
  lastProgressReportAt: OffsetDateTime | null
  indicators: IndicatorView[]
  milestones: MilestoneView[]
  evidenceCount: number
  /** of them, those a supervisor can check (a file attached or a reference): claiming and verifying need one */
  evidenceWithFileOrReference: number
  claimedBy: string | null
  /** when claimedBy made the latest claim (申请时间); null when none stands since a withdrawal or reopening */
  claimedAt: OffsetDateTime | null
  verifiedAt: OffsetDateTime | null
  reopenCount: number
  overdue: boolean
  progressReportMissing: boolean
  nextLookBackDue: LocalDate | null
  /** The latest rejected claim and the latest reopening, with their reasons. */
  lastRejection: Decision | null
  lastReopen: Decision | null
  /** The latest claim its owners withdrew (撤回销号申请), with their reason when they gave one. */
  lastWithdrawal: Withdrawal | null
  /** The latest look-back review (回头看) with its findings, a confirmation's too. */
  lastLookBack: LookBackRecord | null
  /** The verifier's note on the latest close-out or consolidation. */
  verificationNote: Note | null
  allowedTransitions: TaskAction[]
  /** The latest move of the deadline by the office (延期 always with a reason). */
  lastDeadlineChange: DeadlineChange | null
  /** The unit's deadline extension request (延期申请) waiting for the office's decision; null (or absent) when none. */
  pendingDeadlineExtension?: PendingExtension | null
  /** 撤销 by the office (itself, or its problem or area): the task keeps its state, has no allowedTransitions,
   * counts in no figure; null while it stands. The console reads this, not the event-side cancelledAt. */
  cancellation?: Cancellation | null
}

/** A deadline extension request as the task shows it while it waits: which date, why, who asked, when. */
export interface PendingExtension {
  id: Uuid
  requestedDeadline: LocalDate
  reason: string
  by: string
  at: OffsetDateTime
}

export type ExtensionStatus = 'PENDING' | 'APPROVED' | 'REFUSED'

/** GET /tasks/{id}/deadline-extension-requests: one request (延期申请), pending or decided. */
export interface DeadlineExtensionRequest {
  id: Uuid
  taskId: Uuid
  requestedDeadline: LocalDate
  /** the task's deadline when it was asked for */
  deadlineAtRequest: LocalDate
  reason: string
  requestedBy: string
  requestedAt: OffsetDateTime
  status: ExtensionStatus
  decidedBy: string | null
  decidedAt: OffsetDateTime | null
  /** the refusal's reason, or the approval's note (审批意见); null while pending or when an approval came without */
  decisionNote: string | null
  /** the task after a request or decision just made; absent in the list */
  task?: TaskSnapshot
}

/** A move of a task's deadline: from which date to which, why (null for an earlier one without), who, when. */
export interface DeadlineChange {
  from: LocalDate
  to: LocalDate
  reason: string | null
  by: string
  at: OffsetDateTime
}

/** A look-back review as the task keeps it: outcome, what the reviewers found (may be null), who, when. */
export interface LookBackRecord {
  outcome: 'CONFIRMED' | 'REOPENED'
  findings: string | null
  by: string
  at: OffsetDateTime
}

/** A staff member's note on a step: what, who, when. */
export interface Note {
  text: string
  by: string
  at: OffsetDateTime
}

/** A decision about a task its owner must be able to read: why, by whom, when. */
export interface Decision {
  reason: string
  by: string
  at: OffsetDateTime
}

/** A completion claim its owners withdrew: why (null when they did not say), who, when. */
export interface Withdrawal {
  reason: string | null
  by: string
  at: OffsetDateTime
}

/** The fields of a task the office may change (merge patch: absent fields stay). */
export interface TaskPatch {
  responsibleUnit?: string
  responsiblePerson?: string
  leadOfficial?: string
  deadline?: LocalDate
  /** Why the deadline moves: required by tasks-service when it moves later (延期). */
  deadlineChangeReason?: string
  reportingCadence?: ReportingCadence
}

export interface ProgressReportInput {
  cadence: ReportingCadence
  periodStart: LocalDate
  periodEnd: LocalDate
  text: string
  percentComplete: number
}

export interface ProgressReport extends ProgressReportInput {
  id: Uuid
  reportedBy?: string
  reportedAt?: OffsetDateTime
  [other: string]: unknown
}

export interface EvidenceInput {
  type: EvidenceType
  title: string
  reference?: string
  date: LocalDate
}

export interface Evidence extends EvidenceInput {
  id: Uuid
  recordedBy?: string
  recordedAt?: OffsetDateTime
  /** null until a file is attached (PUT …/evidence/{id}/file). */
  file?: EvidenceFile | null
  [other: string]: unknown
}

/** An evidence entry's file, described; its content is downloaded on its own. */
export interface EvidenceFile {
  filename: string
  contentType: string
  size: number
  sha256: string
  uploadedAt: OffsetDateTime
}

// ---- the task breakdown table's import (POST /inspections/{id}/plan-rows[?dryRun=true])

/** CHANGED and CONFLICT rows are refused by the import (CONFLICT: ambiguous, matches no single row of the ledger). */
export type RowStatus = 'ADDED' | 'CHANGED' | 'UNCHANGED' | 'REMOVED' | 'CONFLICT'

export interface RowOutcome {
  /** "row 3": the sheet's line */
  row: string
  area: string
  problem: string
  task: string
  status: RowStatus
}

export interface SpreadsheetImportResult {
  inspectionId: Uuid
  dryRun: boolean
  taskCount: number
  tasks: Uuid[]
  added: number
  changed: number
  unchanged: number
  conflicting: number
  rows: RowOutcome[]
  /** A dry run's cells an import would refuse ("row 3.完成时限"). */
  conflicts: { field: string; message: string }[] | null
  /** What the import read otherwise than written, or noticed without refusing ("row 3.具体问题", "body"). */
  warnings: { field: string; message: string }[]
}

// ---- the three lists (问题清单、任务清单、责任清单)

export interface ProblemRow {
  problemId: Uuid
  label: string
  areaNumber: number
  areaTitle: string
  problemNumber: number
  title: string
  source: string
  taskCount: number
  percentComplete: number
}

export interface TaskRow {
  taskId: Uuid
  label: string
  areaNumber: number
  areaTitle: string
  problemNumber: number
  problemTitle: string
  taskNumber: number
  title: string
  measures: string | null
  kind: TaskKind
  deadline: LocalDate
  state: TaskState
  percentComplete: number
  leadOfficial: string | null
  responsiblePerson: string | null
  responsibleUnit: string
}

export interface Responsibility {
  name: string
  taskCount: number
  tasks: TaskRow[]
}

export interface ResponsibilityList {
  inspectionId: Uuid
  byLeadOfficial: Responsibility[]
  byResponsibleUnit: Responsibility[]
}

export type LedgerList = 'problem-list' | 'task-list' | 'responsibility-list'


export interface AuditEntry {
  id: number
  action: string
  actor: string
  at: OffsetDateTime
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}

// ---- indicators' values and stage goals

export interface IndicatorValueInput {
  /** null when what was typed is no number: the service then names the field */
  value: number | null
  source: string
}

export interface IndicatorValue {
  id: Uuid
  value: number
  source: string
  recordedAt: OffsetDateTime
  recordedBy: string
}
