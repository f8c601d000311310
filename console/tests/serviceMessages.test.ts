import { describe as group, expect, it } from 'vitest'
import { describe, fieldErrors, toError, translateMessage } from '@/api/problem'

// Every field message a console form can meet, as tasks-service, feedback-service, reporting-service and
// platform-support compose it (the class that says it, then the message with the numbers a real request
// gives), and the hint the console shows beside the field: specific, in Chinese, keeping the numbers.
// The feedback answer's personal-data refusals (StaffFeedbackService) are not here; the public intake's
// messages come in Chinese already (Accept-Language: zh-CN), as do the plan import's, which planDiff.ts words.
const MESSAGES: [source: string, message: string, hint: string][] = [
  // tasks-service work/ReportPeriod: a progress report's period
  ['ReportPeriod', 'a WEEKLY report covers at most 7 days; 2026-11-27 to 2026-12-05 is 9 days: report each period on its own',
    '周报的报告期最长7天（当前9天）'],
  ['ReportPeriod', 'a DAILY report covers at most 1 day; 2026-12-04 to 2026-12-05 is 2 days: report each period on its own',
    '日报的报告期最长1天（当前2天）'],
  ['ReportPeriod', 'a MONTHLY report covers at most 31 days; 2026-10-01 to 2026-11-30 is 61 days: report each period on its own',
    '月报的报告期最长31天（当前61天）'],
  ['ReportPeriod', 'must not be before periodStart (2026-11-27)', '不能早于报告期起（2026-11-27）'],
  ['ReportPeriod', 'a report covers work done: the period cannot begin after today (2026-12-05)',
    '报告期起不能晚于今天（2026-12-05）：进展报告填报已开展的工作'],
  // tasks-service task/TaskRules, TaskService, DeadlineMove, TaskTransitionService
  ['TaskRules', "must not be before the inspection's on-site start (2024-04-07)", '不能早于巡视进驻日期（2024-04-07）'],
  ['TaskRules', 'a LONG_TERM task needs at least one stage goal', '长期坚持类任务须至少有一个阶段性目标'],
  ['TaskService', 'a LONG_TERM task needs at least one stage goal; add milestones first',
    '长期坚持类任务须至少有一个阶段性目标：请先添加阶段性目标'],
  ['TaskRules', 'a RELATIVE_PERCENT target without a baseline records the change itself, in %: the unit is %, or give the baseline',
    '相对基线的目标未填基线时，记录的是变化本身：单位应为 %，或填写基线'],
  ['TaskRules', 'say where the actual value comes from', '填写了现值，须同时填写数据来源'],
  ['DeadlineMove', "the deadline moves later (延期, 2025-06-30 to 2025-09-30): say why; the task's unit is told",
    '完成时限由 2025-06-30 延至 2025-09-30，请说明延期理由（责任单位将收到通知）'],
  ['TaskTransitionService', 'say why the task is reopened', '请说明重新打开的原因'],
  // tasks-service task/ReworkDeadline: a look-back's reopening (再整改) names the rework's deadline, after today
  ['ReworkDeadline', "give the rework's deadline (再整改完成时限), a date after today (2027-03-01)", '请选择再整改完成时限'],
  ['ReworkDeadline', "must be after today (2027-03-01): the rework's deadline (再整改完成时限) would leave the reopened task overdue",
    '再整改完成时限须晚于今天（2027-03-01）'],
  ['ReworkDeadline', 'only a reopening (REOPENED) sets a deadline; a confirmed close-out keeps its own', '确认整改成效时不设完成时限'],
  ['LookBackReviews', 'name the inspection whose look-back reviews to list', '请选择巡视'],
  // tasks-service inspection/InspectionService
  ['InspectionService', '3 task(s) of this inspection are due before 2026-05-01',
    '本巡视有 3 项任务的完成时限早于 2026-05-01，进驻开始日期不能晚于这些时限'],
  ['InspectionService', 'must not be before onSiteFrom (2026-05-01)', '不能早于进驻开始日期（2026-05-01）'],
  // tasks-service meeting/, accountability/, leadership/
  ['MeetingService', 'must not be before the meeting (2026-12-01)', '不能早于会议日期（2026-12-01）'],
  ['MeetingService', "'办公室主任' is named twice", '“办公室主任”重复填写'],
  ['MeetingService', 'not a task of inspection 0b6c2f5e-1d2a-4c3b-9e8f-7a6b5c4d3e2f: 5f4e3d2c-1b0a-4987-8654-3210fedcba98',
    '所选任务不属于本巡视'],
  ['AccountabilityService', 'not a problem of inspection 0b6c2f5e-1d2a-4c3b-9e8f-7a6b5c4d3e2f: 5f4e3d2c-1b0a-4987-8654-3210fedcba98',
    '所选问题不属于本巡视'],
  ['LeadingGroupService', 'a leading group has exactly one LEADER (组长); this one has 2', '领导小组须有且只有一名组长（现有 2 名）'],
  ['LeadingGroupService', 'a leading group has exactly one LEADER (组长); this one has 0', '领导小组须有且只有一名组长（现有 0 名）'],
  // tasks-service problem/ProblemService (举一反三)
  ['ProblemService', 'PLAN, SELF_FOUND or ANALOGY; LOOK_BACK problems come from a look-back review or an escalated feedback',
    '问题来源只能是巡视反馈、自查发现或举一反三'],
  ['ProblemService', 'only a problem of source ANALOGY (举一反三) extends a finding', '只有举一反三的问题才注明延伸自哪个巡视反馈问题'],
  ['ProblemService', 'a problem of source ANALOGY (举一反三) names the finding it extends', '举一反三的问题须注明延伸自哪个巡视反馈问题'],
  ['ProblemService', 'not an inspection finding (source PLAN) of inspection 0b6c2f5e-1d2a-4c3b-9e8f-7a6b5c4d3e2f: 5f4e3d2c-1b0a-4987-8654-3210fedcba98',
    '所选问题不是本巡视反馈的问题'],
  // platform-support rest/NoContactDetails: every text tasks-service publishes (a progress report, a reason, a plan's titles)
  ['NoContactDetails', "contains contact details (a mobile number, a resident ID number): this text is published to other systems and kept"
    + " for good, so it may hold no member of the public's contact details; to refer to a feedback, give its tracking code (查询码)",
  '含有手机号码、身份证号：此处内容将发送给其他系统并长期保存，不得填写群众的联系方式等个人信息；引用群众来信请写查询码'],
  // tasks-service work/EvidenceContent, OfficeDocumentCheck: an evidence file
  ['EvidenceContent', 'the file is empty', '文件是空的'],
  ['EvidenceContent', "the file's content is not application/pdf", '文件内容与所选的文件类型不符'],
  ['EvidenceContent', 'give a plain file name of 1 to 255 characters', '文件名应为 1 到 255 个字符，不含路径'],
  ['EvidenceContent', 'the name must end in .jpg or .jpeg for a file of type image/jpeg', '文件名的扩展名应为 .jpg 或 .jpeg'],
  ['OfficeDocumentCheck', 'report.docx is not a Word document (DOCX): it holds no [Content_Types].xml', '文件已损坏、过大或不是有效的 DOCX 文件'],
  // tasks-service support/Flags, TaskResource: a list's filter
  ['Flags', "'maybe' is not true or false", '应为“是”或“否”'],
  // feedback-service publication/PublicationService, Channels, PublicationInput: 整改情况公布
  ['PublicationService', "give the notice's text (body) or a link to the report (reportUrl)", '请填写公告正文或整改报告网址'],
  ['PublicationService', 'must not be before windowStart (2026-12-01T00:00 in Asia/Shanghai)', '不能早于公示开始时间（2026-12-01）'],
  ['PublicationService', 'inspection 0b6c2f5e-1d2a-4c3b-9e8f-7a6b5c4d3e2f is not known to feedback-service; if it was registered in tasks-service just now, retry in a few seconds',
    '意见建议服务尚未收到该巡视：如是刚刚登记的，请几秒后再试'],
  ['PublicationService', "'Mars/Olympus' is not a time zone id such as Asia/Shanghai", '时区无效，应如 Asia/Shanghai'],
  ['Channels', 'only digits, spaces, +, -, ( and )', '只能填写数字、空格和 + - ( )'],
  ['Channels', 'only letters, digits, spaces and -', '只能填写字母、数字、空格和 -'],
  ['PublicationInput', 'must be an http(s) URL', '应为以 http:// 或 https:// 开头的网址'],
  // feedback-service handling/LedgerLinks, FeedbackTriageService: 分办, 转办, 合并
  ['LedgerLinks', 'task 5f4e3d2c-1b0a-4987-8654-3210fedcba98 belongs to problem 1a2b3c4d-1b0a-4987-8654-3210fedcba98, not to problem 9e8d7c6b-1b0a-4987-8654-3210fedcba98; give either, or both of one problem',
    '所选任务不属于所选问题：只选其一，或选该问题下的任务'],
  ['PartOf', 'task 5f4e3d2c-1b0a-4987-8654-3210fedcba98 is not under area 1a2b3c4d-1b0a-4987-8654-3210fedcba98, it is under area 9e8d7c6b-1b0a-4987-8654-3210fedcba98; give either, or both of one area',
    '所选任务不在所选方面之下：只选其一，或选该方面下的任务'],
  ['LedgerLinks', 'area 1a2b3c4d-1b0a-4987-8654-3210fedcba98 is not the area of the problem given, which is 9e8d7c6b-1b0a-4987-8654-3210fedcba98',
    '所选方面不是该问题所在的方面'],
  ['LedgerLinks', "task 5f4e3d2c-1b0a-4987-8654-3210fedcba98 belongs to inspection 1a2b3c4d-1b0a-4987-8654-3210fedcba98, not to this feedback's 9e8d7c6b-1b0a-4987-8654-3210fedcba98",
    '所选任务不属于该意见建议所涉的巡视'],
  ['LedgerLinks', 'area 1a2b3c4d-1b0a-4987-8654-3210fedcba98 is not known to feedback-service; if it was registered in tasks-service just now, retry in a few seconds, or leave areaId out to file the problem under 群众反馈意见建议',
    '意见建议服务尚未收到该方面：如是刚刚登记的，请几秒后再试；或不选方面，问题将归入“群众反馈意见建议”'],
  ['LedgerLinks', 'problem 1a2b3c4d-1b0a-4987-8654-3210fedcba98 is not known to feedback-service; if it was registered in tasks-service just now, retry in a few seconds',
    '意见建议服务尚未收到该问题：如是刚刚登记的，请几秒后再试'],
  ['FeedbackTriageService', 'give a category or a link (areaId, problemId, taskId)', '请选择类别，或关联方面、问题或任务'],
  ['FeedbackTriageService', 'a feedback cannot be merged into itself', '不能合并到其自身'],
  ['FeedbackTriageService', 'feedback 5f4e3d2c-1b0a-4987-8654-3210fedcba98 does not exist', '要合并到的意见建议不存在'],
  ['FeedbackTriageService', 'feedback 5f4e3d2c-1b0a-4987-8654-3210fedcba98 is on another publication', '只能合并到同一公布下的意见建议'],
  // feedback-service handling/MergeRule: a merge's target (409, errors naming into)
  ['MergeRule', 'feedback 5f4e3d2c-1b0a-4987-8654-3210fedcba98 was itself merged into 0b6c2f5e-1d2a-4c3b-9e8f-7a6b5c4d3e2f (whose merges end at 7e6d5c4b-3a29-4180-9f8e-7d6c5b4a3928); merge into 7e6d5c4b-3a29-4180-9f8e-7d6c5b4a3928 instead',
    '所选的意见建议已合并到另一条，不能作为合并目标；请改为合并到最终保留的那一条'],
  ['MergeRule', 'feedback 5f4e3d2c-1b0a-4987-8654-3210fedcba98 was merged into this one already; merging this one into it would leave both without an answer',
    '所选的意见建议已合并到本条，不能再把本条合并过去（两条都将得不到答复）'],
  ['MergeRule', 'feedback 5f4e3d2c-1b0a-4987-8654-3210fedcba98 was closed without an answer; a duplicate merged into it would never be answered either: answer or close this one on its own',
    '所选的意见建议已办结且未答复，合并后本条也将得不到答复；请单独答复或办结本条'],
  // feedback-service intake/FeedbackIntakeService: 登记来电来信
  ['FeedbackIntakeService', 'staff record PHONE, POST or EMAIL; WEB and API submit themselves', '登记的渠道只能是电话、来信或电子邮件'],
  ['FeedbackIntakeService', 'must not be in the future (today is 2026-12-05 in Asia/Shanghai)', '不能晚于今天（2026-12-05）'],
  ['FeedbackIntakeService', 'must not be in the future (it is now 14:05 in Asia/Shanghai)', '不能晚于现在（14:05）'],
  // reporting-service report/ReportService, notice/NoticePreferencesResource
  ['ReportService', 'no publication 5f4e3d2c-1b0a-4987-8654-3210fedcba98 of inspection 0b6c2f5e-1d2a-4c3b-9e8f-7a6b5c4d3e2f is known here (yet: a new one arrives within seconds)',
    '报告服务尚未收到所选的公布：如是刚刚发布的，请几秒后再试'],
  ['ReportService', 'names no publication of this inspection', '所选公布不属于本巡视'],
  ['NoticePreferencesResource', 'must be true or false', '应为“是”或“否”'],
  ['NoticePreferencesResource', 'cannot be changed: leave it out, or send it back as GET answered it', '不能修改'],
  ['NoticePreferencesResource', 'is not a notice kind; known: [CLAIM_REJECTED, TASK_OVERDUE]', '不是可设置的通知类型'],
  // platform-support rest/InputLimits, QueryParameters and error/ErrorMappers: any request's text, numbers and dates
  ['InputLimits', 'contains a control character (U+0007) at position 3', '含有不可见的控制字符（U+0007，第 4 个字符），请删除'],
  ['InputLimits', 'contains a lone surrogate (U+D800) at position 0', '含有无法识别的字符（第 1 个字符），请删除后重新输入'],
  ['InputLimits', 'must be below 10^15 in absolute value', '数值过大：绝对值须小于 10^15'],
  ['InputLimits', 'must be between 1900-01-01 and 2999-12-31', '日期应在 1900-01-01 至 2999-12-31 之间'],
  ['QueryParameters', 'is required', '必填'],
  ['QueryParameters', "'2026-13-01' is not a date (YYYY-MM-DD)", '“2026-13-01”不是有效日期（应为 YYYY-MM-DD）'],
  ['QueryParameters', 'must not be before from (2026-12-01)', '不能早于 2026-12-01'],
  ['ErrorMappers', "'abc' is not a valid number", '“abc”不是有效的数字'],
  ['ErrorMappers', "'1.5' is not a valid whole number", '“1.5”不是有效的整数'],
  ['ErrorMappers', "'2026-02-30' is not a valid date (YYYY-MM-DD)", '“2026-02-30”不是有效日期（应为 YYYY-MM-DD）'],
  ['ErrorMappers', 'is out of range for a whole number', '数值超出范围'],
  ['ErrorMappers', 'is too long to be a number', '数字过长'],
  // Bean Validation's messages of the request records' constraints
  ['Bean Validation', 'must not be null', '必填'],
  ['Bean Validation', 'must not be empty', '必填'],
  ['Bean Validation', 'must not be blank', '不能为空'],
  ['Bean Validation', 'must be less than or equal to 100', '不能大于 100'],
  ['Bean Validation', 'must be greater than or equal to 1', '不能小于 1'],
  ['Bean Validation', 'must be greater than 0', '应大于 0'],
  ['Bean Validation', 'numeric value out of bounds (<10 digits>.<4 digits> expected)', '整数部分最多 10 位，小数最多 4 位'],
  ['Bean Validation', 'size must be between 1 and 500', '长度应在 1 到 500 之间'],
  ['Bean Validation', 'must be a well-formed email address', '电子邮箱格式不正确'],
]

group("the services' field messages, in the console's words", () => {
  it.each(MESSAGES)('%s: %s', (_source, message, hint) => {
    expect(translateMessage(message)).toBe(hint)
  })

  it('never falls back to the general hint for a message the services send', () => {
    const general = MESSAGES.filter(([, message]) => translateMessage(message) === '填写的内容不符合要求，请检查')
    expect(general).toEqual([])
  })

  it('shows the weekly report refused beside 报告期止', () => {
    const refused = toError({
      status: 400, title: 'Invalid request',
      errors: [{ field: 'periodEnd', message: MESSAGES[0]![1] }],
    })
    expect(fieldErrors(refused.problem)).toEqual({ periodEnd: '周报的报告期最长7天（当前9天）' })
  })

  it('says the messages themselves where no field is marked (a file refused on its own row)', () => {
    const refused = toError({ status: 400, errors: [{ field: 'Content-Type', message: "the file's content is not application/pdf" }] })
    expect(describe(refused)).toBe('文件内容与所选的文件类型不符')
    const two = toError({ status: 400, errors: [
      { field: 'periodEnd', message: 'must not be null' }, { field: 'text', message: 'must not be blank' },
    ] })
    expect(describe(two)).toBe('必填；不能为空')
  })
})
