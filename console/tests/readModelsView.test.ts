// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import type { ConsumerLag, RebuildStatus } from '@/api/readModelAdmin'
import ReadModelsView from '@/views/ReadModelsView.vue'
import { json, reset, client, network, serveApi } from './recordedNetwork'
import { ReadModelAdminApi } from '@/api/readModelAdmin'

// 运维：读模型与消费 through the real client to reporting-service, answered here. The page polls a running
// rebuild every 2 s: the tests run its clock (setTimeout), so they say how much time passes.
const net = network()
serveApi(() => {
  const readModelAdmin = new ReadModelAdminApi(client(net, '/api/reporting'))
  return { readModelAdmin }
})

const consumer: ConsumerLag = {
  consumer: 'reporting-service-tasks', topic: 'rectification.tasks.v1', running: true, lastAppliedAt: '2026-12-05T13:05:00Z', lag: 5,
  partitions: [
    { topic: 'rectification.tasks.v1', partition: 0, endOffset: 125, committedOffset: 120, lag: 5 },
    { topic: 'rectification.tasks.v1', partition: 1, endOffset: 3, committedOffset: null, lag: 3 },
  ],
}
const running: RebuildStatus = {
  id: '8d1c', state: 'RUNNING', startedBy: 'yunwei', startedAt: '2026-12-05T13:06:00Z', finishedAt: null, detail: null,
  topics: [{ topic: 'rectification.tasks.v1', consumer: 'reporting-service-tasks', replayed: 113, toReplay: 226,
    partitions: [{ partition: 0, from: 0, to: 226, replayed: 113 }] }],
}
const done: RebuildStatus = {
  ...running, state: 'DONE', finishedAt: '2026-12-05T13:06:06Z', topics: [{ ...running.topics[0]!, replayed: 226 }],
}
const problem = (status: number, detail?: string) => json(status, { status, title: 'x', detail }, 'application/problem+json')

/** reporting-service as the page calls it: the consumers, the rebuild's status (changed by the test) and its start. */
let rebuild: () => Response
let start: () => Response
let consumers: () => Response
function service() {
  net.answer = () => {
    const { url, init } = net.sent[net.sent.length - 1]!
    if (url === '/api/reporting/admin/consumers') return consumers()
    if (url === '/api/reporting/admin/rebuild') return init.method === 'POST' ? start() : rebuild()
    throw new Error(`unexpected ${url}`)
  }
}

let wrapper: VueWrapper | null = null
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  consumers = () => json(200, [consumer])
  rebuild = () => problem(404, 'no rebuild was ever started')
  start = () => json(202, { id: '8d1c', consumers: ['reporting-service-tasks'], tasksCleared: 40, feedbackCleared: 3,
    eventsToReplay: { 'rectification.tasks.v1': 226, 'rectification.feedback.v1': 15 } })
  service()
})

/** Lets `millis` pass on the page's clock, and the requests it made be answered and shown. */
async function pass(millis = 300) {
  await flushPromises()
  await vi.advanceTimersByTimeAsync(millis)
  await flushPromises()
}

async function show() {
  vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }))
  // the keys panel is feedback-service's, tested on its own (personalDataKeysPanel.test.ts)
  wrapper = mount(ReadModelsView, { global: { plugins: [ElementPlus], stubs: { PersonalDataKeysPanel: true } }, attachTo: document.body })
  await pass()
  return wrapper
}

async function press(label: string, within: ParentNode = document) {
  const button = [...within.querySelectorAll('button')].find((b) => b.textContent?.trim() === label)
  if (button === undefined) throw new Error(`no button ${label}`)
  button.click()
  await pass()
}

const statusReads = () => net.sent.filter((r) => r.url === '/api/reporting/admin/rebuild' && (r.init.method ?? 'GET') === 'GET').length
const starts = () => net.sent.filter((r) => r.init.method === 'POST')
const confirmation = () => document.querySelector('.el-message-box')

