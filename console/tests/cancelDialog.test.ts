// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import type { AreaView, ProblemView, TaskSnapshot } from '@/api/types'
import type { Cancellable } from '@/cancellation'
import CancelDialog from '@/components/CancelDialog.vue'
import { json, reset, client, network, serveApi } from './recordedNetwork'
import { field, press, type } from './dialogDom'
import { PlanEditApi } from '@/api/planEdit'
import { TasksApi } from '@/api/tasks'

// 撤销 through the real client; only fetch is replaced, so what is asserted is the request as it would
// leave the browser (method, path, If-Match, Idempotency-Key, body).
const net = network()
serveApi(() => ({ planEdit: new PlanEditApi(client(net, '/api/tasks')), tasks: new TasksApi(client(net, '/api/tasks')) }))

const task = {
  id: 't1', version: 4, inspectionId: 'i1', areaId: 'a1', problemId: 'p2', areaNumber: 1, problemNumber: 2, number: 3,
  title: '健全学习制度', state: 'IN_PROGRESS', responsibleUnit: '党政办公室', cancellation: null,
} as unknown as TaskSnapshot
const problem = {
  id: 'p2', version: 2, inspectionId: 'i1', areaId: 'a1', number: 2, title: '理论学习不够深入', description: null, source: 'PLAN',
  percentComplete: 0, cancellation: null,
} as ProblemView
const area = { id: 'a1', version: 7, inspectionId: 'i1', number: 1, title: '落实意识形态工作责任制不到位', percentComplete: 0, cancellation: null } as AreaView
const page = (items: object[]) => json(200, { items, page: 0, size: 200, total: items.length })
const cancellation = { reason: '重复导入', by: 'zhengban', at: '2026-12-05T10:00:00+08:00' }
const refusal = (members: object) => json(409, { status: 409, title: 'Conflict', detail: 'refused', ...members }, 'application/problem+json')

let wrapper: VueWrapper | null = null

