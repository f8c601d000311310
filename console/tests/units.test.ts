import { describe, expect, it } from 'vitest'
import type { ResponsibilityList } from '@/api/types'
import { newUnitNote, unitsOf } from '@/units'

const list = {
  inspectionId: 'i1',
  byLeadOfficial: [],
  byResponsibleUnit: [
    { name: '党政办公室', taskCount: 3, tasks: [] },
    { name: '财政金融局', taskCount: 1, tasks: [] },
    { name: '党政办公室 ', taskCount: 1, tasks: [] },
  ],
} as ResponsibilityList

describe('责任单位, chosen from the inspection\'s units', () => {
  it('offers the units the 责任清单 groups tasks by, each once', () => {
    expect(unitsOf(list)).toEqual(['党政办公室', '财政金融局'])
  })

  it('says when a unit is new, and which known one it resembles (a typo hid the task from its unit)', () => {
    const units = unitsOf(list)
    expect(newUnitNote('党政办公室', units)).toBe('')
    expect(newUnitNote('', units)).toBe('')
    expect(newUnitNote('党政办', units))
      .toBe('新的责任单位：党政办。该单位的人员需在身份系统中归属此单位后才能看到任务；是否是已有的“党政办公室”？')
    expect(newUnitNote(' 信访局 ', units)).toBe('新的责任单位：信访局。该单位的人员需在身份系统中归属此单位后才能看到任务')
  })
})
