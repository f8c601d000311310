// RFC 9457 problem details as the services answer them, and what the console shows of them.

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

// Bean Validation's messages, as the services send them, in the words of the form.
const MESSAGES: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^must not be (null|empty)$/, () => '必填'],
  [/^must not be blank$/, () => '不能为空'],
  [/^must be less than or equal to (\S+)$/, (m) => `不能大于 ${m[1]}`],
  [/^must be greater than or equal to (\S+)$/, (m) => `不能小于 ${m[1]}`],
  [/^size must be between (\d+) and (\d+)$/, (m) => `长度应在 ${m[1]} 到 ${m[2]} 之间`],
  [/^must be a date in the present or in the past$/, () => '不能晚于今天'],
  [/^must not be before the inspection's on-site start \((\d{4}-\d{2}-\d{2})\)$/, (m) => `不能早于巡视进驻日期（${m[1]}）`],
  [/^must not be before \w+ \((\d{4}-\d{2}-\d{2})\)/, (m) => `不能早于 ${m[1]}`],
  [/^must not be in the future \(it is now (\d{2}:\d{2})/, (m) => `不能晚于现在（${m[1]}）`],
  [/^must not be in the future/, () => '不能晚于今天'],
  [/^must be an integer$/, () => '应为整数'],
  [/^must be true or false$/, () => '应为“是”或“否”'],
  [/^must be a well-formed email address$/, () => '电子邮箱格式不正确'],
  [/^say why the task is reopened$/, () => '请说明重新打开的原因'],
  // tasks-service's DeadlineMove: a later deadline (延期) needs a reason
  [/^the deadline moves later \(延期, (\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})\): say why/,
    (m) => `完成时限由 ${m[1]} 延至 ${m[2]}，请说明延期理由（责任单位将收到通知）`],
  // tasks-service's DeadlineExtensions: the date a unit asks for (申请延期)
  [/^must be after the task's current deadline \((\d{4}-\d{2}-\d{2})\)/, (m) => `应晚于现完成时限（${m[1]}）`],
  [/^give the notice's text \(body\) or a link/, () => '请填写公告正文或整改报告网址'],
  [/^give a plain file name/, () => '文件名应为 1 到 255 个字符，不含路径'],
  [/^the file is empty$/, () => '文件是空的'],
  // an evidence file (tasks-service's EvidenceContent and OfficeDocumentCheck)
  [/^the file's content is not /, () => '文件内容与所选的文件类型不符'],
  [/^the name must end in (.+) for a file of type /, (m) => `文件名的扩展名应为 ${(m[1] ?? '').split(' or ').join(' 或 ')}`],
  [/ is not (?:a Word document \((DOCX)\)|an Excel workbook \((XLSX)\)|an (OFD) document): /,
    (m) => `文件已损坏、过大或不是有效的 ${m[1] ?? m[2] ?? m[3]} 文件`],
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
const DETAILS: [RegExp, string | ((m: RegExpMatchArray) => string)][] = [
  [/^the evidence of a closed-out \(销号\) task is fixed/, '该任务已销号，佐证材料已固定，不能再添加材料或上传、替换文件'],
  // what 申请销号 (POST /tasks/{id}/completion-claim) may be refused for
  [/^claiming completion needs at least one piece of evidence/, '尚无佐证材料，申请销号前须先提交佐证材料'],
  [/^the task was reopened at .*claiming completion again needs evidence/, '该任务回头看后重新整改，再次申请销号须有重新整改以来补充的佐证材料'],
  // 撤回申请 (POST /tasks/{id}/completion-claim-withdrawal) of a claim already decided
  [/^a task of kind \w+ in state \w+ cannot WITHDRAW_CLAIM/, '该销号申请已不在待核验状态（可能已核实或被驳回），不能撤回；请刷新页面查看最新状态'],
  // 申请延期 and its approval (POST /tasks/{id}/deadline-extension-requests, …/approval, …/refusal)
  [/^a later deadline cannot be requested on a task in state/, '该任务已申请销号或已销号，完成时限不再约束责任单位，不能申请延期'],
  [/^a deadline extension request of this task is waiting for the office's decision/, '该任务已有待整改办审批的延期申请，审批后方可再次申请'],
  [/^this deadline extension request was (APPROVED|REFUSED) by/,
    (m) => `该延期申请已${m[1] === 'APPROVED' ? '同意' : '不同意'}，不能再次审批；请刷新页面查看最新状态`],
  [/^the deadline is (\S+) since the request for (\S+) was made/,
    (m) => `完成时限已调整为 ${m[1]}，不早于申请延至的 ${m[2]}，同意不会延后时限；请选择不同意`],
  // what 核实 (POST /tasks/{id}/verification) may be refused for
  [/^verification needs at least one piece of evidence/, '尚无佐证材料，核实前须由责任单位提交佐证材料'],
  [/^the task was reopened at .*verifying it again needs evidence/, '该任务回头看后重新整改，再次核实须有重新整改以来补充的佐证材料'],
  [/^these indicators do not meet their targets yet: (.+)$/, (m) => `以下指标尚未达到目标值：${listed(m[1])}`],
  [/^these stage goals are not achieved yet: (.+)$/, (m) => `以下节点尚未达成，长期坚持类任务须全部节点达成后方可转入巩固：${listed(m[1])}`],
]

/** A refusal's detail in Chinese, or null when the console has no words for it. */
export function translateDetail(detail: string): string | null {
  for (const [pattern, said] of DETAILS) {
    const match = detail.match(pattern)
    if (match) return typeof said === 'string' ? said : said(match)
  }
  return chinese(detail) ? detail : null
}

function statusTitle(status: number): string {
  if (status === 0) return '网络不可用'
  return `HTTP ${status}`
}

/** One sentence for the user, in Chinese, for a failed request. */
export function describe(error: unknown): string {
  if (error instanceof ConcurrentChangeError) return '已被他人修改：请重新载入后再提交（您填写的内容会保留）'
  if (error instanceof ApiError) {
    const p = error.problem
    switch (p.status) {
      case 0: return '无法连接服务，请检查网络后重试'
      case 401: return '登录已过期，请重新登录'
      case 403: return '您没有执行此操作的权限'
      case 404: return '未找到该记录'
      case 409: return `操作与当前状态冲突：${translateDetail(p.detail ?? '') ?? '请刷新页面，查看最新状态后再操作'}`
      case 413: return '提交的内容或文件过大'
      case 415: return '文件类型不受支持：仅支持 PDF、PNG、JPG、DOCX、XLSX、OFD'
      case 428: return '提交缺少所依据的版本：请重新载入后再提交（您填写的内容会保留）'
      case 429: return '操作过于频繁，请稍后再试'
      case 400:
      case 422: return (p.errors?.length ?? 0) > 0 ? FIELDS_MARKED : `请求有误：${translateDetail(p.detail ?? '') ?? '请检查填写的内容'}`
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

/** The line above a form whose refused fields are marked next to each (a 400 naming fields). */
export const FIELDS_MARKED = '请按提示修改标红的字段'

export function failureOf(error: unknown): Failure {
  return {
    fields: error instanceof ApiError ? error.fieldErrors : {},
    conflict: error instanceof ConcurrentChangeError,
    message: describe(error),
  }
}
