// The feedback handler's inbox: which items need a reply and how soon (by the reply deadline).
import type {
  FeedbackCategory, FeedbackFilter, FeedbackStatus, FeedbackView, HistoryEntry, InboxCounts, ReplyFilter, ReplyUrgency,
} from '@/api/feedback'
import type { Page } from '@/api/types'
import { LEVEL_WORDS, type CancelLevel } from '@/cancellation'
import { formatDate, formatDateTime, formatDayOf, formatDayTime, todayInShanghai } from '@/format'
import type { Column } from '@/rowColumns'
import { SYSTEM_ACTORS } from '@/systemActors'

export const FEEDBACK_STATUS_LABELS: Record<FeedbackStatus, string> = {
  RECEIVED: '待分办', TRIAGED: '办理中', ANSWERED: '已答复', CLOSED: '已办结', ESCALATED: '已转为问题', MERGED: '已合并',
  ESCALATION_REFUSED: '转为问题未成功',
}

export const CATEGORY_LABELS: Record<FeedbackCategory, string> = {
  OPINION: '意见', SUGGESTION: '建议', COMPLAINT: '投诉', MISCONDUCT_REPORT: '问题线索',
}

export const CHANNEL_LABELS: Record<string, string> = {
  WEB: '网上', PHONE: '电话', POST: '来信', EMAIL: '电子邮件', API: '对接系统',
}

/**
 * How urgent a reply is, as feedback-service judges it (its ReplyRule: owed a reply, past its day in Beijing,
 * within 待办's horizon) and says on each feedback (`replyUrgency`); the console computes none of it.
 */
export const URGENCY_LABELS: Record<ReplyUrgency, string> = {
  OVERDUE: '已超期', DUE_SOON: '即将到期', NEW: '新收到', OPEN: '办理中',
}

/** The tag an urgent reply gets (已超期 red, 即将到期 orange), or null. */
export function urgencyTag(feedback: Pick<FeedbackView, 'replyUrgency'>): { label: string; type: 'danger' | 'warning' } | null {
  switch (feedback.replyUrgency) {
    case 'OVERDUE': return { label: URGENCY_LABELS.OVERDUE, type: 'danger' }
    case 'DUE_SOON': return { label: URGENCY_LABELS.DUE_SOON, type: 'warning' }
    default: return null
  }
}

export type InboxTab = 'todo' | 'overdue' | 'due-soon' | 'new' | 'all'

/**
 * Each tab: its label, the service's filter (none for 全部) and its total in GET /feedback/counts. The first holds every
 * feedback owed a reply, 待答复: called 待办理, it read as another name of the header's 待办 (todosName.ts), which
 * lists only the replies falling due within its horizon, and its count never matched the badge's.
 */
export const INBOX_TABS: readonly { tab: InboxTab; label: string; reply: ReplyFilter | undefined; count: keyof InboxCounts }[] = [
  { tab: 'todo', label: '待答复', reply: 'OWED', count: 'owed' },
  { tab: 'overdue', label: '已超期', reply: 'OVERDUE', count: 'overdue' },
  { tab: 'due-soon', label: '即将到期', reply: 'DUE_SOON', count: 'dueSoon' },
  { tab: 'new', label: '新收到', reply: 'NEW', count: 'newlyReceived' },
  { tab: 'all', label: '全部', reply: undefined, count: 'all' },
]

/** A tab named in the address (the first still `todo`, as addresses kept say it), or 待答复 for none or one not known. */
export function inboxTab(value: string | undefined): InboxTab {
  return INBOX_TABS.find((t) => t.tab === value)?.tab ?? 'todo'
}

/** The inbox's page size: the service reads a page at a time, so nothing is cut off past a first read. */
export const INBOX_PAGE_SIZE = 50

/** A masked contact, in one line ("张* · 138****5678"); 匿名 when there is none. */
export function contactLine(feedback: Pick<FeedbackView, 'anonymous' | 'submitterMasked'>): string {
  const s = feedback.submitterMasked
  const parts = s === null ? [] : [s.name, s.phone, s.email, s.address].filter((p): p is string => typeof p === 'string' && p !== '')
  return parts.length === 0 || feedback.anonymous ? '匿名' : parts.join(' · ')
}