async function open(target: Cancellable): Promise<VueWrapper> {
  wrapper = mount(CancelDialog, { props: { open: true, target }, global: { plugins: [ElementPlus] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

const alertText = () => document.body.querySelector('.submission-alert')?.textContent ?? ''


describe('CancelDialog', () => {
  it('says which task, that it stays in the ledger but leaves every figure, and that it cannot be undone', async () => {
    await open({ level: 'task', record: task })
    expect(document.body.textContent).toContain('撤销任务')
    expect(document.body.querySelector('[data-test="subject"]')?.textContent).toBe('撤销任务：任务（一）2.三是：健全学习制度')
    expect(document.body.textContent).toContain('仍保留在台账中并标注“已撤销”')
    expect(document.body.textContent).toContain('不再计入任何统计数字')
    expect(document.body.textContent).toContain('撤销后不能恢复')
    expect(net.sent).toHaveLength(0) // a task takes nothing with it: nothing to read
  })

  it('lists a problem\'s tasks by number and title, a closed one marked', async () => {
    net.answers.push(() => page([{ ...task, number: 1, title: '制定学习计划' }, { ...task, id: 't2', number: 2, title: '开展专题学习', state: 'VERIFIED' }]))
    await open({ level: 'problem', record: problem })
    expect(net.sent[0]!.url).toBe('/api/tasks/problems/p2/tasks?size=200')
    const scope = document.body.querySelector('[data-test="scope"]')!.textContent!
    expect(scope).toContain('将一并撤销该问题下的 2 项任务')
    expect(scope).toContain('一是 制定学习计划')
    expect(scope).toContain('二是 开展专题学习（已销号）')
    expect(document.body.querySelector('[data-test="closed-note"]')?.textContent).toBe('已销号的任务须先经回头看重新整改，否则不能撤销该问题。')
  })

  it('lists an area\'s problems with their task counts', async () => {
    net.answers.push(() => page([problem, { ...problem, id: 'p3', number: 3, title: '学用结合不紧' }]))
    net.answers.push(() => page([task, { ...task, id: 't2' }]))
    net.answers.push(() => page([{ ...task, id: 't3' }]))
    await open({ level: 'area', record: area })
    const scope = document.body.querySelector('[data-test="scope"]')!.textContent!
    expect(scope).toContain('将一并撤销该方面下的 2 个问题、共 3 项任务')
    expect(scope).toContain('2. 理论学习不够深入（2项任务）')
    expect(scope).toContain('3. 学用结合不紧（1项任务）')
  })

  it('says before sending that a problem escalated from public feedback, or an area holding one, is not cancelled', async () => {
    net.answers.push(() => page([]))
    await open({ level: 'problem', record: { ...problem, source: 'FEEDBACK' } })
    expect(document.body.querySelector('[data-test="feedback-note"]')?.textContent).toContain('群众可查询其办理情况，不能撤销')
    wrapper!.unmount()
    document.body.innerHTML = ''
    net.answers.push(() => page([problem, { ...problem, id: 'p3', number: 3, source: 'FEEDBACK' }]))
    net.answers.push(() => page([]))
    net.answers.push(() => page([]))
    await open({ level: 'area', record: area })
    expect(document.body.querySelector('[data-test="feedback-note"]')?.textContent).toContain('不能撤销该方面')
  })

  it('says nothing of feedback for a problem of the plan', async () => {
    net.answers.push(() => page([]))
    await open({ level: 'problem', record: problem })
    expect(document.body.querySelector('[data-test="feedback-note"]')).toBeNull()
  })

  it('asks for the reason, and at most 500 characters, before sending anything', async () => {
    const dialog = await open({ level: 'task', record: task })
    await press('确认撤销')
    expect(field('cancel-reason').closest('.el-form-item')?.textContent).toContain('请说明撤销原因')
    type('cancel-reason', '重'.repeat(501))
    await press('确认撤销')
    expect(field('cancel-reason').closest('.el-form-item')?.textContent).toContain('撤销原因不超过 500 字')
    expect(net.sent).toHaveLength(0)
    expect(dialog.emitted('cancelled')).toBeUndefined()
  })

  it('cancels a task with the reason, If-Match its version and an Idempotency-Key, and hands the cancelled view back', async () => {
    const dialog = await open({ level: 'task', record: task })
    net.answer = () => json(200, { ...task, version: 5, cancellation, allowedTransitions: [] }, 'application/json', { ETag: '"5"' })
    type('cancel-reason', ' 任务分解表重复导入 ')
    await press('确认撤销')
    expect(net.sent).toHaveLength(1)
    const [request] = net.sent
    expect(request!.url).toBe('/api/tasks/tasks/t1/cancellation')
    expect(request!.init.method).toBe('POST')
    const headers = request!.init.headers as Record<string, string>
    expect(headers['If-Match']).toBe('"4"')
    expect(headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{32,36}$/)
    expect(JSON.parse(String(request!.init.body))).toEqual({ reason: '任务分解表重复导入' })
    const emitted = dialog.emitted('cancelled') as [TaskSnapshot][]
    expect(emitted).toHaveLength(1)
    expect(emitted[0]![0].cancellation).toEqual(cancellation)
  })

  it('cancels a problem and an area at their own paths and versions', async () => {
    net.answers.push(() => page([]))
    await open({ level: 'problem', record: problem })
    net.answers.push(() => json(200, { ...problem, version: 3, cancellation }))
    type('cancel-reason', '误录')
    await press('确认撤销')
    expect(net.sent[1]!.url).toBe('/api/tasks/problems/p2/cancellation')
    expect(net.sent[1]!.init.headers).toMatchObject({ 'If-Match': '"2"' })
    wrapper!.unmount()
    reset(net)

    net.answers.push(() => page([]))
    await open({ level: 'area', record: area })
    net.answers.push(() => json(200, { ...area, version: 8, cancellation }))
    type('cancel-reason', '误录')
    await press('确认撤销')
    expect(net.sent[1]!.url).toBe('/api/tasks/areas/a1/cancellation')
    expect(net.sent[1]!.init.headers).toMatchObject({ 'If-Match': '"7"' })
  })

  it('keeps the reason after a 412 and cancels against the version 重新载入 read, under a new key', async () => {
    const dialog = await open({ level: 'task', record: task })
    net.answers.push(() => json(412, { status: 412, title: 'Precondition failed' }, 'application/problem+json'))
    type('cancel-reason', '重复导入')
    await press('确认撤销')
    expect(alertText()).toContain('已被他人修改')
    expect(field('cancel-reason').value).toBe('重复导入')
    expect(dialog.emitted('cancelled')).toBeUndefined()
    const firstKey = (net.sent[0]!.init.headers as Record<string, string>)['Idempotency-Key']

    net.answers.push(() => json(200, { ...task, version: 6 }, 'application/json', { ETag: '"6"' }))
    await press('重新载入')
    expect(net.sent[1]!.url).toBe('/api/tasks/tasks/t1')
    net.answers.push(() => json(200, { ...task, version: 7, cancellation }))
    await press('确认撤销')
    const headers = net.sent[2]!.init.headers as Record<string, string>
    expect(headers['If-Match']).toBe('"6"')
    expect(headers['Idempotency-Key']).not.toBe(firstKey)
    expect(dialog.emitted('cancelled')).toHaveLength(1)
  })

  describe('says each refusal (409) in Chinese', () => {
    async function refusedWith(target: Cancellable, members: object, scope: (() => Response)[] = []): Promise<string> {
      net.answers.push(...scope)
      await open(target)
      net.answers.push(() => refusal(members))
      type('cancel-reason', '误录')
      await press('确认撤销')
      return alertText()
    }

    it('a closed-out task: reopen it through a look-back first', async () => {
      expect(await refusedWith({ level: 'task', record: task }, { state: 'VERIFIED' }))
        .toContain('该任务已销号，销号已计入统计，不能撤销；如确属误录，须先经回头看重新整改')
      wrapper!.unmount()
      expect(await refusedWith({ level: 'task', record: task }, { state: 'CONSOLIDATING' })).toContain('该任务已核实转入巩固')
    })

    it('cancelled meanwhile', async () => {
      expect(await refusedWith({ level: 'task', record: task }, { cancelledAt: '2026-12-05T10:00:00+08:00' }))
        .toContain('该任务已于 2026年12月5日 10:00 撤销（可能刚由他人撤销），不能再撤销；请刷新页面查看')
    })

    it('a problem with closed tasks, naming them', async () => {
      const said = await refusedWith({ level: 'problem', record: problem }, {
        closedTasks: [{ id: 't1', number: 1, title: '制定学习计划', state: 'VERIFIED' }, { id: 't2', number: 2, title: '开展专题学习', state: 'CONSOLIDATING' }],
      }, [() => page([])])
      expect(said).toContain('该问题下有已销号的任务：一是“制定学习计划”、二是“开展专题学习”（巩固中），须先经回头看重新整改')
    })

    it('a problem escalated from public feedback', async () => {
      expect(await refusedWith({ level: 'problem', record: problem }, { source: 'FEEDBACK' }, [() => page([])]))
        .toContain('该问题由群众反映的意见建议转为整改问题，群众可查询其办理情况，不能撤销')
    })

    it('a finding an ANALOGY problem extends', async () => {
      expect(await refusedWith({ level: 'problem', record: problem }, { extendedBy: ['p7', 'p8'] }, [() => page([])]))
        .toContain('该问题有 2 个举一反三问题延伸自它，须先撤销这些举一反三问题')
    })

    it('a problem named by accountability records', async () => {
      expect(await refusedWith({ level: 'problem', record: problem }, { accountabilityRecords: ['o1'] }, [() => page([])]))
        .toContain('问责与追回中有 1 条记录涉及该问题，须先在“问责与追回”中撤销登记或更正这些记录')
    })

    it('an area, naming each problem refused as the service lists them in problems', async () => {
      const text = await refusedWith({ level: 'area', record: area }, {
        problems: [
          { problemId: 'p2', number: 2, title: '理论学习不够深入', source: 'FEEDBACK' },
          { problemId: 'p9', number: 9, title: '制度执行不严', closedTasks: [{ id: 't9', number: 1, title: '修订制度', state: 'VERIFIED' }] },
        ],
      }, [() => page([problem]), () => page([])])
      expect(text).toContain('问题“2. 理论学习不够深入”由群众反映的意见建议转为整改问题')
      expect(text).toContain('问题“9. 制度执行不严”下有已销号的任务：一是“修订制度”')
    })
  })
})
