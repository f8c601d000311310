// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import type { Evidence } from '@/api/types'
import EvidenceFileCell from '@/components/EvidenceFileCell.vue'
import { json, client, network, serveApi } from './recordedNetwork'
import { TasksApi } from '@/api/tasks'

// An entry's file goes up through the real client; only fetch is replaced, so what is asserted is the
// request as it would leave the browser. Replacing a file names the task's version (If-Match): two
// uploads sent at once without it used to both succeed, the second silently replacing the first.
const net = network()
serveApi(() => ({ tasks: new TasksApi(client(net, '/api/tasks')) }))

const entry: Evidence = { id: 'e1', type: 'LEDGER', title: '公务接待台账', date: '2026-11-20', file: null }
const withFile: Evidence = {
  ...entry, file: { filename: '接待台账.pdf', contentType: 'application/pdf', size: 12, sha256: 'ab', uploadedAt: '2026-12-01T09:00:00+08:00' },
}
const described = { filename: '接待台账2.pdf', contentType: 'application/pdf', size: 12, sha256: 'cd', uploadedAt: '2026-12-05T09:00:00+08:00' }

let wrapper: VueWrapper | null = null

function cell(evidence: Evidence): VueWrapper {
  wrapper = mount(EvidenceFileCell, {
    props: { taskId: 't1', taskVersion: 7, evidence, mayAttach: true },
    global: { plugins: [ElementPlus] },
    attachTo: document.body,
  })
  return wrapper
}

async function choose(w: VueWrapper, name: string) {
  const input = w.find('input[type="file"]').element as HTMLInputElement
  Object.defineProperty(input, 'files', { value: [new File(['%PDF-1.7'], name, { type: 'application/pdf' })], configurable: true })
  input.dispatchEvent(new Event('change'))
  await flushPromises()
}

describe('EvidenceFileCell', () => {
  it('uploads an entry\'s first file without If-Match', async () => {
    const w = cell(entry)
    net.answer = () => json(200, described, 'application/json', { ETag: '"8"' })
    await choose(w, '接待台账.pdf')
    expect(net.sent).toHaveLength(1)
    expect(net.sent[0]!.init.method).toBe('PUT')
    expect(net.sent[0]!.url).toContain('/api/tasks/tasks/t1/evidence/e1/file')
    expect(net.sent[0]!.init.headers).not.toHaveProperty('If-Match')
    expect(w.emitted('uploaded')).toHaveLength(1)
  })

  it('replaces a file against the task\'s version read (If-Match)', async () => {
    const w = cell(withFile)
    expect(w.find('button[aria-label="替换文件：公务接待台账"]').exists()).toBe(true)
    net.answer = () => json(200, described, 'application/json', { ETag: '"8"' })
    await choose(w, '接待台账2.pdf')
    expect(net.sent[0]!.init.headers).toMatchObject({ 'If-Match': '"7"' })
    expect(w.emitted('uploaded')).toHaveLength(1)
  })

  it('says a file uploaded meanwhile by someone else is there, rather than replacing it (428)', async () => {
    const w = cell(entry)
    net.answer = () => json(428, { status: 428, title: 'Precondition required', detail: 'evidence e1 already has its file (接待台账.pdf):'
      + ' replacing it needs If-Match with the task\'s ETag read before, so that a file someone else uploaded meanwhile is not replaced unseen' },
    'application/problem+json')
    await choose(w, '接待台账2.pdf')
    expect(w.emitted('refused')).toEqual([['“接待台账2.pdf”未上传：这条材料已有文件“接待台账.pdf”（可能是他人刚刚上传的）：请刷新页面，确认后再替换']])
    expect(w.emitted('uploaded')).toBeUndefined()
  })
})
