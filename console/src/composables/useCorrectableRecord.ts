import { reactive, ref, shallowRef, watch } from 'vue'
import { ElMessage } from 'element-plus'
import { correctionReasonError } from '@/governance'
import type { SubmissionKey } from '@/api/submissionKey'
import { useSubmission } from './useSubmission'

/** The fields every accountability record states besides its own: the problem it concerns and its document. */
export interface RecordSource {
  problemId: string | null
  source: string
}

/** What a correction needs of a record: which one it is, and the version it is based on (If-Match). */
export interface CorrectableRecord extends RecordSource {
  id: string
  version: number
}

/** What the dialog's template and CorrectableRecordDialog show and call; refs are read as plain values. */
export interface CorrectableRecordForm<R extends CorrectableRecord, F extends object> {
  /** the record as last read (null: a new one is recorded); its version is the If-Match */
  readonly base: R | null
  /** what is typed (the dialog's own fields, the source fields, the reason); a reload never touches it */
  readonly form: F & RecordSource & { reason: string }
  /** the dialog's own checks before sending (by field; reason: the correction's reason), cleared as the field is edited */
  readonly checked: Record<string, string>
  readonly busy: boolean
  readonly fieldErrors: Record<string, string>
  readonly conflict: boolean
  readonly message: string
  edited(field: string): void
  reload(): Promise<void>
  submit(): Promise<void>
}

/**
 * Recording an accountability record or correcting one, as FundsDialog and OutcomeDialog both do:
 * opening starts the form from the record to correct (base) or from a blank one; after a 412 a
 * reload replaces the base, never what was typed; a correction needs a reason
 * (governance.correctionReasonError) and is sent against the base's version. The source fields
 * (problem, document) are read and sent here too; the dialog brings only what is its own: its
 * fields, their checks, the input they make and the calls.
 */
export function useCorrectableRecord<R extends CorrectableRecord, F extends object, I extends object>(
  props: { readonly open: boolean; readonly record: R | null },
  own: {
    /** the dialog's own fields' values for the record to correct, or for a new one (null) */
    fields: (record: R | null) => F
    /** messages by field for what the dialog checks itself before sending anything ({}: nothing) */
    check?: (form: F) => Record<string, string>
    /** the dialog's own part of the input to send, from what is typed */
    input: (form: F) => I
    /** the record as it is now */
    read: (id: string) => Promise<{ body: R }>
    /** a new record, sent with the form's key (a retry after a lost answer records it once) */
    create: (input: I & RecordSource, key: SubmissionKey) => Promise<unknown>
    correct: (base: R, input: I & RecordSource, reason: string) => Promise<unknown>
    saved: () => void
  },
): CorrectableRecordForm<R, F> {
  const { busy, fieldErrors, conflict, message, key, run, edited: editedField } = useSubmission()
  const base = shallowRef<R | null>(null)
  const checked = ref<Record<string, string>>({})
  const sourceOf = (r: R | null): RecordSource => ({ problemId: r?.problemId ?? null, source: r?.source ?? '' })
  const form = reactive({ ...own.fields(null), ...sourceOf(null), reason: '' }) as F & RecordSource & { reason: string }

  // Opening the dialog starts from the record to correct, or from a blank form.
  watch(() => props.open, (open) => {
    if (!open) return
    base.value = props.record
    checked.value = {}
    Object.assign(form, own.fields(props.record), sourceOf(props.record), { reason: '' })
  }, { immediate: true })

  /** The person changed a field: neither its own check's message nor the service's applies any more. */
  function edited(field: string) {
    if (checked.value[field] !== undefined) {
      const { [field]: _gone, ...rest } = checked.value
      checked.value = rest
    }
    editedField(field)
  }

  async function reload() {
    const current = base.value
    if (current === null) return
    await run(async () => { base.value = (await own.read(current.id)).body })
  }

  async function submit() {
    const current = base.value
    const found = { ...own.check?.(form) }
    const reason = correctionReasonError(current !== null, form.reason)
    if (reason !== '') found.reason = reason
    checked.value = found
    if (Object.keys(found).length > 0) return
    // A problem not chosen is sent as none (null): the record is about the inspection as a whole.
    const input = { ...own.input(form), problemId: form.problemId || null, source: form.source }
    const ok = await run(() => (current === null ? own.create(input, key) : own.correct(current, input, form.reason)))
    if (ok) {
      ElMessage.success(current === null ? '已记录' : '已更正')
      own.saved()
    }
  }

  return reactive({ base, form, checked, busy, fieldErrors, conflict, message, edited, reload, submit }) as CorrectableRecordForm<R, F>
}
