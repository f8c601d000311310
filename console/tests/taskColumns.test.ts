// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import type { TaskRow } from '@/api/types'
import TaskRowTable from '@/components/TaskRowTable.vue'
import { responsibilityColumns, TASK_LIST_COLUMNS, type TaskColumn } from '@/taskColumns'

const row: TaskRow = {
  taskId: 't7', label: '（一）1.2', areaNumber: 1, areaTitle: '方面', problemNumber: 1, problemTitle: '问题', taskNumber: 2,
  title: '修订制度', measures: null, kind: 'TIME_BOUND', deadline: '2025-06-30', state: 'IN_PROGRESS', percentComplete: 40,
  leadOfficial: null, responsiblePerson: '李四', responsibleUnit: '办公室',
}

/** heading and width as the table is given them (a number: fixed; min: takes what is left) */
const shape = (columns: readonly TaskColumn[]) => columns.map((c) => [c.label, c.width ?? `min ${c.minWidth}`])
const cells = (columns: readonly TaskColumn[]) => columns.map((c) => (c.prop ? row[c.prop] : c.link ? 'link' : c.text!(row)))

describe('the task and responsibility lists\' columns (三个清单, fitting at 820 px)', () => {
  it('task list: number, task, unit, lead official, deadline, state, progress', () => {
    expect(shape(TASK_LIST_COLUMNS)).toEqual([
      ['编号', 80], ['整改任务', 'min 130'], ['责任单位', 'min 80'], ['牵头领导', 'min 80'], ['完成时限', 112], ['状态', 66], ['进度', 58],
    ])
    expect(cells(TASK_LIST_COLUMNS)).toEqual(['（一）1.2', 'link', '办公室', null, '2025年6月30日', '整改中', '40%'])
    expect(TASK_LIST_COLUMNS.at(-1)!.align).toBe('right')
  })

  it('responsibility list: beside the task, whichever of unit and lead official it is not grouped by (none: —)', () => {
    expect(shape(responsibilityColumns('byLeadOfficial'))).toEqual([
      ['编号', 80], ['整改任务', 'min 130'], ['责任单位', 'min 80'], ['具体责任人', 'min 96'], ['完成时限', 112], ['状态', 66],
    ])
    expect(cells(responsibilityColumns('byLeadOfficial'))[2]).toBe('办公室')
    const byUnit = responsibilityColumns('byResponsibleUnit')
    expect(byUnit[2]!.label).toBe('牵头领导')
    expect(cells(byUnit)[2]).toBe('—')
    // one column whose heading changes, not another column
    expect(byUnit[2]!.key).toBe(responsibilityColumns('byLeadOfficial')[2]!.key)
  })
})

describe('TaskRowTable', () => {
  let wrapper: VueWrapper | null = null
  afterEach(() => { wrapper?.unmount(); wrapper = null; document.body.innerHTML = '' })

  it('heads the columns in their order and links each task', async () => {
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { render: () => null } }] })
    wrapper = mount(TaskRowTable, {
      props: { rows: [row], columns: TASK_LIST_COLUMNS },
      attrs: { 'aria-label': '任务清单' },
      global: { plugins: [ElementPlus, router] },
      attachTo: document.body,
    })
    await flushPromises()
    expect(wrapper.attributes('aria-label')).toBe('任务清单')
    expect(wrapper.findAll('th').map((th) => th.text())).toEqual(['编号', '整改任务', '责任单位', '牵头领导', '完成时限', '状态', '进度'])
    expect(wrapper.findAll('tbody td').map((td) => td.text())).toEqual(['（一）1.2', '修订制度', '办公室', '', '2025年6月30日', '整改中', '40%'])
    expect(wrapper.find('tbody a.task-link').attributes('href')).toBe('/tasks/t7')
  })
})