/**
 * 联系方式已于2027-03-02按保存期限删除: said in place of the contact and its 查看完整联系方式 once the retention period
 * erased the details (the day in Beijing); null while they are kept.
 */
export function erasedContactLine(feedback: Pick<FeedbackView, 'personalDataErasedAt'>): string | null {
  const erased = feedback.personalDataErasedAt
  return erased ? `联系方式已于${todayInShanghai(new Date(erased))}按保存期限删除` : null
}

export type FeedbackStep = 'triage' | 'answer' | 'escalate' | 'merge' | 'close'

/** The steps the service allows from a status (docs/feedback-service.md); others answer 409. */
export function stepsAllowed(status: FeedbackStatus): FeedbackStep[] {
  switch (status) {
    case 'RECEIVED': return ['triage', 'escalate', 'merge', 'close']
    case 'TRIAGED': return ['triage', 'answer', 'escalate', 'merge', 'close']
    case 'ANSWERED': return ['answer', 'escalate', 'close']
    // an escalated feedback is still answered to the citizen (feedback-service's FeedbackStep.ANSWER)
    case 'ESCALATED': return ['answer', 'close']
    case 'ESCALATION_REFUSED': return ['answer', 'escalate', 'close']
    default: return []
  }
}

/**
 * The part a feedback is linked to, by its most specific link: a task, else a problem (a link the API allows
 * without a task), else an area; null when it is linked to none.
 */
export function linkedLevel(feedback: Pick<FeedbackView, 'areaId' | 'problemId' | 'taskId'>): CancelLevel | null {
  return feedback.taskId ? 'task' : feedback.problemId ? 'problem' : feedback.areaId ? 'area' : null
}

/** 关联任务, 关联问题, 关联方面: what the feedback's page heads its link with (关联任务 while there is none, as 分办 links tasks). */
export function linkLabel(feedback: Pick<FeedbackView, 'areaId' | 'problemId' | 'taskId'>): string {
  return `关联${LEVEL_WORDS[linkedLevel(feedback) ?? 'task']}`
}

/**
 * 撤销: the office cancelled the part a feedback is linked to, and its handler should link it anew. Only
 * while a triage can move the link (RECEIVED, TRIAGED); later the link stays as handled.
 */
export function needsRelink(feedback: Pick<FeedbackView, 'status' | 'linkCancelledAt'>): boolean {
  return feedback.linkCancelledAt != null && stepsAllowed(feedback.status).includes('triage')
}

/** The statuses a triage can still move a link from (RECEIVED, TRIAGED): those still to be linked anew. */
export const RELINKABLE: readonly FeedbackStatus[] = (Object.keys(FEEDBACK_STATUS_LABELS) as FeedbackStatus[])
  .filter((status) => stepsAllowed(status).includes('triage'))

/**
 * The feedback still to be linked anew (`needsRelink`), as the service finds them among all feedback
 * (`linkCancelled=true`), not among the newest the inbox loaded: the older a feedback, the likelier what it
 * is linked to was cancelled since. `total` counts them all, `items` are at most `size` of each status (the
 * service filters by one status, so one request each).
 */
export async function toRelink(list: (filter: FeedbackFilter) => Promise<Page<FeedbackView>>, publicationId: string | undefined,
  size: number): Promise<{ total: number; items: FeedbackView[] }> {
  const pages = await Promise.all(RELINKABLE.map((status) => list({ publicationId, status, linkCancelled: true, size })))
  return { total: pages.reduce((sum, page) => sum + page.total, 0), items: pages.flatMap((page) => page.items) }
}

/**
 * What the feedback's page says of a link the office cancelled (撤销), or null while it stands: which part (`cancelled`,
 * as the page read it; by default the one linked most specifically, which an area's or problem's 撤销 takes along), when, and what
 * the handler can do. The reason is the task's page's to show (tasks-service keeps it); the public's tracking
 * page says only that it was taken out of the ledger, and, while it can be linked anew, that it will be looked at again.
 */
