// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h, ref } from 'vue'
import ElementPlus from 'element-plus'
import type { TaskSnapshot } from '@/api/types'
import RejectDialog from '@/components/RejectDialog.vue'
import ProgressReportForm from '@/components/ProgressReportForm.vue'
import { PUBLISHED_TEXT_HINT } from '@/components/PublishedTextHint.vue'
import { json, client, network, serveApi } from './recordedNetwork'
import { field, settle, type } from './dialogDom'
import { TasksApi } from '@/api/tasks'

// The accessibility review's findings 2 and 3 in the console's forms: where the focus goes after a
// refused and an accepted submission (it fell to <body>), and each field in error tied to its message
// (aria-invalid, aria-describedby), the line above the form naming the fields by their labels.
const net = network()
serveApi(() => ({ tasks: new TasksApi(client(net, '/api/tasks')) }))

const claimed = {
  id: 't1', version: 7, areaNumber: 2, problemNumber: 1, number: 11, title: '建立廉政风险防控台账', kind: 'TIME_BOUND', state: 'COMPLETION_CLAIMED',
  allowedTransitions: ['VERIFY', 'REJECT_COMPLETION'], reportingCadence: 'WEEKLY', percentComplete: 40,
} as unknown as TaskSnapshot
const problem = (errors: { field: string; message: string }[]) => () =>
  json(422, { status: 422, title: 'Unprocessable Entity', errors }, 'application/problem+json')
const accepted = () => json(200, { ...claimed, version: 8 }, 'application/json', { ETag: '"8"' })

// A browser takes the focus off a control that becomes disabled (an el-button while :loading), leaving
// it on <body>; happy-dom keeps it there. This does what the browser does, so the tests see the fault.
let focusFixup: MutationObserver | null = null
beforeEach(() => {
  focusFixup = new MutationObserver(() => {
    const active = document.activeElement as HTMLElement | null
    if (!active?.matches(':disabled')) return
    // happy-dom's blur() leaves a disabled element focused: the focus goes to a stand-in that then goes
    const standIn = document.createElement('span')
    standIn.tabIndex = -1
    document.body.append(standIn)
    standIn.focus()
    standIn.remove()
  })
  focusFixup.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['disabled'] })
})

afterEach(() => { focusFixup?.disconnect() })

function button(label: string): HTMLButtonElement {
  const found = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === label)
  if (found === undefined) throw new Error(`no button ${label}`)
  return found
}

/** What a keyboard user does: the focus on the button, then Enter (a button's click). */
async function pressWithKeyboard(label: string) {
  button(label).focus()
  button(label).click()
  await settle()
}

/** The page around the reject dialog: its 驳回 button, which leaves the list (the row goes) when `rowGoes`. */
function queuePage(rowGoes: boolean) {
  return defineComponent({
    setup() {
      const open = ref(false)
      const gone = ref(false)
      return () => h('main', { id: 'main', tabindex: -1 }, [
        gone.value ? null : h('button', { id: 'opener', onClick: () => { open.value = true } }, '驳回'),
        h(RejectDialog, {
          open: open.value, task: claimed,
          onClose: () => { open.value = false },
          onRejected: () => { open.value = false; if (rowGoes) setTimeout(() => { gone.value = true }, 20) },
        }),
      ])
    },
  })
}

describe('a dialog\'s refused submission (驳回 with no reason)', () => {
  it('is refused before sending: the focus on the field in error, tied to its message, named above the form; an edit unmarks it', async () => {
    mount(queuePage(false), { global: { plugins: [ElementPlus] }, attachTo: document.body })
    await pressWithKeyboard('驳回')
    type('reject-reason', '   ')
    await pressWithKeyboard('确认驳回')
    expect(net.sent).toHaveLength(0)
    const reason = field('reject-reason')
    expect(document.activeElement).toBe(reason)
    expect(reason.getAttribute('aria-invalid')).toBe('true')
    const describedBy = reason.getAttribute('aria-describedby')!.split(' ')
    const message = describedBy.map((id) => document.getElementById(id)).find((e) => e?.classList.contains('el-form-item__error'))
    expect(message?.textContent).toContain('不能为空')
    const summary = document.querySelector('.submission-alert')!.textContent!
    expect(summary).toContain('驳回理由')
    expect(summary).not.toContain('标红')

    type('reject-reason', '缺少学习记录')
    await settle()
    expect(reason.hasAttribute('aria-invalid')).toBe(false)
    expect(reason.getAttribute('aria-describedby') ?? '').not.toContain('error')
  })

  it('says the service\'s refusal the same way when it comes', async () => {
    mount(queuePage(false), { global: { plugins: [ElementPlus] }, attachTo: document.body })
    await pressWithKeyboard('驳回')
    type('reject-reason', '含有不可见字符')
    net.answer = problem([{ field: 'rejectCompletion.input.reason', message: 'must not be blank' }])
    await pressWithKeyboard('确认驳回')
    expect(net.sent).toHaveLength(1)
    expect(document.activeElement).toBe(field('reject-reason'))
    expect(document.querySelector('.submission-alert')!.textContent).toContain('驳回理由')
  })
})

