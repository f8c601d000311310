// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus, { ElDatePicker } from 'element-plus'
import type { ProblemExtensionsView, ProblemView } from '@/api/types'
import { analogyErrors, emptyAnalogy, rowErrors, taskInput } from '@/analogy'
import AnalogyDialog from '@/components/AnalogyDialog.vue'
import ExtensionsDialog from '@/components/ExtensionsDialog.vue'
import { json, client, network, serveApi } from './recordedNetwork'
import { field, press, type } from './dialogDom'
import { TasksApi } from '@/api/tasks'

// The dialogs talk to tasks-service through the real client; only fetch is replaced, so what is
// asserted is the request as it would leave the browser (method, path, body). Answers are queued.
const net = network()
serveApi(() => ({ tasks: new TasksApi(client(net, '/api/tasks')) }))

const finding: ProblemView = {
  id: 'p1', version: 2, inspectionId: 'i1', areaId: 'a3', number: 3, title: '规范资金资产使用管理', description: null,
  source: 'PLAN', percentComplete: 70,
}
const rolledUp: ProblemExtensionsView = {
  problemId: 'p1', taskCount: 3, percentComplete: 60,
  extensions: [{ id: 'p9', areaId: 'a3', number: 7, title: '规范招商引资奖补资金使用管理', taskCount: 1, percentComplete: 40 }],
  units: [
    { responsibleUnit: '招商局', taskCount: 1, closedOut: 0, percentComplete: 40 },
    { responsibleUnit: '财政金融局', taskCount: 2, closedOut: 1, percentComplete: 70 },
  ],
}
const task = {
  responsibleUnit: ' 招商局 ', title: '排查奖补资金兑现情况', measures: '逐项核对兑现依据', leadOfficial: '管委会主任',
  responsiblePerson: '招商局局长', deadline: '2026-12-31',
}

const refused = (field: string, message: string) =>
  () => json(400, { status: 400, title: 'Bad Request', errors: [{ field, message }] }, 'application/problem+json')

let wrapper: VueWrapper | null = null

/** Fills unit 1's task; the date through the picker's model (as choosing a day does). */
async function fillTask(dialog: VueWrapper) {
  for (const key of ['responsibleUnit', 'title', 'measures', 'leadOfficial', 'responsiblePerson'] as const) type(`an-0-${key}`, task[key])
  dialog.findComponent(ElDatePicker).vm.$emit('update:modelValue', task.deadline)
  await nextTick()
}

function openStart(): VueWrapper {
  wrapper = mount(AnalogyDialog, { props: { open: false, finding }, global: { plugins: [ElementPlus] }, attachTo: document.body })
  return wrapper
}

describe('the 举一反三 form', () => {
  it('proposes the finding\'s title and one unit; asks for every task field', () => {
    const form = emptyAnalogy(finding)
    expect(form.title).toBe('规范资金资产使用管理')
    expect(form.tasks).toHaveLength(1)
    expect(analogyErrors(form)).toEqual({
      'tasks[0].responsibleUnit': '不能为空', 'tasks[0].title': '不能为空', 'tasks[0].measures': '不能为空',
      'tasks[0].leadOfficial': '不能为空', 'tasks[0].responsiblePerson': '不能为空', 'tasks[0].deadline': '必填',
    })
    expect(analogyErrors({ title: '  ', tasks: [task] })).toEqual({ title: '不能为空' })
  })

  it('sends a task trimmed, time-bound, reported monthly; a row\'s server errors stay on that row', () => {
    expect(taskInput(task)).toEqual({
      title: '排查奖补资金兑现情况', measures: '逐项核对兑现依据', leadOfficial: '管委会主任', responsiblePerson: '招商局局长',
      responsibleUnit: '招商局', deadline: '2026-12-31', kind: 'TIME_BOUND', reportingCadence: 'MONTHLY',
    })
    expect(rowErrors({ 'create.input.deadline': '必填', deadline: '必填', other: 'x' }, 2)).toEqual({ 'tasks[2].deadline': '必填' })
  })
})

