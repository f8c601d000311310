import { describe, expect, it } from 'vitest'
import { taskChanges } from '@/planEdit'
import type { TaskSnapshot } from '@/api/types'

const task = { title: '建立台账', responsibleUnit: '党政办公室', responsiblePerson: null, leadOfficial: '王副局长' } as unknown as TaskSnapshot

describe('inline editing of a task in the plan tree', () => {
  it('sends only what the person changed, trimmed', () => {
    expect(taskChanges(task, { title: ' 建立问题台账 ', responsibleUnit: '党政办公室', responsiblePerson: '', leadOfficial: '王副局长' }))
      .toEqual({ title: '建立问题台账' })
  })

  it('names a person never named before, and sends nothing when nothing changed', () => {
    expect(taskChanges(task, { title: '建立台账', responsibleUnit: '党政办公室', responsiblePerson: '李明', leadOfficial: '王副局长' }))
      .toEqual({ responsiblePerson: '李明' })
    expect(taskChanges(task, { title: '建立台账', responsibleUnit: '党政办公室', responsiblePerson: '', leadOfficial: '王副局长' })).toEqual({})
  })

  it('sends a field emptied on purpose, for the service to refuse by name', () => {
    expect(taskChanges(task, { title: '建立台账', responsibleUnit: ' ', responsiblePerson: '', leadOfficial: '王副局长' }))
      .toEqual({ responsibleUnit: '' })
  })
})