export function cancelledLinkHint(feedback: Pick<FeedbackView, 'status' | 'areaId' | 'problemId' | 'taskId' | 'linkCancelledAt'>,
  cancelled: CancelLevel = linkedLevel(feedback) ?? 'area'): string | null {
  if (feedback.linkCancelledAt == null) return null
  const said = `所关联的${LEVEL_WORDS[cancelled]}已于 ${formatDateTime(feedback.linkCancelledAt)} 由整改办撤销，关联保留但已不再有效`
  if (needsRelink(feedback)) {
    return `${said}。请在下方“分办”中重新关联仍有效的整改任务。群众凭查询码查询时看到：所关联的整改事项因录入有误已从整改台账中撤销，将重新研判。`
  }
  return `${said}；本条${FEEDBACK_STATUS_LABELS[feedback.status]}，不能再改关联。`
}

export const HISTORY_LABELS: Record<string, string> = {
  RECEIVED: '收到', TRIAGED: '分办', ANSWERED: '答复', ANSWER_REVISED: '更新答复', CLOSED: '办结', ESCALATED: '转为整改问题', MERGED: '合并',
  PERSONAL_DATA_VIEWED: '查看了完整联系方式', PERSONAL_DATA_ERASED: '联系方式已按保存期限删除', DUPLICATE_MERGED_IN: '并入了一条重复件',
  BECAME_PROBLEM: '已列入整改台账', ESCALATION_REFUSED: '整改台账未接收',
}

/** "feedback <id> (<code>) merged into this one", "into <id> (<code>)": a merge's entries name the other feedback by its code. */
const MERGE_NAMED = /^(?:feedback|into) (\S+) \(([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})\)/

/**
 * The feedback a merge's history entry names, with how to say it: 合并到 <code> on the duplicate, 并入了重复件 <code>
 * on the one it went into; null for any other entry, and for one written before entries held the code (said by its label).
 */
export function mergeNamed(entry: Pick<HistoryEntry, 'action' | 'detail'>): { id: string; code: string; label: string } | null {
  const label = { MERGED: '合并到', DUPLICATE_MERGED_IN: '并入了重复件' }[entry.action]
  const named = label === undefined ? null : entry.detail?.match(MERGE_NAMED)
  return named ? { id: named[1]!, code: named[2]!, label: label! } : null
}

/** The records a history entry names by id, as the page knows them (the inspection's tasks); undefined when unknown. */
export interface NamedRecords {
  task?: (id: string) => string | undefined
}

/** The tasks the triages of a history linked (their detail's "task <id>"), each once: what its 办理记录 names. */
export function triagedTaskIds(history: readonly { action: string; detail: string | null }[]): string[] {
  const ids = history.filter((h) => h.action === 'TRIAGED' && h.detail)
    .flatMap((h) => h.detail!.split(', ').filter((part) => part.startsWith('task ')).map((part) => part.slice(5)))
  return [...new Set(ids)]
}

/** Staff registered it: "recorded by staff, received on 2026-12-05[ at 10:30:00][, receipt …]" (feedback-service's intake). */
const STAFF_RECEIVED = /^recorded by staff, received on (\d{4}-\d{2}-\d{2})(?: at (\d{2}:\d{2}))?/

/**
 * A history entry's detail as the office reads it: the service writes it in English for the audit
 * trail (it never holds personal data); the known forms are said in Chinese, the rest shown as written.
 * A linked task is named by its numbering and title; one the page does not know is left out rather than shown bare.
 */
export function historyDetail(action: string, detail: string | null, named: NamedRecords = {}): string {
  if (detail === null || detail === '') return ''
  switch (action) {
    case 'PERSONAL_DATA_VIEWED':
    case 'PERSONAL_DATA_ERASED': return ''
    case 'RECEIVED': {
      const staff = detail.match(STAFF_RECEIVED)
      if (staff) return `工作人员登记，收到于 ${staffReceived(staff)}`
      return `渠道：${CHANNEL_LABELS[detail.match(/\((\w+)\)$/)?.[1] ?? ''] ?? detail}`
    }
    case 'TRIAGED':
      return detail.split(', ').map((part) => {
        const [what, value = ''] = part.split(' ')
        if (what === 'category') return `类别：${CATEGORY_LABELS[value as FeedbackCategory] ?? value}`
        if (what === 'task') {
          const title = named.task?.(value)
          return title === undefined ? null : `关联任务：${title}`
        }
        return { area: '关联方面', problem: '关联问题' }[what ?? ''] ?? part
      }).filter((part) => part !== null).join('；')
    case 'ANSWERED':
    case 'ANSWER_REVISED': {
      const length = detail.match(/\((\d+) characters\)/)?.[1]
      return length ? `答复 ${length} 字` : detail
    }
    case 'ESCALATED': return detail.replace(/^as a new problem: /, '新问题：')
    // the problem is shown on the page by its title; its id says nothing to the office
    case 'BECAME_PROBLEM': return ''
    case 'ESCALATION_REFUSED': return detail.replace(/^tasks-service refused the escalation: /, '原因：')
    case 'MERGED': return ''
    case 'DUPLICATE_MERGED_IN': return ''
    default: return detail
  }
}

