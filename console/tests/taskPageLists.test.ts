// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import type { User } from 'oidc-client-ts'
import type { Evidence, ProgressReport, TaskSnapshot } from '@/api/types'
import { ApiError } from '@/api/problem'
import { useSession } from '@/auth/session'
import TaskView from '@/views/TaskView.vue'
import { serveApi } from './recordedNetwork'

// The task page's name, 节点, 佐证材料 and 进展报告, read from a task-service answered here (the page's own API calls).
const task = {
  id: 't1', version: 3, inspectionId: 'i1', areaNumber: 1, problemNumber: 3, number: 2, title: '修订公务接待制度', measures: '逐条修订', responsibleUnit: '党政办公室',
  responsiblePerson: null, leadOfficial: null, deadline: '2025-06-30', kind: 'TIME_BOUND', state: 'IN_PROGRESS', percentComplete: 40,
  reportingCadence: 'MONTHLY', lastProgressReportAt: null, indicators: [], evidenceCount: 2, claimedBy: null, lastRejection: null,
  lastReopen: null, lastLookBack: null, verificationNote: null, allowedTransitions: [],
  milestones: [
    { id: 'm1', title: '完成制度初稿', dueDate: '2025-04-30', achievedAt: '2025-04-28T10:00:00+08:00' },
    { id: 'm2', title: '党组会审议通过', dueDate: '2025-05-31', achievedAt: null },
  ],
} as unknown as TaskSnapshot
const evidence: Evidence[] = [
  { id: 'e1', type: 'MINUTES', title: '党组会纪要', reference: '党组〔2025〕3号', date: '2025-05-20', file: null },
  { id: 'e2', type: 'DOCUMENT', title: '公务接待管理办法', date: '2025-05-25',
    file: { filename: '办法.pdf', contentType: 'application/pdf', size: 2048, sha256: 'ab', uploadedAt: '2025-05-25T09:00:00+08:00' } },
]

/** What the service answers for the task's evidence: the list, or a refusal (another unit's task). */
let evidenceAnswer: () => Promise<Evidence[]> = async () => evidence
/** The task's progress reports as the service answers them: the latest first. */
let reportsAnswer: ProgressReport[] = []
/** The task the service answers (the one above, or it claimed). */
let shownTask: TaskSnapshot = task
/** The evidence entries removed: (taskId, version, evidenceId). */
const removed: unknown[][] = []

serveApi(() => ({
  tasks: {
    task: async () => ({ body: shownTask }),
    progressReports: async () => reportsAnswer,
    evidence: () => evidenceAnswer(),
    deadlineExtensionRequests: async () => [],
    removeEvidence: (...args: unknown[]) => { removed.push(args); return Promise.resolve() },
  },
  people: { names: async () => [] },
}))

/** A window that is a phone's width (every `(max-width: …)` query matches) or a desk's. */
function windowOf(phone: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({ matches: phone && query.includes('max-width'), addEventListener() {}, removeEventListener() {} }))
}

let wrapper: VueWrapper | null = null
afterEach(() => {
  evidenceAnswer = async () => evidence
  shownTask = task
  reportsAnswer = []
  removed.length = 0
})