describe('a dialog\'s accepted submission', () => {
  it('returns the focus to the button that opened the dialog', async () => {
    mount(queuePage(false), { global: { plugins: [ElementPlus] }, attachTo: document.body })
    await pressWithKeyboard('驳回')
    type('reject-reason', '缺少学习记录')
    net.answer = accepted
    await pressWithKeyboard('确认驳回')
    await settle()
    expect(document.activeElement?.id).toBe('opener')
  })

  it('moves it to the content when that button has gone with its row', async () => {
    mount(queuePage(true), { global: { plugins: [ElementPlus] }, attachTo: document.body })
    await pressWithKeyboard('驳回')
    type('reject-reason', '缺少学习记录')
    net.answer = accepted
    await pressWithKeyboard('确认驳回')
    await settle()
    expect(document.getElementById('opener')).toBeNull()
    expect(document.activeElement?.id).toBe('main')
  })
})

describe('a page\'s form (进展报告)', () => {
  function showForm() {
    mount(ProgressReportForm, { props: { task: claimed, reports: [] }, global: { plugins: [ElementPlus] }, attachTo: document.body })
  }

  it('refused before sending when 进展情况 is empty: nothing sent, the focus and the line above on it', async () => {
    showForm()
    await flushPromises()
    await pressWithKeyboard('提交进展报告')
    expect(net.sent).toHaveLength(0)
    expect(document.activeElement).toBe(field('report-text'))
    expect(field('report-text').getAttribute('aria-invalid')).toBe('true')
    expect(document.getElementById(field('report-text').getAttribute('aria-describedby')!.split(' ').pop()!)?.textContent).toContain('不能为空')
    expect(field('report-period-start').hasAttribute('aria-invalid')).toBe(false)
    expect(document.querySelector('.submission-alert')!.textContent).toContain('“进展情况”')
  })

  it('refused by the service: the focus goes to the first field in error, each tied to its message', async () => {
    showForm()
    await flushPromises()
    type('report-text', '已组织专题学习两次')
    net.answer = problem([
      { field: 'reportProgress.input.periodStart', message: 'must not be null' },
      { field: 'reportProgress.input.text', message: 'must not be blank' },
    ])
    await pressWithKeyboard('提交进展报告')
    expect(document.activeElement).toBe(field('report-period-start'))
    // its calendar, which Element Plus opens on focus, closed again: the field and its message in view
    await settle()
    expect([...document.querySelectorAll<HTMLElement>('.el-picker-panel')].filter((panel) => panel.closest<HTMLElement>('[style*="display: none"]') === null)).toHaveLength(0)
    for (const id of ['report-period-start', 'report-text']) {
      expect(field(id).getAttribute('aria-invalid')).toBe('true')
      expect(document.getElementById(field(id).getAttribute('aria-describedby')!.split(' ').pop()!)?.classList.contains('el-form-item__error')).toBe(true)
    }
    expect(field('report-percent').hasAttribute('aria-invalid')).toBe(false)
    const summary = document.querySelector('.submission-alert')!.textContent!
    expect(summary).toContain('“报告期起”、“进展情况”')
  })

  it('asks under 进展情况 for no one\'s personal data, and says a refusal for contact details there, in Chinese', async () => {
    showForm()
    await flushPromises()
    expect(document.getElementById('report-text-hint')?.textContent).toBe(PUBLISHED_TEXT_HINT)
    expect(field('report-text').getAttribute('aria-describedby')?.split(' ')).toEqual(['report-text-hint'])
    type('report-text', '已回访群众王某（13812345678）')
    net.answer = () => json(400, { status: 400, title: 'Invalid request', errors: [{ field: 'text', message: 'contains contact details'
      + " (a mobile number): this text is published to other systems and kept for good, so it may hold no member of the public's"
      + ' contact details; to refer to a feedback, give its tracking code (查询码)' }] }, 'application/problem+json')
    await pressWithKeyboard('提交进展报告')
    await settle()
    const [hint, error] = field('report-text').getAttribute('aria-describedby')!.split(' ')
    expect(hint).toBe('report-text-hint')
    expect(document.getElementById(error!)?.textContent?.trim())
      .toBe('含有手机号码：此处内容将发送给其他系统并长期保存，不得填写群众的联系方式等个人信息；引用群众来信请写查询码')
  })

  it('accepted: the focus stays on the button pressed, not <body>', async () => {
    showForm()
    await flushPromises()
    type('report-text', '已组织专题学习两次')
    net.answer = () => json(201, { id: 'r1' }, 'application/json')
    await pressWithKeyboard('提交进展报告')
    expect(document.activeElement).toBe(button('提交进展报告'))
  })
})