describe('运维：读模型与消费', () => {
  it('shows each consumer\'s lag by partition and the latest rebuild as reporting-service tells them', async () => {
    rebuild = () => json(200, { ...done })
    const w = await show()
    const lag = w.find('[aria-label="消费进度"]').text()
    expect(lag).toContain('reporting-service-tasks')
    expect(lag).toContain('运行中')
    expect(lag).toContain('2026年12月5日 21:05')
    expect(lag).toContain('分区 0：已提交 120 / 末尾 125（积压 5）')
    expect(lag).toContain('分区 1：未提交 / 末尾 3（积压 3）')
    expect(w.text()).toContain('已完成')
    expect(w.text()).toContain('yunwei')
    expect(w.text()).toContain('2026年12月5日 21:06:06')
    expect(w.find('[aria-label="重放进度"]').text()).toContain('226 / 226')
  })

  it('says plainly that no rebuild was ever started (404)', async () => {
    const w = await show()
    expect(w.find('.rebuild-none').text()).toContain('报告服务还没有进行过重建')
    expect(w.find('.el-alert--error').exists()).toBe(false)
  })

  it('says a refusal (403) and a network failure, each for what could not be read', async () => {
    consumers = () => problem(403)
    rebuild = () => problem(403)
    let w = await show()
    expect(w.text()).toContain('消费进度未能读取：您没有执行此操作的权限')
    expect(w.text()).toContain('重建状态未能读取：您没有执行此操作的权限')
    expect(w.text()).not.toContain('没有进行过重建')
    w.unmount()
    reset(net)
    net.answer = () => { throw new TypeError('Failed to fetch') }
    w = await show()
    expect(w.text()).toContain('消费进度未能读取：无法连接服务，请检查网络后重试')
    expect(w.text()).toContain('重建状态未能读取：无法连接服务，请检查网络后重试')
  })

  it('asks before a rebuild, saying what it does and that the dashboards show the old figures until it commits; 取消 starts none', async () => {
    await show()
    await press('重建读模型')
    const box = confirmation()
    expect(box).not.toBeNull()
    expect(box!.textContent).toContain('从头重放')
    expect(box!.textContent).toContain('提交之前，仪表板和各清单仍显示原有数字')
    expect(box!.textContent).toContain('若失败则整体回滚')
    await press('取消', box!)
    expect(starts()).toHaveLength(0)
  })

  it('starts one once confirmed and follows it every 2 s until it is done, then reads the lag again', async () => {
    await show()
    rebuild = () => json(200, { ...running })
    await press('重建读模型')
    await press('开始重建', confirmation()!)
    expect(starts().map((r) => r.url)).toEqual(['/api/reporting/admin/rebuild'])
    expect(document.body.textContent).toContain('已开始重建：将重放 241 个事件')
    expect(statusReads()).toBe(2)
    expect(document.body.textContent).toContain('进行中')
    expect(document.body.textContent).toContain('113 / 226')
    expect(document.querySelector<HTMLButtonElement>('.el-button--primary')!.disabled).toBe(true)

    await pass(2_000)
    expect(statusReads()).toBe(3)
    rebuild = () => json(200, { ...done })
    const lagReads = net.sent.filter((r) => r.url.endsWith('/admin/consumers')).length
    await pass(2_000)
    expect(statusReads()).toBe(4)
    expect(document.body.textContent).toContain('已完成')
    expect(net.sent.filter((r) => r.url.endsWith('/admin/consumers')).length).toBe(lagReads + 1)
    await pass(10_000)
    expect(statusReads()).toBe(4)
  })

  it('says why a rebuild did not start (409: one is replaying) and follows the one that is', async () => {
    await show()
    start = () => problem(409, 'a rebuild started by ops-li at 2026-12-05T13:00:00Z is still replaying; follow it at GET /admin/rebuild')
    rebuild = () => json(200, { ...running, startedBy: 'ops-li' })
    await press('重建读模型')
    await press('开始重建', confirmation()!)
    expect(document.body.textContent).toContain('未开始重建：a rebuild started by ops-li')
    expect(document.body.textContent).toContain('ops-li')
    await pass(2_000)
    expect(statusReads()).toBe(3)
  })

  it('stops following a running rebuild once the screen is left', async () => {
    rebuild = () => json(200, { ...running })
    const w = await show()
    await pass(2_000)
    expect(statusReads()).toBe(2)
    w.unmount()
    wrapper = null
    await pass(20_000)
    expect(statusReads()).toBe(2)
  })
})