/** The task page as an officer of the task's unit sees it (may mark goals achieved and attach files), or as `profile`. */
async function show(phone: boolean, profile: Record<string, unknown> = { upn: 'dzb', name: '李科长', groups: ['officer'], unit: '党政办公室' }) {
  windowOf(phone)
  const pinia = createPinia()
  setActivePinia(pinia)
  useSession().user = { profile, expired: false, access_token: 't' } as unknown as User
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { render: () => null } }] })
  await router.push('/tasks/t1')
  wrapper = mount(TaskView, { global: { plugins: [pinia, router, ElementPlus] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

const section = (w: VueWrapper, name: string) => w.find(`section[aria-label="${name}"]`)
/** each card: its heading, its "label：value" lines and its buttons */
const cards = (w: VueWrapper, name: string) => section(w, name).findAll('li.row-card').map((card) => ({
  title: card.find('.card-title').text(),
  lines: card.findAll('.card-line').map((l) => `${l.find('dt').text()}：${l.find('dd').text()}`),
  buttons: card.findAll('.card-actions button').map((b) => b.text()),
}))

describe('the task page\'s 节点, 佐证材料 and 进展报告', () => {
  it('names the task as the notices do: by its area, problem and own number, not 任务 2', async () => {
    const w = await show(false)
    expect(w.find('.crumbs').text()).toContain('任务（一）3.二是')
    expect(w.find('.crumbs').text()).not.toContain('任务 2')
  })

  it('on a phone: a card a stage goal, 标记达成 at the foot of one not yet achieved; no table', async () => {
    const w = await show(true)
    expect(section(w, '节点').find('table').exists()).toBe(false)
    expect(cards(w, '节点')).toEqual([
      { title: '完成制度初稿', lines: ['计划完成：2025年4月30日', '完成时间：2025年4月28日 10:00'], buttons: [] },
      { title: '党组会审议通过', lines: ['计划完成：2025年5月31日', '完成时间：—'], buttons: ['标记达成'] },
    ])
  })

  it('on a phone: a card an evidence entry, its file line downloading, previewing or uploading as on a desk', async () => {
    const w = await show(true)
    expect(section(w, '佐证材料').find('table').exists()).toBe(false)
    const [minutes, rules] = cards(w, '佐证材料')
    expect(minutes!.title).toBe('党组会纪要')
    expect(minutes!.lines.slice(0, 3)).toEqual(['类型：会议纪要', '文号或存放位置：党组〔2025〕3号', '日期：2025年5月20日'])
    // an entry without its file may be removed (its file refused, or added by mistake); one with its file is replaced
    expect(minutes!.lines[3]).toMatch(/^文件：未上传文件\s*上传文件\s*删除$/)
    expect(rules!.lines[1]).toBe('文号或存放位置：—')
    expect(rules!.lines[3]).toMatch(/^文件：办法\.pdf\s*2(\.0)? KB\s*上传于 2025年5月25日 09:00\s*替换文件$/)
    expect(section(w, '佐证材料').find('button[aria-label="下载 办法.pdf"]').exists()).toBe(true)
  })

  it('on a desk: the tables they were, 操作 at the goals\' right edge', async () => {
    const w = await show(false)
    const heads = (name: string) => section(w, name).findAll('.el-table__header th').map((th) => th.text())
    expect(heads('节点')).toEqual(['节点', '计划完成', '完成时间', '操作'])
    expect(heads('佐证材料')).toEqual(['类型', '名称', '文号或存放位置', '日期', '文件'])
    expect(section(w, '节点').findAll('button').filter((b) => b.text() === '标记达成')).toHaveLength(1)
    expect(section(w, '佐证材料').findAll('button').filter((b) => b.text() === '上传文件')).toHaveLength(1)
    expect(section(w, '节点').find('li.row-card').exists()).toBe(false)
  })

  it('removes an entry without its file when its unit confirms 删除, with the version read', async () => {
    const w = await show(false)
    const files = section(w, '佐证材料')
    expect(files.findAll('button').filter((b) => b.text() === '删除')).toHaveLength(1)
    await files.find('button[aria-label="删除：党组会纪要"]').trigger('click')
    await flushPromises()
    const confirm = [...document.querySelectorAll('.el-popconfirm button')].find((b) => b.textContent?.trim() === '删除')
    expect(confirm).toBeDefined()
    ;(confirm as HTMLButtonElement).click()
    await flushPromises()
    expect(removed).toEqual([['t1', 3, 'e1']])
  })

  it('while a claim awaits verification: the files and their upload times, no 上传/替换/删除, and why, said to each reader', async () => {
    // the service offers a claimed task's steps by its state; who may take which is the page's (the role, the unit)
    shownTask = { ...task, state: 'COMPLETION_CLAIMED', claimedBy: 'dzb', allowedTransitions: ['VERIFY', 'REJECT_COMPLETION', 'WITHDRAW_CLAIM'] } as unknown as TaskSnapshot
    const readers = [
      // the unit's officer may withdraw the claim to change its evidence
      { profile: { upn: 'dzb', name: '李科长', groups: ['officer'], unit: '党政办公室' }, says: '如需补充或更换，请先撤回销号申请', not: '驳回' },
      // the supervisor cannot withdraw someone else's claim: they may reject it, saying what is missing
      { profile: { upn: 'ducha', name: '陈组长', groups: ['supervisor'] }, says: '如材料不足，可驳回销号申请，在驳回理由中写明需补充的材料', not: '撤回' },
    ]
    for (const { profile, says, not } of readers) {
      const w = await show(false, profile)
      const files = section(w, '佐证材料')
      const note = files.find('.evidence-lock').text()
      expect(note).toContain('该任务已申请销号、待核验，佐证材料以申请时为准')
      expect(note).toContain(says)
      expect(note).not.toContain(not)
      expect(files.findAll('button').map((b) => b.text()).filter((t) => ['上传文件', '替换文件', '删除'].includes(t))).toEqual([])
      // the supervisor sees when each file went up, beside the claim's time
      expect(files.text()).toContain('上传于 2025年5月25日 09:00')
      expect(files.find('form[aria-label="添加佐证材料"]').exists()).toBe(false)
      wrapper!.unmount(); wrapper = null; document.body.innerHTML = ''
    }
  })

  it('for someone the evidence is not for (the feedback handler, another unit): the task and its count, the files withheld', async () => {
    evidenceAnswer = async () => { throw new ApiError({ status: 403, title: 'Forbidden', detail: 'officers read only the evidence of the tasks of their unit' }) }
    const w = await show(false, { upn: 'xinfang', groups: ['feedback-handler', 'personal-data'] })
    expect(w.find('[role="alert"]').exists()).toBe(false)
    expect(w.text()).toContain('修订公务接待制度')
    expect(w.text()).toContain('2 份')
    expect(section(w, '佐证材料').text()).toContain('佐证材料的内容仅责任单位、整改办和督查可以查看')
    expect(section(w, '佐证材料').text()).not.toContain('尚无佐证材料')
    expect(section(w, '节点').findAll('button').map((b) => b.text())).toEqual([])
  })

  it('shows the latest ten progress reports, in the order they came, and the earlier ones when asked', async () => {
    // day n's report, the service answering the latest first
    reportsAnswer = Array.from({ length: 25 }, (_, i) => 25 - i).map((n) => ({
      id: `r${n}`, cadence: 'DAILY', periodStart: '2025-05-01', periodEnd: '2025-05-01', text: `第${n}天进展`, percentComplete: n,
    }) as ProgressReport)
    const w = await show(false)
    const shown = () => section(w, '进展报告').findAll('.el-timeline-item').map((item) => item.text())
    expect(shown()).toHaveLength(10)
    expect(shown()[0]).toContain('第16天进展')
    expect(shown()[9]).toContain('第25天进展')
    const earlier = section(w, '进展报告').find('button.earlier-reports')
    expect(earlier.text()).toBe('显示更早的 15 条进展报告')
    await earlier.trigger('click')
    expect(shown()).toHaveLength(25)
    expect(shown()[0]).toContain('第1天进展')
    expect(section(w, '进展报告').find('button.earlier-reports').exists()).toBe(false)
  })

  it('shows ten progress reports or fewer whole, with nothing to ask for', async () => {
    reportsAnswer = Array.from({ length: 10 }, (_, i) => ({
      id: `r${i}`, cadence: 'DAILY', periodStart: '2025-05-01', periodEnd: '2025-05-01', text: `进展${i}`, percentComplete: 10,
    }) as ProgressReport)
    const w = await show(false)
    expect(section(w, '进展报告').findAll('.el-timeline-item')).toHaveLength(10)
    expect(section(w, '进展报告').find('button.earlier-reports').exists()).toBe(false)
  })
})
