import { describe, expect, it } from 'vitest'
import { dueText, routeOf, todoTitle } from '@/api/todos'

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
    expect(todoTitle({ taskNumber: null, taskLabel: null, title: '园区道路积水治理不及时' })).toBe('园区道路积水治理不及时')
    expect(dueText({ dueDate: null, daysLeft: 0 })).toBe('')
  })
})
