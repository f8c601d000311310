// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { effectScope, nextTick, reactive } from 'vue'
import { ApiError, ConcurrentChangeError } from '@/api/problem'
import { useCorrectableRecord } from '@/composables/useCorrectableRecord'

// The part FundsDialog and OutcomeDialog share, without a dialog: a record of one field of its own
// (count, checked before sending) besides the source fields, which the composable reads and sends.
interface Entry { id: string; version: number; count: number; problemId: string | null; source: string }
const entry: Entry = { id: 'e1', version: 3, count: 2, problemId: 'p1', source: '台账' }

let scope = effectScope()
afterEach(() => {
  scope.stop()
  scope = effectScope()
})

function setUp(record: Entry | null, answers: { read?: Entry; fail?: unknown } = {}) {
  const props = reactive({ open: true, record: record as Entry | null })
  const sent: unknown[][] = []
  let saved = 0
  const state = scope.run(() => useCorrectableRecord(props, {
    fields: (r: Entry | null) => ({ count: r === null ? '' : String(r.count) }),
    check: (form): Record<string, string> => (/^\d+$/.test(form.count) ? {} : { count: '请填写数量' }),
    input: (form) => ({ count: Number(form.count) }),
    read: async (id) => ({ body: { ...answers.read!, id } }),
    create: async (input) => { sent.push(['create', input]); if (answers.fail) throw answers.fail },
    correct: async (base, input, reason) => { sent.push(['correct', base.id, base.version, input, reason]); if (answers.fail) throw answers.fail },
    saved: () => { saved += 1 },
  }))!
  return { props, state, sent, saved: () => saved }
}

describe('useCorrectableRecord', () => {
  it('opens on the record to correct, or on a blank form; reopening starts again from the record', async () => {
    const blank = setUp(null)
    expect(blank.state.base).toBeNull()
    expect(blank.state.form).toEqual({ count: '', problemId: null, source: '', reason: '' })

    const { props, state } = setUp(entry)
    expect(state.base).toEqual(entry)
    expect(state.form).toEqual({ count: '2', problemId: 'p1', source: '台账', reason: '' })
    state.form.count = '7'
    state.form.reason = '错了'
    await state.submit()
    state.form.count = 'x'
    await state.submit()
    expect(state.checked).toEqual({ count: '请填写数量' })
    props.open = false
    await nextTick()
    props.record = { ...entry, count: 5 }
    props.open = true
    await nextTick()
    expect(state.form).toEqual({ count: '5', problemId: 'p1', source: '台账', reason: '' })
    expect(state.checked).toEqual({})
  })

  it('sends nothing while a check fails: the own checks and the reason of a correction, each cleared as its field is edited', async () => {
    const { state, sent, saved } = setUp(entry)
    state.form.count = '2.5'
    await state.submit()
    expect(sent).toEqual([])
    expect(state.checked).toEqual({ count: '请填写数量', reason: '请说明更正原因' })
    state.edited('reason')
    expect(state.checked).toEqual({ count: '请填写数量' })
    state.edited('count')
    expect(state.checked).toEqual({})
    expect(saved()).toBe(0)
  })

  it('records a new one without a reason', async () => {
    const { state, sent, saved } = setUp(null)
    state.form.count = '4'
    state.form.problemId = '' // a cleared choice: the inspection as a whole
    state.form.source = '通报'
    await state.submit()
    expect(sent).toEqual([['create', { count: 4, problemId: null, source: '通报' }]])
    expect(saved()).toBe(1)
  })

  it('shows the field the service names until that field is edited', async () => {
    const invalid = new ApiError({ status: 400, title: 'Bad Request', errors: [{ field: 'source', message: 'must not be blank' }] })
    const { state, saved } = setUp(null, { fail: invalid })
    state.form.count = '4'
    await state.submit()
    expect(Object.keys(state.fieldErrors)).toEqual(['source'])
    expect(saved()).toBe(0)
    state.edited('count')
    expect(Object.keys(state.fieldErrors)).toEqual(['source'])
    state.edited('source')
    expect(state.fieldErrors).toEqual({})
  })

  it('corrects against the version last read; after a 412 a reload replaces the base, never what was typed', async () => {
    const conflict = new ConcurrentChangeError({ status: 412, title: 'Precondition failed' })
    const { state, sent, saved } = setUp(entry, { read: { ...entry, version: 4, count: 9, source: '新台账' }, fail: conflict })
    state.form.count = '3'
    state.form.reason = '以台账为准'
    await state.submit()
    expect(sent).toEqual([['correct', 'e1', 3, { count: 3, problemId: 'p1', source: '台账' }, '以台账为准']])
    expect(state.conflict).toBe(true)
    expect(saved()).toBe(0)

    await state.reload()
    expect(state.base).toMatchObject({ version: 4, count: 9, source: '新台账' })
    expect(state.form).toEqual({ count: '3', problemId: 'p1', source: '台账', reason: '以台账为准' })
    expect(state.conflict).toBe(false)
  })
})
