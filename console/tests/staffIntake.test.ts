// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import type { FeedbackView, PublicationView } from '@/api/feedback'
import StaffIntakeDialog from '@/components/StaffIntakeDialog.vue'
import { emptyIntake, intakeErrors, intakeInput, type IntakeForm } from '@/staffIntake'
import { json, client, network, serveApi } from './recordedNetwork'
import { field, press, settle, type } from './dialogDom'
import { FeedbackApi } from '@/api/feedback'

// The dialog talks to feedback-service through the real client; only fetch is replaced, so what is
// asserted is the request as it would leave the browser.
const net = network()
serveApi(() => ({ feedback: new FeedbackApi(client(net, '/api/feedback')) }))

// 2026-03-10 10:00 in Beijing
const NOW = new Date('2026-03-10T02:00:00Z')

const publication = (id: string, open: boolean): PublicationView => ({
  id, version: 0, inspectionId: 'i1', title: `公布 ${id}`, body: null, reportUrl: null, windowStart: '2026-03-01T00:00:00+08:00',
  windowEnd: '2026-03-31T23:59:59+08:00', timeZone: 'Asia/Shanghai', open, channels: null, createdAt: '2026-03-01T00:00:00Z', updatedAt: null,
})
const created = { id: 'fb-9', trackingCode: 'FK-20260310-0001' } as FeedbackView

/** The answer to a write: the record at its new version. */
const answer = (status: number, body: object, type = 'application/json') => json(status, body, type, { ETag: '"0"' })

let wrapper: VueWrapper | null = null

function open(publications = [publication('p1', false), publication('p2', true)], publicationId?: string): VueWrapper {
  wrapper = mount(StaffIntakeDialog, {
    props: { open: true, publications, publicationId },
    global: { plugins: [ElementPlus] },
    attachTo: document.body,
  })
  return wrapper
}

/** The message shown under the field, in its form item. */
function errorOf(id: string): string {
  return field(id).closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent?.trim() ?? ''
}

async function channel(label: string) {
  const radio = [...document.querySelectorAll('.el-radio-button')].find((b) => b.textContent?.trim() === label)
  if (radio === undefined) throw new Error(`no channel ${label}`)
  radio.querySelector('input')!.click()
  await settle()
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
})

describe('the staff intake form', () => {
  const form = (change: Partial<IntakeForm>): IntakeForm => ({ ...emptyIntake(NOW, 'p1'), text: '反映某路段整改后又出现占道经营', ...change })

  it('starts today in Beijing, by phone, and refuses a day or a time of today still to come', () => {
    expect(emptyIntake(new Date('2026-03-09T16:30:00Z'))).toMatchObject({ channel: 'PHONE', receivedOn: '2026-03-10', receivedTime: '' })
    expect(intakeErrors(form({}), NOW)).toEqual({})
    expect(intakeErrors(form({ receivedOn: '2026-03-11' }), NOW)).toEqual({ receivedOn: '不能晚于今天' })
    expect(intakeErrors(form({ receivedTime: '10:01' }), NOW)).toEqual({ receivedTime: '不能晚于现在' })
    expect(intakeErrors(form({ receivedTime: '10:00' }), NOW)).toEqual({})
    // yesterday's call late in the evening is in the past
    expect(intakeErrors(form({ receivedOn: '2026-03-09', receivedTime: '22:15' }), NOW)).toEqual({})
  })

  it('checks what the service checks, field by field', () => {
    expect(intakeErrors(form({ publicationId: '', text: '  ', phone: '138-abc', email: 'a@b' }), NOW)).toEqual({
      publicationId: '请选择所属的公布', text: '请填写意见建议的内容',
      phone: '请填写有效的电话号码（数字，可含 +、-、空格、括号）', email: '请填写有效的电子邮箱地址',
    })
    // counted in characters as the service counts them: 4000 emoji pass, one more does not
    expect(intakeErrors(form({ text: '😀'.repeat(4000) }), NOW)).toEqual({})
    expect(intakeErrors(form({ text: '😀'.repeat(4001) }), NOW)).toEqual({ text: '不能超过 4000 个字符' })
    expect(intakeErrors(form({ receiptNumber: 'X'.repeat(61), name: '名'.repeat(51) }), NOW))
      .toEqual({ receiptNumber: '不能超过 60 个字符', name: '不能超过 50 个字符' })
  })

  it('sends only what was given, trimmed', () => {
    expect(intakeInput(form({ name: ' 张三 ', phone: '', email: '  ', receivedTime: '09:30' }))).toEqual({
      publicationId: 'p1', channel: 'PHONE', receivedOn: '2026-03-10', receivedTime: '09:30', text: '反映某路段整改后又出现占道经营', name: '张三',
    })
  })
})

