import { describe, expect, it } from 'vitest'
import { evidenceContentType, evidenceFileProblem, evidenceLocked, evidenceLockNote } from '@/evidenceFiles'
import { formatBytes } from '@/format'
import { formatWindow, windowOfDays } from '@/publicationWindow'
import { matchesText } from '@/listFilter'
import { describe as say, ApiError } from '@/api/problem'

describe('evidence files, checked before they are sent', () => {
  it('names the Content-Type the service takes, by extension (OFD has none in browsers)', () => {
    expect(evidenceContentType('纪要.PDF')).toBe('application/pdf')
    expect(evidenceContentType('公文.ofd')).toBe('application/ofd')
    expect(evidenceContentType('照片.jpeg')).toBe('image/jpeg')
    expect(evidenceContentType('脚本.exe')).toBeNull()
    expect(evidenceContentType('无扩展名')).toBeNull()
  })

  it('refuses a wrong type, an empty or too large file before upload', () => {
    expect(evidenceFileProblem({ name: 'a.pdf', size: 5 * 1024 * 1024 })).toBeNull()
    expect(evidenceFileProblem({ name: 'a.pdf', size: 5 * 1024 * 1024 + 1 })).toBe('文件为 5 MB，超过 5 MB 的上限')
    expect(evidenceFileProblem({ name: 'a.zip', size: 10 })).toMatch(/仅支持/)
    expect(evidenceFileProblem({ name: 'a.png', size: 0 })).toBe('文件为空')
    expect(formatBytes(1536)).toBe('1.5 KB')
  })

  it('is locked while a claim awaits verification and once the task is closed out, and the 409 says so in Chinese', () => {
    expect(evidenceLocked('VERIFIED')).toBe(true)
    expect(evidenceLocked('COMPLETION_CLAIMED')).toBe(true)
    expect(evidenceLocked('IN_PROGRESS')).toBe(false)
    expect(evidenceLocked('REOPENED')).toBe(false)
    const unit = { mayWithdraw: true, mayReject: false }
    const supervisor = { mayWithdraw: false, mayReject: true }
    const other = { mayWithdraw: false, mayReject: false }
    expect(evidenceLockNote('COMPLETION_CLAIMED', unit)).toContain('请先撤回销号申请')
    expect(evidenceLockNote('COMPLETION_CLAIMED', supervisor)).toContain('可驳回销号申请')
    expect(evidenceLockNote('COMPLETION_CLAIMED', supervisor)).not.toContain('撤回')
    expect(evidenceLockNote('COMPLETION_CLAIMED', other)).toBe('该任务已申请销号、待核验，佐证材料以申请时为准，不能添加、上传、替换或删除。')
    expect(evidenceLockNote('VERIFIED', other)).toContain('已销号')
    expect(evidenceLockNote('IN_PROGRESS', unit)).toBeNull()
    const claimed = new ApiError({ status: 409, detail: 'the evidence of a task claimed complete (待核验) is what the supervisor'
      + ' verifies; a task in state COMPLETION_CLAIMED takes no new evidence or file: withdraw the claim (撤回销号申请) first' })
    expect(say(claimed)).toBe('操作与当前状态冲突：该任务已申请销号、待核验，佐证材料不能再添加、上传、替换或删除；如需补充或更换，请先撤回销号申请')
    const hasFile = new ApiError({ status: 409, detail: 'the evidence entry e1 has its file; an entry with a file is not removed:'
      + ' replace the file at /tasks/t1/evidence/e1/file' })
    expect(say(hasFile)).toBe('操作与当前状态冲突：该材料已上传文件，不能删除；如需更换，请替换文件')
    const refused = new ApiError({ status: 409, detail: 'the evidence of a closed-out (销号) task is fixed; a task in state VERIFIED takes no new evidence or file' })
    expect(say(refused)).toBe('操作与当前状态冲突：该任务已销号，佐证材料已固定，不能再添加材料或上传、替换文件')
    expect(say(new ApiError({ status: 403 }))).toBe('您没有执行此操作的权限')
    expect(say(new ApiError({ status: 415 }))).toMatch(/文件类型不受支持/)
  })
})

describe('a publication window', () => {
  it('runs from the first day 00:00:00 to the last day 23:59:59 in Beijing', () => {
    expect(windowOfDays('2025-11-06', '2025-11-13')).toEqual({
      windowStart: '2025-11-06T00:00:00', windowEnd: '2025-11-13T23:59:59', timeZone: 'Asia/Shanghai',
    })
    expect(formatWindow('2025-11-06T00:00:00+08:00', '2025-11-13T23:59:59+08:00')).toBe('2025年11月6日 00:00:00 至 2025年11月13日 23:59:59')
  })
})

describe('list filter', () => {
  it('matches every word in any of the texts, ignoring case', () => {
    expect(matchesText('', '任何')).toBe(true)
    expect(matchesText('招商局 招聘', '积极招聘事业编制人员', '招商局')).toBe(true)
    expect(matchesText('招商局 清退', '积极招聘事业编制人员', '招商局')).toBe(false)
    expect(matchesText('abc', null, 'xABCx')).toBe(true)
  })
})
