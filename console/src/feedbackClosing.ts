// What closing a feedback (办结) shows the public, said in the console's 办结 dialog before the clerk confirms:
// the tracking page (feedback-service track.js) shows 已办结 and the published answer if there is one, or, without
// one, that it was closed without a separate reply and no expected reply date. The reason typed in the dialog is
// the office's own note (it may hold anything) and the public never sees it.
import type { FeedbackView } from '@/api/feedback'

/** The line the tracking page shows in place of an answer for a feedback closed without one (track.js). */
export const CLOSED_WITHOUT_ANSWER = '本件已办结，未另行单独答复。'

/** The 办结 dialog's line: what the submitter will see once it is closed, and that the reason stays inside. */
export function closePublicLine(feedback: Pick<FeedbackView, 'answer'> | null): string {
  const shown = feedback?.answer
    ? '状态“已办结”和已发布的答复'
    : `状态“已办结”和“${CLOSED_WITHOUT_ANSWER}”（不再显示预计答复日期）`
  return `办结后，群众凭查询码看到的是${shown}。办结说明仅供内部留存，不对群众公开。`
}
