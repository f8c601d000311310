import { nextTick, ref, shallowRef } from 'vue'
import { ElMessage } from 'element-plus'
import { FIELDS_MARKED, describe, failureOf } from '@/api/problem'
import { SubmissionKey } from '@/api/submissionKey'
import { focusAfterAcceptance, focusAfterRefusal, focusedNow } from '@/submissionFocus'

/**
 * One form's submission: busy while it runs; afterwards the field errors to show next to the
 * fields, whether the record changed meanwhile (412), and a sentence. The form's values are never
 * touched here, so nothing typed is lost. A step with no fields to mark (a page's buttons:
 * `marksFields: false`) says the field messages themselves instead of pointing at marked fields.
 * Afterwards the focus, which the busy button dropped, goes to the first field in error or back to
 * the button pressed (submissionFocus.ts), for every form at once. A form that creates sends `key`
 * with its create: a retry after a lost answer is then not made twice (api/submissionKey.ts).
 */
export function useSubmission(options: { marksFields?: boolean } = {}) {
  const marksFields = options.marksFields ?? true
  const busy = ref(false)
  const fieldErrors = ref<Record<string, string>>({})
  const conflict = ref(false)
  const message = ref('')
  /** The last failure itself, for a screen that shows more of it (an import's rows and columns). */
  const error = shallowRef<unknown>(null)
  /** This form's creates' Idempotency-Key, renewed by the client once the service has answered one. */
  const key = new SubmissionKey()

  async function run(action: () => Promise<unknown>): Promise<boolean> {
    const origin = focusedNow()
    const done = await attempt(action)
    await nextTick() // the errors, or the form's new state, drawn
    if (done) focusAfterAcceptance(origin)
    else focusAfterRefusal(origin)
    return done
  }

  async function attempt(action: () => Promise<unknown>): Promise<boolean> {
    busy.value = true
    fieldErrors.value = {}
    conflict.value = false
    message.value = ''
    error.value = null
    try {
      await action()
      return true
    } catch (caught) {
      error.value = caught
      const failure = failureOf(caught)
      fieldErrors.value = failure.fields
      conflict.value = failure.conflict
      message.value = marksFields ? failure.message : describe(caught)
      return false
    } finally {
      busy.value = false
    }
  }

  /**
   * The form's own check before sending (a required field left empty): `problems` are shown as the service's
   * refusal of them would be, in its words — under the fields, the line above naming them, the focus on the
   * first — and nothing is sent. False when there are none: the form goes on to send.
   */
  async function refuseUnsent(problems: Record<string, string>): Promise<boolean> {
    if (Object.keys(problems).length === 0) return false
    const origin = focusedNow()
    fieldErrors.value = problems
    conflict.value = false
    error.value = null
    message.value = marksFields ? FIELDS_MARKED : Object.values(problems).join('；')
    await nextTick()
    focusAfterRefusal(origin)
    return true
  }

  /**
   * The person changed a field: its old error no longer applies; with the last marked field changed,
   * the line pointing at the marked fields goes too.
   */
  function edited(field: string) {
    if (fieldErrors.value[field] === undefined) return
    const { [field]: _gone, ...rest } = fieldErrors.value
    fieldErrors.value = rest
    if (Object.keys(rest).length === 0 && message.value === FIELDS_MARKED) message.value = ''
  }

  return { busy, fieldErrors, conflict, message, error, key, run, refuseUnsent, edited }
}

/**
 * A form that saves: `check` first, what the form itself can tell is missing (nothing sent then); on
 * success it says so, clears what should not be sent twice and tells the page (which reloads the
 * record); on failure the submission's state shows what went wrong.
 */
export function useSavingForm(save: (key: SubmissionKey) => Promise<unknown>,
  after: { said: string; reset: () => void; saved: () => void; check?: () => Record<string, string> }) {
  const submission = useSubmission()
  async function submit(): Promise<void> {
    if (await submission.refuseUnsent(after.check?.() ?? {})) return
    if (await submission.run(() => save(submission.key))) {
      ElMessage.success(after.said)
      after.reset()
      after.saved()
    }
  }
  return { ...submission, submit }
}
