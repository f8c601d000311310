// RFC 9457 problem details as the services answer them, and what the console shows of them.

import { formatDateTime } from '@/format'

export interface FieldError {
  field: string
  message: string
}

export interface Problem {
  type?: string
  title?: string
  status: number
  detail?: string
  errors?: FieldError[]
  reference?: string
  [extension: string]: unknown
}

/** A request the service refused or could not serve; `problem` is its problem+json body. */
export class ApiError extends Error {
  readonly problem: Problem

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`)
    this.name = 'ApiError'
    this.problem = problem
  }

  get status(): number {
    return this.problem.status
  }

  /** Each field's message in Chinese, keyed by the field's name in the form. */
  get fieldErrors(): Record<string, string> {
    return fieldErrors(this.problem)
  }
}

/**
 * 412: the record changed since it was read. The form keeps what the user typed; reloading
 * the record gives the new version to base the change on.
 */
export class ConcurrentChangeError extends ApiError {
  constructor(problem: Problem) {
    super(problem)
    this.name = 'ConcurrentChangeError'
  }
}

/** The problem an answer carries; a body that is not problem+json still gives its status. */
export function parseProblem(status: number, contentType: string | null, body: string): Problem {
  if (contentType !== null && /json/i.test(contentType) && body.trim() !== '') {
    try {
      const parsed: unknown = JSON.parse(body)
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
        return { ...(parsed as Record<string, unknown>), status } as Problem
      }
    } catch {
      // not JSON after all: fall through to the bare status
    }
  }
  return { status, title: statusTitle(status) }
}

export function toError(problem: Problem): ApiError {
  return problem.status === 412 ? new ConcurrentChangeError(problem) : new ApiError(problem)
}

// feedback-service's refusal of a text that leaves it with personal data in it (handling.PublishedText), and
// tasks-service's of a text it publishes (platform NoContactDetails): the kinds found, never the values.
const SUBMITTER_DETAILS: Record<string, string> = { name: '姓名', phone: '电话', email: '电子邮箱', address: '地址' }
const CONTACT_KINDS: Record<string, string> = { 'a mobile number': '手机号码', 'a resident ID number': '身份证号', 'an e-mail address': '电子邮箱' }
const kindsIn = (list: string | undefined, words: Record<string, string>) =>
  (list ?? '').split(', ').map((kind) => words[kind] ?? '个人信息').join('、')
/** An answer is published (the tracking page); an escalation goes to tasks-service's ledger and the public report. */
const published = (why: string | undefined) => why === undefined || why.startsWith('an answer')
const TO_THE_LEDGER = '转为整改问题的内容将进入整改台账和公开报告'
const OFFICE_NUMBERS = '如需留联系电话，请使用单位办公电话或服务热线'

const CADENCES: Record<string, string> = { DAILY: '日报', WEEKLY: '周报', MONTHLY: '月报' }
const PARTS: Record<string, string> = { inspection: '巡视', area: '方面', problem: '问题', task: '任务' }
/** A value type as platform-support's ErrorMappers names it ("whole number", "date (YYYY-MM-DD)"). */
const TYPES: [RegExp, string][] = [
  [/^whole number$/, '整数'], [/^number$/, '数字'], [/^date \(YYYY-MM-DD\)$/, '日期（应为 YYYY-MM-DD）'],
  [/^date-time/, '日期时间'], [/^time/, '时间'], [/^id \(UUID\)$/, '编号'], [/^boolean/, '“是”或“否”'],
]
const typeWord = (type: string) => TYPES.find(([pattern]) => pattern.test(type))?.[1] ?? '值'

/**
 * The services' field messages (docs/console.md, "Field errors"), in the words of the form, keeping
 * their numbers (days, limits, dates); the more specific first. Each is held by tests/serviceMessages.test.ts,
 * which lists them by the class that says them.
 */
/**
 * feedback-service's MergeRule: why a merge was refused (409), said beside 合并到 (the problem's
 * errors name `into`) and above the page alike. The loop's words come before the merged target's.
 */
const MERGE_REFUSALS: [RegExp, string][] = [
  [/^feedback \S+ was merged into this one already/, '所选的意见建议已合并到本条，不能再把本条合并过去（两条都将得不到答复）'],
  [/^feedback \S+ was itself merged into \S+, and those merges loop/, '所选的意见建议与其他意见建议相互合并，不能作为合并目标；请选择其他意见建议'],
  [/^feedback \S+ was itself merged into /, '所选的意见建议已合并到另一条，不能作为合并目标；请改为合并到最终保留的那一条'],
  [/^feedback \S+ was closed without an answer/, '所选的意见建议已办结且未答复，合并后本条也将得不到答复；请单独答复或办结本条'],
]

const MESSAGES: [RegExp, (m: RegExpMatchArray) => string][] = [
  ...MERGE_REFUSALS.map(([pattern, said]): [RegExp, () => string] => [pattern, () => said]),
  // the inbox's search (feedback-service's InboxSearch): it does not look up the public's contact details
  [/^a run of 5 or more digits that is not a tracking code is refused/, () => '不能按5位以上的连续数字查询（查询码除外）：不按电话、证件号码查找个人信息'],
  [/^searches tracking codes and words of the text, not e-mail addresses/, () => '不能按电子邮箱查询：联系方式属于个人信息'],
  // Bean Validation's own, on the request records
  [/^must not be (null|empty)$/, () => '必填'],
  [/^must not be blank$/, () => '不能为空'],
  [/^must be less than or equal to (\S+)$/, (m) => `不能大于 ${m[1]}`],
  [/^must be greater than or equal to (\S+)$/, (m) => `不能小于 ${m[1]}`],
  [/^must be greater than (\S+)$/, (m) => `应大于 ${m[1]}`],
  [/^numeric value out of bounds \(<(\d+) digits>\.<(\d+) digits> expected\)$/, (m) => `整数部分最多 ${m[1]} 位，小数最多 ${m[2]} 位`],
  [/^size must be between (\d+) and (\d+)$/, (m) => `长度应在 ${m[1]} 到 ${m[2]} 之间`],
  [/^must be a date in the present or in the past$/, () => '不能晚于今天'],
  [/^must be a well-formed email address$/, () => '电子邮箱格式不正确'],
  // platform-support: any request's texts, numbers, dates and query parameters (InputLimits, QueryParameters, ErrorMappers)
  [/^contains a control character \(U\+(\w+)\) at position (\d+)$/, (m) => `含有不可见的控制字符（U+${m[1]}，第 ${Number(m[2]) + 1} 个字符），请删除`],
  [/^contains a lone surrogate \(U\+\w+\) at position (\d+)$/, (m) => `含有无法识别的字符（第 ${Number(m[1]) + 1} 个字符），请删除后重新输入`],
  [/^must be below 10\^15 in absolute value$/, () => '数值过大：绝对值须小于 10^15'],
  [/^must be between (\d{4}-\d{2}-\d{2}) and (\d{4}-\d{2}-\d{2})$/, (m) => `日期应在 ${m[1]} 至 ${m[2]} 之间`],
  [/^is required$/, () => '必填'],
  [/^'(.*)' is not a date \(YYYY-MM-DD\)$/, (m) => `“${m[1]}”不是有效日期（应为 YYYY-MM-DD）`],
  [/^'(.*)' is not a valid date \(YYYY-MM-DD\)$/, (m) => `“${m[1]}”不是有效日期（应为 YYYY-MM-DD）`],
  [/^'(.*)' is not a valid (.+)$/, (m) => `“${m[1]}”不是有效的${typeWord(m[2] ?? '')}`],
  [/^is out of range for /, () => '数值超出范围'],
  [/^is too long to be a number$/, () => '数字过长'],
  [/^(?:'.*' is not true or false|must be true or false)$/, () => '应为“是”或“否”'],
  [/^must be an integer$/, () => '应为整数'],
  // tasks-service: dates of a task, a progress report, an inspection, a meeting
  [/^must not be before the inspection's on-site start \((\d{4}-\d{2}-\d{2})\)$/, (m) => `不能早于巡视进驻日期（${m[1]}）`],
  [/^must not be before periodStart \((\d{4}-\d{2}-\d{2})\)$/, (m) => `不能早于报告期起（${m[1]}）`],
  [/^must not be before onSiteFrom \((\d{4}-\d{2}-\d{2})\)$/, (m) => `不能早于进驻开始日期（${m[1]}）`],
  [/^must not be before the meeting \((\d{4}-\d{2}-\d{2})\)$/, (m) => `不能早于会议日期（${m[1]}）`],
  [/^must not be before windowStart \((\d{4}-\d{2}-\d{2})/, (m) => `不能早于公示开始时间（${m[1]}）`],
  [/^must not be before \w+ \((\d{4}-\d{2}-\d{2})\)/, (m) => `不能早于 ${m[1]}`],
  [/^must not be in the future \(it is now (\d{2}:\d{2})/, (m) => `不能晚于现在（${m[1]}）`],
  [/^must not be in the future \(today is (\d{4}-\d{2}-\d{2})/, (m) => `不能晚于今天（${m[1]}）`],
  [/^must not be in the future/, () => '不能晚于今天'],
  // work/ReportPeriod: one report is one 日报, 周报 or 月报
  [/^a (\w+) report covers at most (\d+) days?; \S+ to \S+ is (\d+) days/,
    (m) => `${CADENCES[m[1] ?? ''] ?? '报告'}的报告期最长${m[2]}天（当前${m[3]}天）`],
  [/^a report covers work done: the period cannot begin after today \((\d{4}-\d{2}-\d{2})\)$/,
    (m) => `报告期起不能晚于今天（${m[1]}）：进展报告填报已开展的工作`],
  [/^(\d+) task\(s\) of this inspection are due before (\d{4}-\d{2}-\d{2})$/,
    (m) => `本巡视有 ${m[1]} 项任务的完成时限早于 ${m[2]}，进驻开始日期不能晚于这些时限`],
  // task/TaskTransitionService, DeadlineMove: a reason
  [/^say why the task is reopened$/, () => '请说明重新打开的原因'],
  // tasks-service's ReworkDeadline: a reopening (再整改) names the rework's deadline, after today
  [/^give the rework's deadline \(再整改完成时限\)/, () => '请选择再整改完成时限'],
  [/^must be after today \((\d{4}-\d{2}-\d{2})\): the rework's deadline/, (m) => `再整改完成时限须晚于今天（${m[1]}）`],
  [/^only a reopening \(REOPENED\) sets a deadline/, () => '确认整改成效时不设完成时限'],
  [/^the deadline moves later \(延期, (\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})\): say why/,
    (m) => `完成时限由 ${m[1]} 延至 ${m[2]}，请说明延期理由（责任单位将收到通知）`],
  [/^name the inspection whose look-back reviews to list$/, () => '请选择巡视'],
  // task/TaskRules, TaskService: stage goals and indicators
  [/^a LONG_TERM task needs at least one stage goal; add milestones first$/, () => '长期坚持类任务须至少有一个阶段性目标：请先添加阶段性目标'],
  [/^a LONG_TERM task needs at least one stage goal$/, () => '长期坚持类任务须至少有一个阶段性目标'],
  [/^a RELATIVE_PERCENT target without a baseline /, () => '相对基线的目标未填基线时，记录的是变化本身：单位应为 %，或填写基线'],
  [/^say where the actual value comes from$/, () => '填写了现值，须同时填写数据来源'],
  // meeting/, accountability/, leadership/, problem/: what the office records
  [/^'(.*)' is named twice$/s, (m) => `“${m[1]}”重复填写`],
  [/^not a task of inspection /, () => '所选任务不属于本巡视'],
  [/^not a problem of inspection /, () => '所选问题不属于本巡视'],
  [/^a leading group has exactly one LEADER \(组长\); this one has (\d+)$/, (m) => `领导小组须有且只有一名组长（现有 ${m[1]} 名）`],
  [/^PLAN, SELF_FOUND or ANALOGY; /, () => '问题来源只能是巡视反馈、自查发现或举一反三'],
  [/^only a problem of source ANALOGY \(举一反三\) extends a finding$/, () => '只有举一反三的问题才注明延伸自哪个巡视反馈问题'],
  [/^a problem of source ANALOGY \(举一反三\) names the finding it extends$/, () => '举一反三的问题须注明延伸自哪个巡视反馈问题'],
  [/^not an inspection finding \(source PLAN\) of inspection /, () => '所选问题不是本巡视反馈的问题'],
  // tasks-service's DeadlineExtensions: the date a unit asks for (申请延期)
  [/^must be after the task's current deadline \((\d{4}-\d{2}-\d{2})\)/, (m) => `应晚于现完成时限（${m[1]}）`],
  // work/EvidenceContent and OfficeDocumentCheck: an evidence file
  [/^give a plain file name/, () => '文件名应为 1 到 255 个字符，不含路径'],
  [/^the file is empty$/, () => '文件是空的'],
  [/^the file's content is not /, () => '文件内容与所选的文件类型不符'],
  [/^the name must end in (.+) for a file of type /, (m) => `文件名的扩展名应为 ${(m[1] ?? '').split(' or ').join(' 或 ')}`],
  [/ is not (?:a Word document \((DOCX)\)|an Excel workbook \((XLSX)\)|an (OFD) document): /,
    (m) => `文件已损坏、过大或不是有效的 ${m[1] ?? m[2] ?? m[3]} 文件`],
  // feedback-service's answer and escalation with personal data in them
  [/^repeats the submitter's ([a-z, ]+) as given with the feedback(?:; (an answer is published|an escalation goes))?/,
    (m) => published(m[2])
      ? `答复中含有提出人的${kindsIn(m[1], SUBMITTER_DETAILS)}等个人信息，请删除后再发布`
      : `含有提出人的${kindsIn(m[1], SUBMITTER_DETAILS)}等个人信息；${TO_THE_LEDGER}，请删除后再提交`],
  [/^contains personal contact data \(([a-zA-Z, -]+)\); (an answer is published|an escalation goes)/,
    (m) => published(m[2])
      ? `答复中含有${kindsIn(m[1], CONTACT_KINDS)}，公开答复不得含个人信息；${OFFICE_NUMBERS}`
      : `含有${kindsIn(m[1], CONTACT_KINDS)}；${TO_THE_LEDGER}，不得含个人信息，请删除后再提交`],
  // platform-support NoContactDetails: a text tasks-service publishes in its events, kept for good, with someone's contact details
  [/^contains contact details \(([a-zA-Z, -]+)\): this text is published/,
    (m) => `含有${kindsIn(m[1], CONTACT_KINDS)}：此处内容将发送给其他系统并长期保存，不得填写群众的联系方式等个人信息；引用群众来信请写查询码`],
  // feedback-service: a publication (PublicationService, Channels, PublicationInput)
  [/^give the notice's text \(body\) or a link/, () => '请填写公告正文或整改报告网址'],
  [/^'.*' is not a time zone id such as (\S+)$/, (m) => `时区无效，应如 ${m[1]}`],
  [/^only digits, spaces, \+, -, \( and \)$/, () => '只能填写数字、空格和 + - ( )'],
  [/^only letters, digits, spaces and -$/, () => '只能填写字母、数字、空格和 -'],
  [/^must be an http\(s\) URL$/, () => '应为以 http:// 或 https:// 开头的网址'],
  // feedback-service: linking, merging and registering feedback (LedgerLinks, PartOf, FeedbackTriageService, FeedbackIntakeService)
  [/^(inspection|area|problem|task) \S+ is not known to feedback-service;(.*, or leave areaId out)?/s,
    (m) => `意见建议服务尚未收到该${PARTS[m[1] ?? ''] ?? ''}：如是刚刚登记的，请几秒后再试`
      + (m[2] ? '；或不选方面，问题将归入“群众反馈意见建议”' : '')],
  [/^task \S+ belongs to problem \S+, not to problem /, () => '所选任务不属于所选问题：只选其一，或选该问题下的任务'],
  [/^task \S+ is not under area \S+, it is under area /, () => '所选任务不在所选方面之下：只选其一，或选该方面下的任务'],
  [/^area \S+ is not the area of the problem given/, () => '所选方面不是该问题所在的方面'],
  [/^(area|problem|task) \S+ belongs to inspection \S+, not to this feedback's /, (m) => `所选${PARTS[m[1] ?? '']}不属于该意见建议所涉的巡视`],
  [/^give a category or a link /, () => '请选择类别，或关联方面、问题或任务'],
  [/^a feedback cannot be merged into itself$/, () => '不能合并到其自身'],
  [/^feedback \S+ does not exist$/, () => '要合并到的意见建议不存在'],
  [/^feedback \S+ is on another publication$/, () => '只能合并到同一公布下的意见建议'],
  [/^staff record PHONE, POST or EMAIL/, () => '登记的渠道只能是电话、来信或电子邮件'],
  // reporting-service: the report draft's publication (ReportService), notice settings (NoticePreferencesResource)
  [/^no publication \S+ of inspection \S+ is known here/, () => '报告服务尚未收到所选的公布：如是刚刚发布的，请几秒后再试'],
  [/^names no publication of this inspection$/, () => '所选公布不属于本巡视'],
  [/^cannot be changed: leave it out/, () => '不能修改'],
  [/^is not a notice kind; /, () => '不是可设置的通知类型'],
]

/** Whether a text is already in Chinese (a service may answer some refusals in the user's words). */
function chinese(text: string): boolean {
  return /[\u4e00-\u9fff]/.test(text) && !/[A-Za-z]{3,} [A-Za-z]{3,}/.test(text)
}

/** A field's message in Chinese; one the console has no words for becomes a general hint, never English. */
export function translateMessage(message: string): string {
  for (const [pattern, say] of MESSAGES) {
    const match = message.match(pattern)
    if (match) return say(match)
  }
  return chinese(message) ? message : '填写的内容不符合要求，请检查'
}

/** What a field left empty that the service requires (@NotNull) or requires written (@NotBlank) is refused with:
 * for a form that checks it before sending, in the same words. */
export const REQUIRED = translateMessage('must not be null')
export const NOT_BLANK = translateMessage('must not be blank')

/**
 * The problem's field errors by the form field they belong to: a nested name such as
 * `input.text` or `milestones[0].dueDate` is kept whole and also given under its last part, so
 * a form may key its fields either way; several messages for one field are joined.
 */
export function fieldErrors(problem: Problem): Record<string, string> {
  const result: Record<string, string> = {}
  const add = (key: string, message: string) => {
    result[key] = result[key] === undefined ? message : `${result[key]}；${message}`
  }
  for (const error of problem.errors ?? []) {
    if (typeof error?.field !== 'string' || typeof error.message !== 'string') continue
    const message = translateMessage(error.message)
    add(error.field, message)
    const last = error.field.split('.').pop()
    if (last !== undefined && last !== error.field) add(last, message)
  }
  return result
}

// The services' details of refusals people meet in the console, in their words.
const listed = (names: string | undefined) => (names ?? '').split(', ').join('、')
/** The names a problem's member lists (CloseOutRule's openMilestones, unmetIndicators), each whole; else the detail's. */
const named = (problem: Problem | undefined, member: string, inDetail: string | undefined) => {
  const names = problem?.[member]
  return Array.isArray(names) && names.length > 0 ? names.map((n) => `“${String(n)}”`).join('、') : listed(inDetail)
}
/** The titles of a refused close-out's bare evidence entries (CloseOutRule's bareEvidence: {id, title}), quoted. */
const bareTitles = (problem: Problem | undefined) => {
  const entries = problem?.bareEvidence
  const titles = Array.isArray(entries) ? entries.map((e) => (e as { title?: unknown })?.title).filter((t) => typeof t === 'string') : []
  return titles.length > 0 ? `（${titles.map((t) => `“${t}”`).join('、')}只有名称）` : ''
}
const DETAILS: [RegExp, string | ((m: RegExpMatchArray, problem?: Problem) => string)][] = [
  ...MERGE_REFUSALS,
  // tasks-service: 登记巡视 of one registered already (existingInspectionId names it)
  [/^inspection \S+ \((.+)\) already records .+ on site \S+ to \S+$/,
    (m) => `该巡视已登记为“${m[1]}”（巡视组、被巡视单位和进驻时间相同），请在列表中查看，不要重复登记`],
  // feedback-service: merging a feedback others were merged into; a step someone else's step came before
  [/^this feedback has (\d+) duplicate\(s\) merged into it/,
    (m) => `已有 ${m[1]} 条重复件合并到本条，本条不能再合并到其他意见建议；可将另一条合并到本条，或直接答复本条`],
  [/^a \w+ feedback cannot take the step \w+$/, '该意见建议的状态已变化（可能刚由他人办理），不能进行此操作；请刷新页面查看最新状态'],
  [/^the evidence of a closed-out \(销号\) task is fixed/, '该任务已销号，佐证材料已固定，不能再添加材料或上传、替换文件'],
  // a claim waiting on the supervisor: what is verified is what was claimed with
  [/^the evidence of a task claimed complete \(待核验\)/, '该任务已申请销号、待核验，佐证材料不能再添加、上传、替换或删除；如需补充或更换，请先撤回销号申请'],
  // 更正 or 撤销登记 of an accountability record someone withdrew meanwhile
  [/^(?:accountability outcome|recovered funds) \S+ was withdrawn \(撤销登记\) by (.+?) at \S+: /,
    (m) => `该记录已由 ${m[1]} 撤销登记，不能再更正或撤销；请刷新页面查看`],
  // 替换文件 of an entry whose file was uploaded meanwhile (PUT …/file without If-Match: 428)
  [/^evidence \S+ already has its file \((.*)\): replacing it needs If-Match/s,
    (m) => `这条材料已有文件“${m[1]}”（可能是他人刚刚上传的）：请刷新页面，确认后再替换`],
  // 删除 of an entry (DELETE /tasks/{id}/evidence/{eid}) whose file was attached meanwhile
  [/^the evidence entry \S+ has its file; an entry with a file is not removed/, '该材料已上传文件，不能删除；如需更换，请替换文件'],
  // what 申请销号 (POST /tasks/{id}/completion-claim) may be refused for: evidence a supervisor can check
  // (a file or a reference, tasks-service CloseOutRule) before the rule for none at all, whose words it begins with
  [/^claiming completion needs at least one piece of evidence with its file attached or a reference/,
    (_, p) => `佐证材料须至少有一条已上传文件或注明文号、存放位置${bareTitles(p)}：请为材料上传文件，或添加注明文号的材料后再申请销号`],
  [/^claiming completion needs at least one piece of evidence/, '尚无佐证材料，申请销号前须先提交佐证材料'],
  [/^the task was reopened at .*claiming completion again needs evidence/,
    (_, p) => `该任务回头看后重新整改，再次申请销号须有重新整改以来补充、已上传文件或注明文号的佐证材料${bareTitles(p)}`],
  // 撤回申请 (POST /tasks/{id}/completion-claim-withdrawal) of a claim already decided
  [/^a task of kind \w+ in state \w+ cannot WITHDRAW_CLAIM/, '该销号申请已不在待核验状态（可能已核实或被驳回），不能撤回；请刷新页面查看最新状态'],
  // 申请延期 and its approval (POST /tasks/{id}/deadline-extension-requests, …/approval, …/refusal)
  [/^a later deadline cannot be requested on a task in state/, '该任务已申请销号或已销号，完成时限不再约束责任单位，不能申请延期'],
  [/^a deadline extension request of this task is waiting for the office's decision/, '该任务已有待整改办审批的延期申请，审批后方可再次申请'],
  [/^this deadline extension request was (APPROVED|REFUSED) by/,
    (m) => `该延期申请已${m[1] === 'APPROVED' ? '同意' : '不同意'}，不能再次审批；请刷新页面查看最新状态`],
  [/^the deadline is (\S+) since the request for (\S+) was made/,
    (m) => `完成时限已调整为 ${m[1]}，不早于申请延至的 ${m[2]}，同意不会延后时限；请选择不同意`],
  // what 核实 (POST /tasks/{id}/verification) may be refused for (tasks-service CloseOutRule)
  [/^verification needs at least one piece of evidence with its file attached or a reference/,
    (_, p) => `佐证材料均未上传文件或注明文号${bareTitles(p)}，无可核查的材料，暂不能核实；可驳回，由责任单位补充后重新申请`],
  [/^verification needs at least one piece of evidence/, '尚无佐证材料，核实前须由责任单位提交佐证材料'],
  [/^the task was reopened at .*verifying it again needs evidence/,
    (_, p) => `该任务回头看后重新整改，再次核实须有重新整改以来补充、已上传文件或注明文号的佐证材料${bareTitles(p)}`],
  [/^these indicators do not meet their targets yet: (.+)$/s, (m, p) => `以下指标尚未达到目标值：${named(p, 'unmetIndicators', m[1])}`],
  // a LONG_TERM claim is consolidated once the goals due by the day are achieved; a close-out needs every goal
  [/^these stage goals \(due by (\d{4}-\d{2}-\d{2})\) are not achieved yet: (.+)$/s,
    (m, p) => `以下节点已到期（${m[1]} 前）尚未达成，达成后方可核实转入巩固：${named(p, 'openMilestones', m[2])}`],
  [/^these stage goals are not achieved yet: (.+)$/s, (m, p) => `以下节点尚未达成，全部达成后方可核实销号：${named(p, 'openMilestones', m[1])}`],
]

/** A refusal's detail in Chinese (names from the problem's members where it has them), or null when the console has no words for it. */
export function translateDetail(detail: string, problem?: Problem): string | null {
  for (const [pattern, said] of DETAILS) {
    const match = detail.match(pattern)
    if (match) return typeof said === 'string' ? said : said(match, problem)
  }
  return chinese(detail) ? detail : null
}

function statusTitle(status: number): string {
  if (status === 0) return '网络不可用'
  return `HTTP ${status}`
}

/**
 * A create sent again under its Idempotency-Key after the first answer was lost (api/submissionKey.ts),
 * by the problem's `idempotency`: what became of the first request. The key names no field of the form.
 */
const RETRIED: Record<string, string> = {
  IN_PROGRESS: '上一次提交仍在处理中，请稍候几秒再提交',
  OUTCOME_UNKNOWN: '上一次提交未得到答复，无法确定是否已保存：请刷新页面核对，确未保存再重新提交',
  OTHER_REQUEST: '上一次提交未得到答复，可能已经保存，之后内容又有改动：请刷新页面核对，确需另行提交请再次点击提交',
}

function retried(problem: Problem): string | undefined {
  return typeof problem.idempotency === 'string' ? RETRIED[problem.idempotency] : undefined
}

/**
 * Who put the task in the state that refused the step, when (tasks-service's lastStateChange), as a
 * clause: a supervisor who lost a race to a colleague learns who decided first. '' when not said.
 */
function lastStateChange(problem: Problem): string {
  const change = problem.lastStateChange as { by?: unknown; at?: unknown } | null | undefined
  if (typeof change?.by !== 'string' || typeof change.at !== 'string') return ''
  return `（${change.by} 已于 ${formatDateTime(change.at)} 变更了该任务的状态）`
}

/**
 * 撤销: every command on what the office cancelled, or on anything under it, is refused (409) with its
 * `cancelledAt`; null for any other refusal. (The cancel dialog says its own refusals: cancellation.ts.)
 */
function cancelledMeanwhile(problem: Problem): string | null {
  return typeof problem.cancelledAt === 'string'
    ? `所办理的事项已于 ${formatDateTime(problem.cancelledAt)} 由整改办撤销，不能再办理；请刷新页面查看`
    : null
}

/** One sentence for the user, in Chinese, for a failed request. */
export function describe(error: unknown): string {
  if (error instanceof ConcurrentChangeError) return '已被他人修改：请重新载入后再提交（您填写的内容会保留）'
  if (error instanceof ApiError) {
    const p = error.problem
    const again = retried(p)
    if (again !== undefined) return again
    switch (p.status) {
      case 0: return '无法连接服务，请检查网络后重试'
      case 401: return '登录已过期，请重新登录'
      case 403: return '您没有执行此操作的权限'
      case 404: return '未找到该记录'
      case 409: return `操作与当前状态冲突：${cancelledMeanwhile(p) ?? translateDetail(p.detail ?? '', p) ?? '请刷新页面，查看最新状态后再操作'}${lastStateChange(p)}`
      case 413: return '提交的内容或文件过大'
      case 415: return '文件类型不受支持：仅支持 PDF、PNG、JPG、DOCX、XLSX、OFD'
      case 428: return translateDetail(p.detail ?? '', p) ?? '提交缺少所依据的版本：请重新载入后再提交（您填写的内容会保留）'
      case 429: return '操作过于频繁，请稍后再试'
      // said where no field is marked (a toast, a file's row); a form marks them instead (failureOf)
      case 400:
      case 422: return (p.errors?.length ?? 0) > 0 ? fieldMessages(p) : `请求有误：${translateDetail(p.detail ?? '', p) ?? '请检查填写的内容'}`
      default:
        if (p.status >= 500) return `服务暂时不可用，请稍后重试${p.reference ? `（参考号 ${p.reference}）` : ''}`
        return `请求未能完成（状态码 ${p.status}）`
    }
  }
  // Not a refusal of a service (a defect, a broken answer): its text is for the operators, in the browser console.
  console.error(error)
  return '操作未能完成，请刷新页面后重试'
}

/** What a form shows after a failed submission: messages by field, a 412 conflict, one sentence. */
export interface Failure {
  fields: Record<string, string>
  conflict: boolean
  message: string
}

/**
 * The line above a form whose refused fields are marked next to each (a 400 naming fields). Not by
 * colour alone (WCAG 1.4.1): SubmissionAlert names the fields by their labels where it can see them.
 */
export const FIELDS_MARKED = '请按各字段下方的提示修改'

export function failureOf(error: unknown): Failure {
  const fields = error instanceof ApiError && retried(error.problem) === undefined ? error.fieldErrors : {}
  const marked = error instanceof ApiError && [400, 422].includes(error.status) && Object.keys(fields).length > 0
  return { fields, conflict: error instanceof ConcurrentChangeError, message: marked ? FIELDS_MARKED : describe(error) }
}

/** A problem's field messages in Chinese, each once, in one line. */
function fieldMessages(problem: Problem): string {
  return [...new Set((problem.errors ?? []).filter((e) => typeof e?.message === 'string').map((e) => translateMessage(e.message)))].join('；')
}
