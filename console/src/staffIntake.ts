// A feedback received by phone, letter or e-mail, as staff register it (POST /feedback, feedback-service's
// StaffFeedbackInput): the checks the service makes, made before sending so each message stands next to
// its field, and the body as the service takes it.
import type { PublicationView, StaffFeedbackInput, StaffChannel } from '@/api/feedback'
import { todayInShanghai, ZONE } from '@/format'

/** The channels staff register (web and API submissions register themselves). */
export const STAFF_CHANNELS: readonly StaffChannel[] = ['PHONE', 'POST', 'EMAIL']

export interface IntakeForm {
  publicationId: string
  channel: StaffChannel
  /** yyyy-MM-dd */
  receivedOn: string
  /** HH:mm, or '' when unknown (a letter's) */
  receivedTime: string
  receiptNumber: string
  text: string
  name: string
  phone: string
  email: string
  address: string
}

export function emptyIntake(now: Date, publicationId = ''): IntakeForm {
  return {
    publicationId, channel: 'PHONE', receivedOn: todayInShanghai(now), receivedTime: '', receiptNumber: '', text: '',
    name: '', phone: '', email: '', address: '',
  }
}

/** The publication a new registration starts on: the inbox's, or the only open one; '' when that is not known. */
export function presetPublication(publications: readonly Pick<PublicationView, 'id' | 'open'>[], publicationId?: string): string {
  const openOnes = publications.filter((p) => p.open)
  return publicationId ?? (openOnes.length === 1 ? openOnes[0]!.id : '')
}

// The service's limits (FeedbackIntakeService.MAX_TEXT, TextChecks): counted in characters as it counts them.
export const LIMITS = { text: 4000, receiptNumber: 60, name: 50, phone: 30, email: 200, address: 300 } as const
const PHONE = /^[0-9+()\- ]{5,30}$/
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/

function length(value: string): number {
  return [...value].length
}

/** The time of day in Beijing (HH:mm) at the instant `now`. */
export function timeInShanghai(now: Date): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hour12: false }).format(now)
}

/** Each field's message, keyed by the name the service gives the field; empty when the form may be sent. */
export function intakeErrors(form: IntakeForm, now: Date): Record<string, string> {
  const errors: Record<string, string> = {}
  const today = todayInShanghai(now)
  if (form.publicationId === '') errors.publicationId = '请选择所属的公布'
  if (form.receivedOn === '') errors.receivedOn = '请选择收到日期'
  else if (form.receivedOn > today) errors.receivedOn = '不能晚于今天'
  if (form.receivedTime !== '' && form.receivedOn === today && form.receivedTime > timeInShanghai(now)) {
    errors.receivedTime = '不能晚于现在'
  }
  if (form.text.trim() === '') errors.text = '请填写意见建议的内容'
  else if (length(form.text) > LIMITS.text) errors.text = `不能超过 ${LIMITS.text} 个字符`
  const tooLong = (field: 'receiptNumber' | 'name' | 'address') => {
    if (length(form[field].trim()) > LIMITS[field]) errors[field] = `不能超过 ${LIMITS[field]} 个字符`
  }
  tooLong('receiptNumber')
  tooLong('name')
  tooLong('address')
  const phone = form.phone.trim()
  if (phone !== '' && !PHONE.test(phone)) errors.phone = '请填写有效的电话号码（数字，可含 +、-、空格、括号）'
  const email = form.email.trim()
  if (email.length > LIMITS.email) errors.email = `不能超过 ${LIMITS.email} 个字符`
  else if (email !== '' && !EMAIL.test(email)) errors.email = '请填写有效的电子邮箱地址'
  return errors
}

/** The body of POST /feedback: what was left empty is not sent (the person gave no such detail). */
export function intakeInput(form: IntakeForm): StaffFeedbackInput {
  const input: StaffFeedbackInput = { publicationId: form.publicationId, channel: form.channel, receivedOn: form.receivedOn, text: form.text.trim() }
  if (form.receivedTime !== '') input.receivedTime = form.receivedTime
  for (const field of ['receiptNumber', 'name', 'phone', 'email', 'address'] as const) {
    const value = form[field].trim()
    if (value !== '') input[field] = value
  }
  return input
}
