import { describe as group, expect, it } from 'vitest'
import { ApiError, ConcurrentChangeError, describe, failureOf, fieldErrors, parseProblem, toError, translateMessage } from '@/api/problem'

// The body tasks-service answers for an empty progress report (captured from the running service).
const INVALID_REPORT = JSON.stringify({
  type: '/problems/invalid-request', title: 'Invalid request', status: 400,
  detail: 'percentComplete: must not be null; periodEnd: must not be null; periodStart: must not be null; text: must not be blank',
  errors: [
    { field: 'percentComplete', message: 'must not be null' },
    { field: 'periodEnd', message: 'must not be null' },
    { field: 'periodStart', message: 'must not be null' },
    { field: 'text', message: 'must not be blank' },
  ],
})

group('problem+json', () => {
  it('puts each field error under its field, in Chinese', () => {
    const problem = parseProblem(400, 'application/problem+json', INVALID_REPORT)
    expect(fieldErrors(problem)).toEqual({ percentComplete: '必填', periodEnd: '必填', periodStart: '必填', text: '不能为空' })
  })

  it('keys a nested field both whole and by its last part, and joins two messages for one field', () => {
    const problem = parseProblem(400, 'application/problem+json', JSON.stringify({
      status: 400,
      errors: [
        { field: 'milestones[0].dueDate', message: 'must not be null' },
        { field: 'input.percentComplete', message: 'must be less than or equal to 100' },
        { field: 'input.percentComplete', message: 'must be an integer' },
      ],
    }))
    expect(fieldErrors(problem)).toEqual({
      'milestones[0].dueDate': '必填', 'dueDate': '必填',
      'input.percentComplete': '不能大于 100；应为整数', percentComplete: '不能大于 100；应为整数',
    })
  })

  it('never shows a message in English: one it has no words for becomes a general hint, Chinese stays', () => {
    expect(translateMessage('deadline is before the inspection')).toBe('填写的内容不符合要求，请检查')
    expect(translateMessage('报告服务尚未收到该公布')).toBe('报告服务尚未收到该公布')
    expect(translateMessage('must not be before windowStart (2025-11-06)')).toBe('不能早于公示开始时间（2025-11-06）')
    expect(translateMessage('size must be between 1 and 500')).toBe('长度应在 1 到 500 之间')
    // tasks-service's own rule for deadlines (TaskRules.checkDeadline)
    expect(translateMessage("must not be before the inspection's on-site start (2024-04-07)")).toBe('不能早于巡视进驻日期（2024-04-07）')
    // tasks-service's checks of an evidence file
    expect(translateMessage('the name must end in .jpg or .jpeg for a file of type image/jpeg')).toBe('文件名的扩展名应为 .jpg 或 .jpeg')
    expect(translateMessage('report.docx is not a Word document (DOCX): it holds no [Content_Types].xml'))
      .toBe('文件已损坏、过大或不是有效的 DOCX 文件')
    expect(translateMessage('台账 is not a.xlsx is not an Excel workbook (XLSX): expanded it would be more than 100 MiB'))
      .toBe('文件已损坏、过大或不是有效的 XLSX 文件')
    expect(translateMessage("the file's content is not application/pdf")).toBe('文件内容与所选的文件类型不符')
  })

  it("says in Chinese what personal data an answer or an escalation holds, never the data (feedback-service's PublishedText)", () => {
    const instead = "for a number to call, give an office's landline with its area code (0411-12345678) or a hotline (12345, 12388)"
    expect(translateMessage(`contains personal contact data (a resident ID number); an answer is published and may hold no one's: ${instead}`))
      .toBe('答复中含有身份证号，公开答复不得含个人信息；如需留联系电话，请使用单位办公电话或服务热线')
    expect(translateMessage('contains personal contact data (a mobile number, a resident ID number, an e-mail address); an escalation '
      + `goes to the ledger and the public report and may hold no one's: ${instead}`))
      .toBe('含有手机号码、身份证号、电子邮箱；转为整改问题的内容将进入整改台账和公开报告，不得含个人信息，请删除后再提交')
    expect(translateMessage("repeats the submitter's name, phone as given with the feedback; an answer is published, so write it without them"))
      .toBe('答复中含有提出人的姓名、电话等个人信息，请删除后再发布')
    expect(translateMessage("repeats the submitter's email, address as given with the feedback; an escalation goes to the ledger and "
      + 'the public report, so write it without them'))
      .toBe('含有提出人的电子邮箱、地址等个人信息；转为整改问题的内容将进入整改台账和公开报告，请删除后再提交')
  })

  it('gives the bare status when the body is not problem+json', () => {
    expect(parseProblem(502, 'text/html', '<html>Bad Gateway</html>')).toEqual({ status: 502, title: 'HTTP 502' })
    expect(parseProblem(500, 'application/json', '{not json')).toEqual({ status: 500, title: 'HTTP 500' })
    expect(parseProblem(400, 'application/json', '[1,2]')).toEqual({ status: 400, title: 'HTTP 400' })
  })

  it('the status of the answer wins over a status in the body', () => {
    expect(parseProblem(409, 'application/problem+json', '{"status":200,"detail":"x"}').status).toBe(409)
  })

  it('turns a 412 into a concurrent change and says so', () => {
    const stale = parseProblem(412, 'application/problem+json',
      '{"type":"/problems/stale-version","title":"Precondition failed","status":412,"currentVersion":3}')
    const error = toError(stale)
    expect(error).toBeInstanceOf(ConcurrentChangeError)
    expect(describe(error)).toContain('已被他人修改')
    expect(failureOf(error)).toEqual({ fields: {}, conflict: true, message: describe(error) })
  })

  it('describes the other failures in a sentence', () => {
    expect(describe(toError({ status: 403 }))).toBe('您没有执行此操作的权限')
    expect(describe(toError({ status: 401 }))).toBe('登录已过期，请重新登录')
    expect(describe(toError({ status: 500, reference: 'ab12' }))).toBe('服务暂时不可用，请稍后重试（参考号 ab12）')
    expect(describe(toError({ status: 409, detail: 'task is VERIFIED' }))).toBe('操作与当前状态冲突：请刷新页面，查看最新状态后再操作')
    expect(describe(toError({ status: 409, detail: 'the evidence of a closed-out (销号) task is fixed' })))
      .toBe('操作与当前状态冲突：该任务已销号，佐证材料已固定，不能再添加材料或上传、替换文件')
    expect(describe(toError({ status: 428, detail: 'send If-Match with the ETag of the version this change is based on' })))
      .toBe('提交缺少所依据的版本：请重新载入后再提交（您填写的内容会保留）')
    expect(describe(toError({ status: 400, detail: 'unreadable body' }))).toBe('请求有误：请检查填写的内容')
    expect(describe(toError({ status: 410, detail: 'gone', title: 'Gone' }))).toBe('请求未能完成（状态码 410）')
    expect(describe(toError(parseProblem(400, 'application/problem+json', INVALID_REPORT)))).toBe('必填；不能为空')
    expect(failureOf(toError(parseProblem(400, 'application/problem+json', INVALID_REPORT))).message).toBe('请按各字段下方的提示修改')
    expect(describe(new Error('boom'))).toBe('操作未能完成，请刷新页面后重试')
  })

  it('says who put the task in the state that refused the step, and when, where the service says so', () => {
    const lost = toError({
      status: 409,
      detail: 'a task of kind TIME_BOUND in state IN_PROGRESS cannot VERIFY; it became IN_PROGRESS by 督查乙 (TaskCompletionRejected) at 2026-12-06T07:41:03+08:00',
      lastStateChange: { state: 'IN_PROGRESS', action: 'TaskCompletionRejected', by: '督查乙', at: '2026-12-06T07:41:03+08:00' },
    })
    expect(describe(lost)).toBe('操作与当前状态冲突：请刷新页面，查看最新状态后再操作（督查乙 已于 2026年12月6日 07:41 变更了该任务的状态）')
    expect(describe(toError({ status: 409, detail: 'x', lastStateChange: { by: 7 } })))
      .toBe('操作与当前状态冲突：请刷新页面，查看最新状态后再操作')
  })

  it('says why 申请销号 was refused: no evidence, none since the reopening', () => {
    const refused = (detail: string) => describe(toError({ status: 409, detail }))
    expect(refused('claiming completion needs at least one piece of evidence; add it at /tasks/t1/evidence'))
      .toBe('操作与当前状态冲突：尚无佐证材料，申请销号前须先提交佐证材料')
    expect(refused('the task was reopened at 2026-11-30T10:00:00+08:00; claiming completion again needs evidence recorded since then, with its file attached or a reference; add it at /tasks/t1/evidence'))
      .toBe('操作与当前状态冲突：该任务回头看后重新整改，再次申请销号须有重新整改以来补充、已上传文件或注明文号的佐证材料')
    // the entries recorded since with a title only are named, as for a claim on titles only
    expect(describe(toError({
      status: 409, missing: ['evidenceSinceReopen'], bareEvidence: [{ id: 'e9', title: '整改情况说明' }],
      detail: 'the task was reopened at 2026-11-30T10:00:00+08:00; claiming completion again needs evidence recorded since then, with its file attached or a reference; 「整改情况说明」 has only a title: attach its file at /tasks/t1/evidence/{id}/file or add an entry with a reference',
    }))).toBe('操作与当前状态冲突：该任务回头看后重新整改，再次申请销号须有重新整改以来补充、已上传文件或注明文号的佐证材料（“整改情况说明”只有名称）')
  })

  it('says why 核实 was refused: no evidence, none since the reopening, indicators unmet, stage goals open (named)', () => {
    const refused = (detail: string) => describe(toError({ status: 409, detail }))
    expect(refused('verification needs at least one piece of evidence; add it at /tasks/t1/evidence'))
      .toBe('操作与当前状态冲突：尚无佐证材料，核实前须由责任单位提交佐证材料')
    expect(refused('the task was reopened at 2026-11-30T10:00:00+08:00; verifying it again needs evidence recorded since then, with its file attached or a reference; add it at /tasks/t1/evidence'))
      .toBe('操作与当前状态冲突：该任务回头看后重新整改，再次核实须有重新整改以来补充、已上传文件或注明文号的佐证材料')
    expect(refused('these indicators do not meet their targets yet: 档案完整率, 整改率'))
      .toBe('操作与当前状态冲突：以下指标尚未达到目标值：档案完整率、整改率')
    // a close-out (VERIFY) needs every stage goal; a LONG_TERM claim's consolidation those due by the day
    expect(refused('these stage goals are not achieved yet: 建立长效工作机制, 巩固整改成果，防止反弹回潮'))
      .toBe('操作与当前状态冲突：以下节点尚未达成，全部达成后方可核实销号：建立长效工作机制、巩固整改成果，防止反弹回潮')
    expect(refused('these stage goals (due by 2026-12-05) are not achieved yet: 建立长效工作机制'))
      .toBe('操作与当前状态冲突：以下节点已到期（2026-12-05 前）尚未达成，达成后方可核实转入巩固：建立长效工作机制')
    // the names as the problem's members list them, whole, when it sends them (a title may hold a comma)
    expect(describe(toError({ status: 409, detail: 'these stage goals are not achieved yet: 调研, 走访, 整改',
      openMilestones: ['调研, 走访', '整改'] }))).toBe('操作与当前状态冲突：以下节点尚未达成，全部达成后方可核实销号：“调研, 走访”、“整改”')
    expect(describe(toError({ status: 409, detail: 'these indicators do not meet their targets yet: 整改率',
      unmetIndicators: ['整改率'] }))).toBe('操作与当前状态冲突：以下指标尚未达到目标值：“整改率”')
  })

  it('says why a merge was refused, beside 合并到 and above the page, and that a step came too late', () => {
    const ID = '5f4e3d2c-1b0a-4987-8654-3210fedcba98'
    const OTHER = '0b6c2f5e-1d2a-4c3b-9e8f-7a6b5c4d3e2f'
    // feedback-service's MergeRule: the 409's detail, and its errors naming into
    const mergeRefused = (detail: string) => toError({ status: 409, detail, errors: [{ field: 'into', message: detail }] })
    const merged = mergeRefused(`feedback ${ID} was itself merged into ${OTHER}; merge into ${OTHER} instead`)
    expect(describe(merged)).toBe('操作与当前状态冲突：所选的意见建议已合并到另一条，不能作为合并目标；请改为合并到最终保留的那一条')
    expect(failureOf(merged).fields).toEqual({ into: '所选的意见建议已合并到另一条，不能作为合并目标；请改为合并到最终保留的那一条' })
    expect(failureOf(mergeRefused(`feedback ${ID} was merged into this one already; merging this one into it would leave both without an answer`))
      .fields.into).toBe('所选的意见建议已合并到本条，不能再把本条合并过去（两条都将得不到答复）')
    expect(failureOf(mergeRefused(`feedback ${ID} was itself merged into ${OTHER}, and those merges loop without reaching an unmerged feedback`))
      .fields.into).toBe('所选的意见建议与其他意见建议相互合并，不能作为合并目标；请选择其他意见建议')
    expect(failureOf(mergeRefused(`feedback ${ID} was closed without an answer; a duplicate merged into it would never be answered either: answer or close this one on its own`))
      .fields.into).toBe('所选的意见建议已办结且未答复，合并后本条也将得不到答复；请单独答复或办结本条')
    expect(describe(toError({ status: 409, detail: `this feedback has 2 duplicate(s) merged into it, which would be left behind a merge: merge ${ID} into this one instead, or answer this one` })))
      .toBe('操作与当前状态冲突：已有 2 条重复件合并到本条，本条不能再合并到其他意见建议；可将另一条合并到本条，或直接答复本条')
    // two handlers at once: the second is told the feedback changed, not a bare 409
    expect(describe(toError({ status: 409, detail: 'a MERGED feedback cannot take the step MERGE', feedbackStatus: 'MERGED', currentVersion: 1 })))
      .toBe('操作与当前状态冲突：该意见建议的状态已变化（可能刚由他人办理），不能进行此操作；请刷新页面查看最新状态')
  })

  it('a failure that is not a refusal has no field errors and no conflict', () => {
    const failure = failureOf(new ApiError({ status: 0 }))
    expect(failure).toEqual({ fields: {}, conflict: false, message: '无法连接服务，请检查网络后重试' })
  })
})