describe('StaffIntakeDialog', () => {
  it('registers a letter: the body as the service takes it, then hands over the new feedback', async () => {
    const dialog = open()
    await flushPromises()
    // the only open publication is chosen for the clerk
    expect(document.querySelector('#in-publication')?.closest('.el-select')?.textContent).toContain('公布 p2')
    await channel('来信')
    expect(document.body.textContent).toContain('收到时间（选填）')
    type('in-receipt', ' 信访〔2026〕12号 ')
    type('in-text', '反映整改后某小区违建仍未拆除')
    type('in-name', '张三')
    type('in-address', '沈阳市浑南区某路1号')
    net.answer = () => answer(201, created)
    await press('登记')
    expect(net.sent).toHaveLength(1)
    const [request] = net.sent
    expect(request!.url).toBe('/api/feedback/feedback')
    expect(request!.init.method).toBe('POST')
    expect(JSON.parse(String(request!.init.body))).toEqual({
      publicationId: 'p2', channel: 'POST', receivedOn: '2026-03-10', receiptNumber: '信访〔2026〕12号',
      text: '反映整改后某小区违建仍未拆除', name: '张三', address: '沈阳市浑南区某路1号',
    })
    expect(dialog.emitted('recorded')).toEqual([[created]])
  })

  it('chooses the only open publication also when the publications arrive after it opened', async () => {
    const dialog = open([])
    await flushPromises()
    expect(document.body.textContent).toContain('尚无公布')
    await dialog.setProps({ publications: [publication('p1', false), publication('p2', true)] })
    await flushPromises()
    expect(document.querySelector('#in-publication')?.closest('.el-select')?.textContent).toContain('公布 p2')
    // one the clerk chose stays chosen when the list is read again
    await dialog.setProps({ publications: [publication('p1', true), publication('p2', true)], publicationId: undefined })
    await flushPromises()
    expect(document.querySelector('#in-publication')?.closest('.el-select')?.textContent).toContain('公布 p2')
  })

  it('says what is missing next to its field and sends nothing', async () => {
    const dialog = open([publication('p1', true), publication('p2', true)])
    await flushPromises()
    type('in-phone', '电话见信封')
    await press('登记')
    expect(net.sent).toHaveLength(0)
    expect(errorOf('in-publication')).toBe('请选择所属的公布')
    expect(errorOf('in-text')).toBe('请填写意见建议的内容')
    expect(errorOf('in-phone')).toBe('请填写有效的电话号码（数字，可含 +、-、空格、括号）')
    // typing again takes the field's message away
    type('in-phone', '024-12345678')
    await settle()
    expect(errorOf('in-phone')).toBe('')
    expect(dialog.emitted('recorded')).toBeUndefined()
  })

  it('shows a 400 on the fields the service names, in Chinese, and keeps what was typed', async () => {
    const dialog = open(undefined, 'p1')
    await flushPromises()
    dialog.findComponent({ name: 'ElTimePicker' }).vm.$emit('update:modelValue', '09:45')
    type('in-text', '来电反映某单位整改不到位')
    type('in-email', 'zhang@example.com')
    net.answer = () => answer(400, { status: 400, title: '提交的内容有误', errors: [
      { field: 'receivedTime', message: 'must not be in the future (it is now 09:40 in Asia/Shanghai)' },
      { field: 'email', message: '请填写有效的电子邮箱地址。' },
    ] }, 'application/problem+json')
    await press('登记')
    expect(JSON.parse(String(net.sent[0]!.init.body))).toMatchObject({ publicationId: 'p1', channel: 'PHONE', receivedTime: '09:45' })
    expect(errorOf('in-time')).toBe('不能晚于现在（09:40）')
    expect(errorOf('in-email')).toBe('请填写有效的电子邮箱地址。')
    expect(errorOf('in-text')).toBe('')
    expect(field('in-text').value).toBe('来电反映某单位整改不到位')
    expect(dialog.emitted('recorded')).toBeUndefined()
  })
})
