import { describe, expect, it } from 'vitest'
import { actorName } from '@/feedbackInbox'
import { CLOSED_WITHOUT_ANSWER, closePublicLine } from '@/feedbackClosing'

describe("a feedback's history", () => {
  const nameOf = (username: string) => (username === 'li.ganshi' ? '李干事' : null)

  it('names the services that write it in Chinese, not by their ids', () => {
    expect(actorName('tasks-service', nameOf)).toBe('整改台账（系统）')
    expect(actorName('feedback-service', nameOf)).toBe('意见建议系统（自动）')
    expect(actorName('public', nameOf)).toBe('公众提交')
    expect(actorName('li.ganshi', nameOf)).toBe('李干事')
    expect(actorName('wang.kezhang', nameOf)).toBe('wang.kezhang')
  })
})

describe('the 办结 dialog', () => {
  it('says the reason is internal and what the public will see', () => {
    const unanswered = closePublicLine({ answer: null })
    expect(unanswered).toContain(CLOSED_WITHOUT_ANSWER)
    expect(unanswered).toContain('不再显示预计答复日期')
    expect(unanswered).toContain('办结说明仅供内部留存，不对群众公开')
    const answered = closePublicLine({ answer: '经核查，已整改。' })
    expect(answered).toContain('已发布的答复')
    expect(answered).not.toContain(CLOSED_WITHOUT_ANSWER)
  })
})
