import { describe, expect, it } from 'vitest'
import todoKinds from '../../reporting-service/src/main/java/io/rectification/reporting/todo/TodoKind.java?raw'
import { dueText, routeOf, TODO_KIND_LABELS, todoTitle } from '@/api/todos'

describe('待办', () => {
  it('says how a due date stands', () => {
    expect(dueText({ dueDate: '2025-03-08', daysLeft: -2 })).toBe('已逾期2天')
    expect(dueText({ dueDate: '2025-03-10', daysLeft: 0 })).toBe('今日到期')
    expect(dueText({ dueDate: '2025-03-14', daysLeft: 4 })).toBe('还有4天')
    expect(dueText({ dueDate: null, daysLeft: 0 })).toBe('')
  })

  it('links into the console by its router path', () => {
    expect(routeOf({ link: '/console/tasks/abc' })).toBe('/tasks/abc')
    expect(routeOf({ link: '/console/feedback/f1' })).toBe('/feedback/f1')
    expect(routeOf({ link: null })).toBeNull()
    // a problem without measures (制定整改措施) leads to its inspection's plan, where the office adds its tasks
    expect(routeOf({ link: '/console/inspections/i1/plan' })).toBe('/inspections/i1/plan')
  })

  it('names a problem without measures by its title, as it has no task yet', () => {
    expect(todoTitle({ taskNumber: null, taskLabel: null, taskSource: null, title: '园区道路积水治理不及时' })).toBe('园区道路积水治理不及时')
    expect(dueText({ dueDate: null, daysLeft: 0 })).toBe('')
  })

  // tasks-service numbers a 群众反映 problem in its area's one sequence: （三）5. is no finding of the notice
  it('names a task of a problem that is no finding with its source first, as the mails and the lists do', () => {
    expect(todoTitle({ taskNumber: 1, taskLabel: '（三）5.一是', taskSource: 'FEEDBACK', title: '整治园区道路积水' }))
      .toBe('群众反映任务（三）5.一是：整治园区道路积水')
    expect(todoTitle({ taskNumber: 2, taskLabel: '（一）4.二是', taskSource: 'LOOK_BACK', title: '规范公务用车管理' }))
      .toBe('回头看任务（一）4.二是：规范公务用车管理')
    expect(todoTitle({ taskNumber: 1, taskLabel: null, taskSource: 'ANALOGY', title: '深挖同类问题' })).toBe('举一反三任务1：深挖同类问题')
    // a finding's, or one whose problem reporting has not read yet, as before
    expect(todoTitle({ taskNumber: 1, taskLabel: '（三）4.一是', taskSource: 'PLAN', title: '精简会议文件' })).toBe('任务（三）4.一是：精简会议文件')
    expect(todoTitle({ taskNumber: 1, taskLabel: '（三）4.一是', taskSource: null, title: '精简会议文件' })).toBe('任务（三）4.一是：精简会议文件')
  })

  // the kinds reporting-service answers, each with its label, in the order it declares them
  it('knows every kind of 待办 reporting-service answers, with its label', () => {
    const declared = [...todoKinds.matchAll(/^ {4}([A-Z_]+)\("([^"]+)"\)[,;]/gm)].map((m) => [m[1], m[2]])
    expect(declared.length).toBeGreaterThan(10)
    expect(Object.entries(TODO_KIND_LABELS)).toEqual(declared)
    expect(TODO_KIND_LABELS.CLAIM_REJECTED).toBe('销号申请被驳回')
  })
})
