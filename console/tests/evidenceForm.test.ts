// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import type { TaskSnapshot } from '@/api/types'
import EvidenceForm from '@/components/EvidenceForm.vue'
import { json, reset } from './recordedNetwork'
import { press, settle, type } from './dialogDom'

// The form talks to tasks-service through the real client; only fetch is replaced.
const net = await vi.hoisted(async () => (await import('./recordedNetwork')).network())
vi.mock('@/api', async () => {
  const { client } = await import('./recordedNetwork')
  const { TasksApi } = await import('@/api/tasks')
  return { useApi: () => ({ tasks: new TasksApi(client(net, '/api/tasks')) }) }
})

const task = { id: 't1', version: 4, state: 'IN_PROGRESS' } as TaskSnapshot
let wrapper: VueWrapper | null = null

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  reset(net)
  document.body.innerHTML = ''
})

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
})
