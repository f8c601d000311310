// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import type { TaskSnapshot } from '@/api/types'
import VerifyDialog from '@/components/VerifyDialog.vue'
import { verificationBody, TasksApi } from '@/api/tasks'
import { verificationStep } from '@/verification'
import { json, client, network, serveApi } from './recordedNetwork'
import { press } from './dialogDom'

// The dialog talks to tasks-service through the real client; only fetch is replaced.
const net = network()
serveApi(() => ({ tasks: new TasksApi(client(net, '/api/tasks')) }))

const claimed = {
  id: 't1', version: 7, areaNumber: 2, problemNumber: 1, number: 11, title: '建立廉政风险防控台账', kind: 'TIME_BOUND', state: 'COMPLETION_CLAIMED',
  allowedTransitions: ['VERIFY', 'REJECT_COMPLETION'], verificationNote: null,
} as unknown as TaskSnapshot
const longTermClaim = { ...claimed, kind: 'LONG_TERM', allowedTransitions: ['CONSOLIDATE', 'REJECT_COMPLETION'] } as TaskSnapshot
const consolidating = {
  ...claimed, kind: 'LONG_TERM', state: 'CONSOLIDATING', allowedTransitions: ['VERIFY'],
  verificationNote: { text: '每季度专项检查一次', by: 'ducha', at: '2026-01-05T10:00:00+08:00' },
} as unknown as TaskSnapshot

/** The answer to a command: the task at its new version. */
const answer = (status: number, body: object, type = 'application/json') => json(status, body, type, { ETag: '"8"' })

let wrapper: VueWrapper | null = null

function open(task: TaskSnapshot): VueWrapper {
  wrapper = mount(VerifyDialog, { props: { open: true, task }, global: { plugins: [ElementPlus] }, attachTo: document.body })
  return wrapper
}

function note(): HTMLTextAreaElement {
  return document.getElementById('verify-note') as HTMLTextAreaElement
}

function type(text: string) {
  note().value = text
  note().dispatchEvent(new Event('input'))
}

describe('the verification step', () => {
  it('names the note by what the step does: a close-out, or the 巩固提升 requirement of a LONG_TERM claim', () => {
    expect(verificationStep(claimed)).toMatchObject({ title: '核实通过', noteLabel: '核实意见（选填）', done: '已核实销号' })
    const consolidation = verificationStep(longTermClaim)
    expect(consolidation).toMatchObject({ title: '核实转入巩固', noteLabel: '巩固提升要求（选填）', done: '已核实，转入巩固阶段' })
    expect(consolidation.hint).toContain('此处填写的意见即该任务的巩固提升要求')
    // closing out after consolidation replaces that requirement (the service keeps the latest note)
    expect(verificationStep(consolidating).hint).toContain('将取代转入巩固时提出的巩固提升要求')
    expect(verificationStep(claimed).hint).not.toContain('巩固')
  })

  it('sends a note only when one was written', () => {
    expect(verificationBody('  已查阅整改台账  ')).toEqual({ note: '已查阅整改台账' })
    expect(verificationBody(' \n ')).toBeUndefined()
  })
})

describe('VerifyDialog', () => {
  it('sends the note with the version read (If-Match)', async () => {
    const dialog = open(longTermClaim)
    await flushPromises()
    expect(document.body.textContent).toContain('任务（二）1.十一是：建立廉政风险防控台账')
    expect(document.body.textContent).toContain('巩固提升要求（选填）')
    net.answer = () => answer(200, { ...longTermClaim, version: 8, state: 'CONSOLIDATING' })
    type(' 每季度开展一次专项检查 ')
    await press('核实转入巩固')
    expect(net.sent).toHaveLength(1)
    const [request] = net.sent
    expect(request!.url).toBe('/api/tasks/tasks/t1/verification')
    expect(request!.init.method).toBe('POST')
    expect(request!.init.headers).toMatchObject({ 'If-Match': '"7"', 'Content-Type': 'application/json' })
    expect(JSON.parse(String(request!.init.body))).toEqual({ note: '每季度开展一次专项检查' })
    expect(dialog.emitted('verified')).toEqual([['已核实，转入巩固阶段']])
  })

  it('closes out with a bare POST when no note was written', async () => {
    const dialog = open(claimed)
    await flushPromises()
    net.answer = () => answer(200, { ...claimed, version: 8, state: 'VERIFIED' })
    type('   ')
    await press('核实通过并销号')
    expect(net.sent).toHaveLength(1)
    expect(net.sent[0]!.init.body).toBeUndefined()
    expect(net.sent[0]!.init.headers).not.toHaveProperty('Content-Type')
    expect(dialog.emitted('verified')).toEqual([['已核实销号']])
  })

  it('shows the requirement a LONG_TERM close-out replaces, and a refusal next to the note', async () => {
    const dialog = open(consolidating)
    await flushPromises()
    expect(document.body.textContent).toContain('现巩固提升要求：每季度专项检查一次')
    net.answer = () => answer(400, { status: 400, title: 'Bad Request', errors: [{ field: 'verify.input.note', message: 'size must be between 0 and 2000' }] },
      'application/problem+json')
    type('巩固期内未再发生')
    await press('核实通过并销号')
    expect(note().closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent).toContain('长度应在 0 到 2000 之间')
    expect(note().value).toBe('巩固期内未再发生')
    expect(dialog.emitted('verified')).toBeUndefined()
  })
})
