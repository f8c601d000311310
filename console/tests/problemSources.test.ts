import { describe, expect, it } from 'vitest'
import { countBySource, isFinding, problemKey, sourcedLabel, sourcesByProblem, sourceWord } from '@/problemSources'

// A problem that is not the inspection's finding is numbered in its area's sequence by tasks-service
// (a 群众反映 problem in area (三) is （三）5.): every staff screen says its source with the number
// (review finding 2: 「任务（三）5.一是」 read as a finding the notice does not have).
describe('problem sources', () => {
  it('takes PLAN and no source for the inspection\'s findings', () => {
    expect(isFinding('PLAN')).toBe(true)
    expect(isFinding(null)).toBe(true)
    expect(isFinding(undefined)).toBe(true)
    expect(isFinding('FEEDBACK')).toBe(false)
  })

  it('puts the source before the number of a problem or task not of the findings', () => {
    expect(sourcedLabel('（三）5.一是', 'FEEDBACK')).toBe('群众反映（三）5.一是')
    expect(sourcedLabel('（三）4.', 'ANALOGY')).toBe('举一反三（三）4.')
    expect(sourcedLabel('（三）1.', 'PLAN')).toBe('（三）1.')
    expect(sourcedLabel('（三）1.', undefined)).toBe('（三）1.')
    expect(sourceWord('SOMETHING_NEW')).toBe('SOMETHING_NEW')
  })

  it('finds a task\'s problem source by the problem\'s numbers', () => {
    const sources = sourcesByProblem([{ areaNumber: 3, problemNumber: 5, source: 'FEEDBACK' }, { areaNumber: 3, problemNumber: 1, source: 'PLAN' }])
    expect(sources.get(problemKey(3, 5))).toBe('FEEDBACK')
    expect(sources.get(problemKey(3, 1))).toBe('PLAN')
    expect(sources.get(problemKey(1, 5))).toBeUndefined()
  })

  it('counts by source, the findings first, and says nothing when all are findings', () => {
    expect(countBySource(['FEEDBACK', 'PLAN', 'ANALOGY', null, 'FEEDBACK'])).toBe('巡视反馈 2 项，举一反三 1 项，群众反映 2 项')
    expect(countBySource(['PLAN', undefined])).toBe('')
    expect(countBySource([])).toBe('')
  })
})
