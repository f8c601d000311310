// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import type { TaskSnapshot } from '@/api/types'
import EvidenceForm from '@/components/EvidenceForm.vue'
import { json, client, network, serveApi } from './recordedNetwork'
import { field, press, settle, type } from './dialogDom'
import { TasksApi } from '@/api/tasks'

// The form talks to tasks-service through the real client; only fetch is replaced.
const net = network()
serveApi(() => ({ tasks: new TasksApi(client(net, '/api/tasks')) }))

const task = { id: 't1', version: 4, state: 'IN_PROGRESS' } as TaskSnapshot
let wrapper: VueWrapper | null = null

/**
 * A file chosen as the browser gives it: the upload's file input takes it and says it changed, unless
 * the input already holds that very file (Chromium fires no change then, for a person or a program alike).
 */
async function choose(file: File) {
  const input = document.querySelector<HTMLInputElement>('input[type=file]')
  if (input === null) throw new Error('no file input in the form')
  if (input.files?.[0] === file) return
  input.files = [file] as unknown as FileList
  input.dispatchEvent(new Event('change'))
  await settle()
}

/** The entries and the files the form sent, in order. */
function filesSent(): string[] {
  return net.sent.filter((r) => r.init.method === 'PUT').map((r) => (r.init.body as File).name)
}

describe('EvidenceForm', () => {
  it('starts every new entry clean, so the file of the entry before can be chosen again', async () => {
    let n = 0
    net.answer = () => json(n++ % 2 === 0 ? 201 : 200, { id: `e${n}`, filename: '会议纪要.pdf', size: 3, contentType: 'application/pdf' })
    wrapper = mount(EvidenceForm, { props: { task }, global: { plugins: [ElementPlus] }, attachTo: document.body })
    await settle()
    const minutes = new File(['%PDF'], '会议纪要.pdf', { type: 'application/pdf' })

    type('evidence-title', '第一次会议纪要')
    await choose(minutes)
    expect(document.body.textContent).toContain('会议纪要.pdf')
    await press('添加佐证材料')
    expect(filesSent()).toEqual(['会议纪要.pdf'])
    // the entry is added: no file shown for the next one, and none held by the input
    expect(document.querySelector('.el-upload-list')?.textContent ?? '').not.toContain('会议纪要.pdf')

    type('evidence-title', '第二次会议纪要')
    await choose(minutes)
    expect(document.querySelector('.el-upload-list')?.textContent ?? '').toContain('会议纪要.pdf')
    await press('添加佐证材料')
    expect(net.sent.filter((r) => r.init.method === 'POST')).toHaveLength(2)
    expect(filesSent()).toEqual(['会议纪要.pdf', '会议纪要.pdf'])
  })

  // The reviewers' finding: an executable renamed 伪装.pdf was refused, its entry stayed without a file, and
  // 添加佐证材料 again with the right PDF added a second entry of the same name beside the empty first.
  it('uploads a retried file to the entry already added, never adding a second one of the same name', async () => {
    const refusal = json(400, { status: 400, title: 'Invalid request', errors: [{ field: 'Content-Type',
      message: 'the file\'s content is not application/pdf (its first bytes are not a PDF\'s)' }] }, 'application/problem+json')
    net.answer = () => {
      const { init } = net.sent[net.sent.length - 1]!
      if (init.method === 'POST') return json(201, { id: 'e9', taskId: 't1', type: 'DOCUMENT', title: '整改台账', date: '2025-05-20', file: null })
      return filesSent().length === 1 ? refusal
        : json(200, { filename: '整改台账.pdf', contentType: 'application/pdf', size: 4, sha256: 'ab', uploadedAt: '2025-05-20T09:00:00+08:00' })
    }
    wrapper = mount(EvidenceForm, { props: { task }, global: { plugins: [ElementPlus] }, attachTo: document.body })
    await settle()

    type('evidence-title', '整改台账')
    await choose(new File(['MZ\u0090'], '伪装.pdf', { type: 'application/pdf' }))
    await press('添加佐证材料')
    expect(document.body.textContent).toContain('文件内容与所选的文件类型不符')
    expect(document.body.textContent).toContain('“整改台账”已添加，文件未上传')
    // the entry is shown in the page's list, and the form holds it: its fields are the entry's now
    expect(wrapper.emitted('saved')).toHaveLength(1)
    expect(field('evidence-title').disabled).toBe(true)
    expect(field('evidence-title').value).toBe('整改台账')

    // nothing to upload without a file: said by the file's field, nothing sent
    const before = net.sent.length
    await press('上传文件')
    expect(net.sent).toHaveLength(before)
    expect(document.body.textContent).toContain('请选择要上传的文件')

    await choose(new File(['%PDF'], '整改台账.pdf', { type: 'application/pdf' }))
    await press('上传文件')
    expect(net.sent.filter((r) => r.init.method === 'POST')).toHaveLength(1)
    expect(net.sent.filter((r) => r.init.method === 'PUT').map((r) => r.url.split('?')[0]))
      .toEqual(['/api/tasks/tasks/t1/evidence/e9/file', '/api/tasks/tasks/t1/evidence/e9/file'])
    expect(filesSent()).toEqual(['伪装.pdf', '整改台账.pdf'])
    // done: the form starts a new entry
    expect(document.body.textContent).not.toContain('文件未上传')
    expect(field('evidence-title').disabled).toBe(false)
    expect(field('evidence-title').value).toBe('')
  })

  it('lets the entry stay without its file when 不附文件 is chosen, and starts a new one', async () => {
    net.answers.push(() => json(201, { id: 'e7', taskId: 't1', type: 'DOCUMENT', title: '情况说明', date: '2025-05-20', file: null }))
    net.answers.push(() => json(413, { status: 413, title: 'Payload Too Large' }, 'application/problem+json'))
    wrapper = mount(EvidenceForm, { props: { task }, global: { plugins: [ElementPlus] }, attachTo: document.body })
    await settle()
    type('evidence-title', '情况说明')
    await choose(new File(['%PDF'], '情况说明.pdf', { type: 'application/pdf' }))
    await press('添加佐证材料')
    expect(document.body.textContent).toContain('“情况说明”已添加，文件未上传')
    await press('不附文件')
    expect(document.body.textContent).not.toContain('文件未上传')
    expect(field('evidence-title').value).toBe('')
    expect(wrapper.emitted('saved')).toHaveLength(2)
    expect(net.sent.map((r) => r.init.method)).toEqual(['POST', 'PUT'])
  })

  // the review on a phone: "drag the file here" asked a finger for what it cannot do
  for (const [pointer, words, not] of [['coarse', '点击选择文件', '拖'], ['fine', '将文件拖到此处，或点击选择', '点击选择文件']] as const) {
    it(`asks a ${pointer} pointer to ${pointer === 'coarse' ? 'tap, not drag' : 'drag a file or click'}`, async () => {
      vi.stubGlobal('matchMedia', (query: string) => ({ matches: query === `(pointer: ${pointer})`, addEventListener() {}, removeEventListener() {} }))
      wrapper = mount(EvidenceForm, { props: { task }, global: { plugins: [ElementPlus] }, attachTo: document.body })
      await settle()
      const box = document.querySelector('.drop-text')!.textContent!
      expect(box).toBe(words)
      expect(box).not.toContain(not)
    })
  }
})
