import { describe, expect, it } from 'vitest'
import { todoTitle } from '@/api/todos'
import { chineseNumeral, inPlanOrder, labelOf, planLabel, planNumberPieces, taskHeading, taskName, taskNamed, taskOrdinal } from '@/taskNames'

// The cases of platform-support's ChineseNumeralsTest and PlanNumberingTest: the console names a task
// as the services' notices and lists do, or a clerk cannot match the screen with a mail.
describe('chineseNumeral', () => {
  it('writes 1 to 99 as a notice does', () => {
    expect([1, 9, 10, 11, 12, 20, 21, 99].map(chineseNumeral)).toEqual(['一', '九', '十', '十一', '十二', '二十', '二十一', '九十九'])
  })

  it('leaves in digits what a notice never writes in words', () => {
    expect([0, -3, 100].map(chineseNumeral)).toEqual(['0', '-3', '100'])
  })
})

describe('a task\'s name', () => {
  it('numbers its own place as a measure: 一是, 十是, 十一是, 二十是, 二十一是', () => {
    expect([1, 10, 11, 20, 21].map(taskOrdinal)).toEqual(['一是', '十是', '十一是', '二十是', '二十一是'])
  })

  it('is its area, problem and own number, with the full-width brackets of the notices\' text', () => {
    expect(planLabel(1, 3, 2)).toBe('（一）3.二是')
    expect(planLabel(5, 16, 12)).toBe('（五）16.十二是')
    expect(labelOf({ areaNumber: 11, problemNumber: 2, number: 21 })).toBe('（十一）2.二十一是')
  })

  it('reads as the mails read: 任务（一）3.二是, with its title after a colon, or after the label in a list', () => {
    expect(taskName('（一）3.二是')).toBe('任务（一）3.二是')
    expect(taskHeading('（一）3.二是', '健全制度')).toBe('任务（一）3.二是：健全制度')
    expect(taskNamed('（一）3.二是', '健全制度')).toBe('（一）3.二是 健全制度')
  })

  it('names a 待办\'s task the same way, by its own number while reporting knows no area or problem for it', () => {
    expect(todoTitle({ taskNumber: 2, taskLabel: '（一）3.二是', taskSource: 'PLAN', title: '健全制度' })).toBe('任务（一）3.二是：健全制度')
    expect(todoTitle({ taskNumber: 2, taskLabel: null, taskSource: null, title: '健全制度' })).toBe('任务2：健全制度')
    expect(todoTitle({ taskNumber: null, taskLabel: null, taskSource: null, title: '答复意见' })).toBe('答复意见')
  })

  it('orders tasks as the plan does, not by their own numbers alone', () => {
    const tasks = [
      { areaNumber: 2, problemNumber: 1, number: 1 },
      { areaNumber: 1, problemNumber: 10, number: 1 },
      { areaNumber: 1, problemNumber: 2, number: 3 },
      { areaNumber: 1, problemNumber: 2, number: 1 },
    ]
    expect([...tasks].sort(inPlanOrder).map(labelOf)).toEqual(['（一）2.一是', '（一）2.三是', '（一）10.一是', '（二）1.一是'])
  })
})

describe('a plan number\'s pieces (the lists\' 编号)', () => {
  it('are its source word, its area and the rest, whichever it has', () => {
    expect(planNumberPieces('（五）20.二十是')).toEqual(['（五）', '20.二十是'])
    expect(planNumberPieces('（十二）20.三是')).toEqual(['（十二）', '20.三是'])
    expect(planNumberPieces('举一反三（三）4.')).toEqual(['举一反三', '（三）', '4.'])
    expect(planNumberPieces('（一）1')).toEqual(['（一）', '1'])
    expect(planNumberPieces('3')).toEqual(['3'])
    expect(planNumberPieces('')).toEqual([])
  })
})
