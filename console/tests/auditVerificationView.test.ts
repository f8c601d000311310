// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import AuditVerificationView from '@/views/AuditVerificationView.vue'
import { json, client, network, serveApi } from './recordedNetwork'
import { press, settle } from './dialogDom'
import { AuditApi } from '@/api/auditVerification'

// 审计核验 through the real clients to the three services' GET /audit/verify, answered here.
const net = network()
serveApi(() => {
  const audit = {
    tasks: new AuditApi(client(net, '/api/tasks')),
    feedback: new AuditApi(client(net, '/api/feedback')),
    reporting: new AuditApi(client(net, '/api/reporting')),
  }
  return { audit }
})

/** Each service's answer by its prefix. */
function services(answers: Record<string, () => Response>) {
  net.answer = () => {
    const { url } = net.sent[net.sent.length - 1]!
    const service = url.split('/')[2]!
    return answers[service]!()
  }
}
const intact = (entries: number) => () => json(200, { intact: true, entriesChecked: entries, firstBrokenSeq: null, reason: null })

let wrapper: VueWrapper | null = null

async function show() {
  vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }))
  wrapper = mount(AuditVerificationView, { global: { plugins: [ElementPlus] }, attachTo: document.body })
  await settle()
  return wrapper
}

/** The table's rows as the words of their cells. */
const rows = (w: VueWrapper) => w.findAll('.el-table__body tbody tr').map((tr) => tr.findAll('td').map((td) => td.text()))

describe('审计核验', () => {
  it('verifies the three services\' chains at once: one row each, intact or where it broke, entries checked, when', async () => {
    // the services do not say when they checked: the row says when the answer came, Beijing time
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-12-05T15:59:30Z'))
    services({
      tasks: intact(226),
      feedback: () => json(200, { intact: false, entriesChecked: 41, firstBrokenSeq: 42, reason: 'hash mismatch: the entry was changed' }),
      reporting: intact(15),
    })
    const w = await show()
    expect(net.sent.map((r) => r.url).sort()).toEqual(['/api/feedback/audit/verify', '/api/reporting/audit/verify', '/api/tasks/audit/verify'])
    expect(rows(w)).toEqual([
      ['任务服务', '完好', '—', '226', '2026年12月5日 23:59:30'],
      ['意见建议服务', '已断开', '序号 42：hash mismatch: the entry was changed', '41', '2026年12月5日 23:59:30'],
      ['报告服务', '完好', '—', '15', '2026年12月5日 23:59:30'],
    ])
  })

  it('names a service that refused (403) or could not be reached, and still shows the others', async () => {
    services({
      tasks: intact(226),
      feedback: () => json(403, { status: 403, title: 'Forbidden' }, 'application/problem+json'),
      reporting: () => { throw new TypeError('Failed to fetch') },
    })
    const w = await show()
    const [tasks, feedback, reporting] = rows(w)
    expect(tasks!.slice(0, 2)).toEqual(['任务服务', '完好'])
    expect(feedback!.slice(0, 4)).toEqual(['意见建议服务', '未能核验', '您没有执行此操作的权限', '—'])
    expect(reporting!.slice(0, 4)).toEqual(['报告服务', '未能核验', '无法连接服务，请检查网络后重试', '—'])
  })

  it('checks again on 重新核验', async () => {
    services({ tasks: intact(226), feedback: intact(41), reporting: intact(15) })
    const w = await show()
    services({ tasks: intact(227), feedback: intact(41), reporting: intact(15) })
    await press('重新核验')
    expect(net.sent).toHaveLength(6)
    expect(rows(w)[0]![3]).toBe('227')
  })
})