/** Who made a step, as colleagues know them (the console's directory of staff); a service or the public by what it is (SYSTEM_ACTORS). */
export function actorName(actor: string, nameOf: (username: string) => string | null): string {
  return SYSTEM_ACTORS[actor] ?? nameOf(actor) ?? actor
}

/**
 * When a feedback came: staff may register a call or letter without its time (the service says so in
 * receivedTimeGiven, and keeps the day's 00:00 in Beijing); that is shown as the day alone, not as a call at midnight.
 */
export function receivedText(feedback: Pick<FeedbackView, 'receivedAt' | 'receivedTimeGiven'>): string {
  if (feedback.receivedTimeGiven === false) return dayAlone(todayInShanghai(new Date(feedback.receivedAt)))
  return formatDateTime(feedback.receivedAt)
}

/**
 * The reply deadline as the day it is: feedback-service keeps it as an instant (the receipt plus the category's days,
 * so a call registered without its time gives 00:00), yet it is a day (ReplyRule: overdue from the day after, in
 * Beijing), which the public's tracking page (replyDueDate) and the notices say; a clock beside it read as due by then.
 */
export function replyDueText(feedback: Pick<FeedbackView, 'replyDueAt'>): string {
  return formatDayOf(feedback.replyDueAt)
}

/** A day registered without its time (yyyy-MM-dd, Beijing's): 2026年12月5日（未记录时间）. */
function dayAlone(day: string): string {
  return `${formatDate(day)}（未记录时间）`
}

/** As the history's RECEIVED entry writes it: the day and time staff recorded (already Beijing's), or the day alone. */
function staffReceived(recorded: RegExpMatchArray): string {
  const day = recorded[1] ?? ''
  return recorded[2] === undefined ? dayAlone(day) : formatDayTime(day, recorded[2])
}

/**
 * The inbox's columns; `publicationOf` names a feedback's publication (公布, each of one inspection's rectification) when
 * the list holds feedback of several, null when of one, which then goes unsaid. The page clamps 内容 to two lines and
 * tags an urgent 答复期限 (已超期, 即将到期); `pickable` puts a box before each row (选择) for 批量合并. The list is in the order of 答复期限, so a table that scrolls sideways (a tablet) keeps it in view.
 */
export function inboxColumns(publicationOf: ((id: string) => string) | null, pickable = false): Column<FeedbackView>[] {
  return [
    // 选择: a box a row, to merge several into one at once (批量合并), for those who handle feedback
    ...(pickable ? [{ key: 'pick', label: '选择', width: 60 }] : []),
    { key: 'trackingCode', prop: 'trackingCode', to: (f) => `/feedback/${f.id}`, label: '查询码', width: 195, card: 'title' },
    { key: 'text', prop: 'text', label: '内容', minWidth: 160 },
    ...(publicationOf === null ? [] : [{ key: 'publication', label: '公布', minWidth: 150, text: (f: FeedbackView) => publicationOf(f.publicationId) }]),
    { key: 'contact', label: '提出人', width: 130, text: contactLine },
    { key: 'channel', label: '渠道', width: 60, text: (f) => CHANNEL_LABELS[f.channel] ?? f.channel },
    { key: 'category', label: '类别', width: 80, text: (f) => (f.category ? CATEGORY_LABELS[f.category] : '未分类') },
    { key: 'status', label: '状态', width: 100, text: (f) => FEEDBACK_STATUS_LABELS[f.status] },
    { key: 'receivedAt', label: '收到', width: 140, text: receivedText },
    { key: 'replyDueAt', label: '答复期限', width: 165, fixed: 'right', text: replyDueText },
  ]
}

/** The inbox's columns for feedback of one publication. */
export const INBOX_COLUMNS: readonly Column<FeedbackView>[] = inboxColumns(null)