describe('AnalogyDialog', () => {
  it('registers the ANALOGY problem in the finding\'s area, then the unit\'s task under it', async () => {
    const dialog = openStart()
    await dialog.setProps({ open: true })
    await flushPromises()
    expect(field('an-title').value).toBe('规范资金资产使用管理')
    await fillTask(dialog)
    net.answers.push(() => json(201, { ...finding, id: 'p9', number: 7, source: 'ANALOGY' }), () => json(201, { id: 't9' }))
    await press('发起')
    expect(net.sent.map((r) => `${r.init.method} ${r.url}`)).toEqual(['POST /api/tasks/areas/a3/problems', 'POST /api/tasks/problems/p9/tasks'])
    expect(JSON.parse(String(net.sent[0]!.init.body))).toEqual({ title: '规范资金资产使用管理', source: 'ANALOGY', extendsProblemId: 'p1' })
    expect(JSON.parse(String(net.sent[1]!.init.body))).toMatchObject({ responsibleUnit: '招商局', deadline: '2026-12-31', kind: 'TIME_BOUND' })
    expect(dialog.emitted('started')).toEqual([['p9']])
  })

  it('sends nothing while a field is empty, and says which', async () => {
    const dialog = openStart()
    await dialog.setProps({ open: true })
    await flushPromises()
    await press('发起')
    expect(net.sent).toHaveLength(0)
    expect(field('an-0-measures').closest('.el-form-item')?.textContent).toContain('不能为空')
    expect(dialog.emitted('started')).toBeUndefined()
  })

  it('shows a 400 on the field it names, and a retry goes on with the task (the problem is not registered twice)', async () => {
    const dialog = openStart()
    await dialog.setProps({ open: true })
    await flushPromises()
    await fillTask(dialog)
    net.answers.push(() => json(201, { ...finding, id: 'p9', source: 'ANALOGY' }), refused('create.input.responsiblePerson', 'size must be between 0 and 100'))
    await press('发起')
    expect(field('an-0-responsiblePerson').closest('.el-form-item')?.textContent).toContain('长度应在 0 到 100 之间')
    expect(field('an-0-title').closest('.el-form-item')?.textContent).not.toContain('长度应在')
    expect(document.body.textContent).toMatch(/请修改“责任人”：见各字段下方的提示/) // by its label, not by colour
    expect(field('an-title').disabled).toBe(true)
    expect(dialog.emitted('started')).toBeUndefined()

    type('an-0-responsiblePerson', '局长')
    await nextTick()
    expect(document.body.textContent).not.toContain('见各字段下方的提示') // the only marked field was edited
    net.answers.push(() => json(201, { id: 't9' }))
    await press('发起')
    expect(net.sent.map((r) => r.url)).toEqual(['/api/tasks/areas/a3/problems', '/api/tasks/problems/p9/tasks', '/api/tasks/problems/p9/tasks'])
    expect(JSON.parse(String(net.sent[2]!.init.body)).responsiblePerson).toBe('局长')
    expect(dialog.emitted('started')).toEqual([['p9']])
  })

  it('shows the problem\'s refusal on the title and on 延伸自 (extendsProblemId)', async () => {
    const dialog = openStart()
    await dialog.setProps({ open: true })
    await flushPromises()
    await fillTask(dialog)
    net.answers.push(refused('extendsProblemId', 'must be a finding (source PLAN) of the same inspection'))
    await press('发起')
    const extended = [...document.querySelectorAll('.el-form-item')].find((item) => item.textContent?.includes('延伸自'))
    expect(extended?.textContent).toContain('填写的内容不符合要求，请检查')
    expect(net.sent).toHaveLength(1)
    expect(field('an-title').disabled).toBe(false)
  })
})

describe('ExtensionsDialog', () => {
  it('reads the roll-up only when opened, and shows the extensions, each unit and the total', async () => {
    wrapper = mount(ExtensionsDialog, { props: { open: false, finding, mayStart: false }, global: { plugins: [ElementPlus] }, attachTo: document.body })
    await flushPromises()
    expect(net.sent).toHaveLength(0)
    net.answers.push(() => json(200, rolledUp))
    await wrapper.setProps({ open: true })
    await flushPromises()
    expect(net.sent.map((r) => `${r.init.method ?? 'GET'} ${r.url}`)).toEqual(['GET /api/tasks/problems/p1/extensions'])
    const text = document.body.textContent ?? ''
    expect(text).toContain('合计 3 项任务，总体完成进度 60%')
    expect(text).toContain('7. 规范招商引资奖补资金使用管理')
    const rows = [...document.querySelectorAll('.el-table__body tbody tr')].map((row) => row.textContent)
    expect(rows).toHaveLength(2)
    expect(rows[0]).toContain('招商局')
    expect(rows[0]).toContain('40%')
    expect(rows[1]).toContain('财政金融局')
    expect(rows[1]).toContain('70%')
    const cells = [...document.querySelectorAll('.el-table__body tbody tr')].map((row) =>
      [...row.querySelectorAll('td')].map((cell) => cell.textContent?.trim()))
    expect(cells.map((row) => row.slice(0, 3))).toEqual([['招商局', '1', '0'], ['财政金融局', '2', '1']])
    expect(text).not.toContain('发起举一反三')
  })

  it('offers 发起举一反三 to the office only', async () => {
    net.answers.push(() => json(200, { ...rolledUp, extensions: [], units: [], taskCount: 0, percentComplete: 0 }))
    wrapper = mount(ExtensionsDialog, { props: { open: true, finding, mayStart: true }, global: { plugins: [ElementPlus] }, attachTo: document.body })
    await flushPromises()
    expect(document.body.textContent).toContain('尚未举一反三')
    expect([...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === '发起举一反三')).toBe(true)
  })
  it('reads the roll-up again once an extension is started, and tells the plan tree which area grew', async () => {
    net.answers.push(() => json(200, { ...rolledUp, extensions: [], units: [], taskCount: 0, percentComplete: 0 }))
    wrapper = mount(ExtensionsDialog, { props: { open: true, finding, mayStart: true }, global: { plugins: [ElementPlus] }, attachTo: document.body })
    await flushPromises()
    net.answers.push(() => json(200, rolledUp))
    wrapper.findComponent(AnalogyDialog).vm.$emit('started', 'p9')
    await flushPromises()
    expect(net.sent.map((r) => r.url)).toEqual(['/api/tasks/problems/p1/extensions', '/api/tasks/problems/p1/extensions'])
    expect(document.body.textContent).toContain('7. 规范招商引资奖补资金使用管理')
    expect(wrapper.emitted('extended')).toEqual([['a3']])
  })
})
