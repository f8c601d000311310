import { describe, expect, it } from 'vitest'
import { ApiError, FIELDS_MARKED } from '@/api/problem'
import { useSubmission } from '@/composables/useSubmission'

// A form's submission: a refusal naming fields marks them and says so above the form; editing the
// marked fields clears each mark, and the line above goes with the last one.
describe('useSubmission', () => {
  const refusal = new ApiError({ status: 400, errors: [
    { field: 'title', message: 'must not be blank' }, { field: 'deadline', message: 'must not be null' },
  ] })

  it('keeps the line above the form until the last marked field is edited', async () => {
    const form = useSubmission()
    expect(await form.run(async () => { throw refusal })).toBe(false)
    expect(Object.keys(form.fieldErrors.value).sort()).toEqual(['deadline', 'title'])
    expect(form.message.value).toBe(FIELDS_MARKED)
    form.edited('title')
    expect(form.message.value).toBe(FIELDS_MARKED)
    form.edited('measures') // not marked: changes nothing
    expect(Object.keys(form.fieldErrors.value)).toEqual(['deadline'])
    form.edited('deadline')
    expect(form.fieldErrors.value).toEqual({})
    expect(form.message.value).toBe('')
  })

  it('leaves any other sentence until the next submission', async () => {
    const form = useSubmission()
    await form.run(async () => { throw new ApiError({ status: 409, detail: 'task is closed out' }) })
    const said = form.message.value
    expect(said).toMatch(/^操作与当前状态冲突/)
    form.edited('title')
    expect(form.message.value).toBe(said)
  })

  it('says the field messages themselves where the step has no fields to mark (the task page\'s buttons)', async () => {
    const step = useSubmission({ marksFields: false })
    await step.run(async () => { throw new ApiError({ status: 400, errors: [{ field: 'Content-Type', message: "the file's content is not application/pdf" }] }) })
    expect(step.message.value).toBe('文件内容与所选的文件类型不符')
  })
})
