// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import type { PersonalDataKeys, RekeyStatus } from '@/api/personalDataKeys'
import { keyRows, PersonalDataKeysApi } from '@/api/personalDataKeys'
import PersonalDataKeysPanel from '@/components/PersonalDataKeysPanel.vue'
import { json, reset, client, network, serveApi } from './recordedNetwork'

// 运维：个人信息密钥 through the real client to feedback-service, answered here. The panel polls a
// running rekey every 2 s: the tests run its clock (setTimeout), so they say how much time passes.
const net = network()
serveApi(() => {
  const personalDataKeys = new PersonalDataKeysApi(client(net, '/api/feedback'))
  return { personalDataKeys }
})

const underOld: PersonalDataKeys = {
  currentKeyId: '2', previousKeyIds: ['1'], rowsUnderOtherKeys: [{ keyId: '1', rows: 900 }, { keyId: 'legacy', rows: 12 }], rowsToRekey: 912,
}
const allMoved: PersonalDataKeys = { ...underOld, rowsUnderOtherKeys: [], rowsToRekey: 0 }
const running: RekeyStatus = {
  id: '5e2a', state: 'RUNNING', startedBy: 'yunwei', startedAt: '2026-12-05T13:06:00Z', heartbeatAt: '2026-12-05T13:06:04Z',
  finishedAt: null, toKeyId: '2', fromKeyIds: ['1', 'legacy'], rowsToRekey: 912, rowsDone: 300, rekeyed: 296, withinWindow: 4,
  changedMeanwhile: 0, unopened: 0, runAgainAfter: '2026-12-05T13:30:00Z', detail: null,
}
const done: RekeyStatus = {
  ...running, state: 'DONE', finishedAt: '2026-12-05T13:06:09Z', rowsDone: 912, rekeyed: 908,
}
const problem = (status: number, detail?: string) => json(status, { status, title: 'x', detail }, 'application/problem+json')

/** feedback-service as the panel calls it: the keys, the rekey's status (changed by the test) and its start. */
let keys: () => Response
let rekey: () => Response
let start: () => Response
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  keys = () => json(200, underOld)
  rekey = () => problem(404, 'no rekey run was ever started')
  start = () => json(202, { id: '5e2a', toKeyId: '2', fromKeyIds: ['1', 'legacy'], rowsToRekey: 912 })
  net.answer = () => {
    const { url, init } = net.sent[net.sent.length - 1]!
    if (url === '/api/feedback/admin/personal-data/keys') return keys()
    if (url === '/api/feedback/admin/personal-data/rekey') return init.method === 'POST' ? start() : rekey()
    throw new Error(`unexpected ${url}`)
  }
})

let wrapper: VueWrapper | null = null

async function pass(millis = 300) {
  await flushPromises()
  await vi.advanceTimersByTimeAsync(millis)
  await flushPromises()
}

async function show() {
  vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }))
  wrapper = mount(PersonalDataKeysPanel, { global: { plugins: [ElementPlus] }, attachTo: document.body })
  await pass()
  return wrapper
}

async function press(label: string, within: ParentNode = document) {
  const button = [...within.querySelectorAll('button')].find((b) => b.textContent?.trim() === label)
  if (button === undefined) throw new Error(`no button ${label}`)
  button.click()
  await pass()
}

const statusReads = () => net.sent.filter((r) => r.url.endsWith('/rekey') && (r.init.method ?? 'GET') === 'GET').length
const keyReads = () => net.sent.filter((r) => r.url.endsWith('/keys')).length
const starts = () => net.sent.filter((r) => r.init.method === 'POST')
const confirmation = () => document.querySelector('.el-message-box')

describe('个人信息密钥', () => {
  it('lists the current key first, then each other key with the rows it still seals, legacy included', () => {
    expect(keyRows(underOld)).toEqual([
      { keyId: '2', current: true, rows: null },
      { keyId: '1', current: false, rows: 900 },
      { keyId: 'legacy', current: false, rows: 12 },
    ])
    expect(keyRows(allMoved)).toEqual([{ keyId: '2', current: true, rows: null }, { keyId: '1', current: false, rows: 0 }])
  })

  it('shows the keys and the latest run as feedback-service tells them', async () => {
    rekey = () => json(200, { ...done })
    const w = await show()
    const table = w.find('[aria-label="密钥与加密的记录"]').text()
    expect(table).toContain('当前')
    expect(table).toContain('900 条')
    expect(table).toContain('无编号（legacy')
    expect(w.text()).toContain('已完成')
    expect(w.text()).toContain('yunwei')
    expect(w.text()).toContain('2026年12月5日 21:06:09')
    expect(w.text()).toContain('已处理 912 / 912 条')
    expect(w.text()).toContain('2026年12月5日 21:30:00 之后再次重新加密')
  })

  it('says plainly that no run was ever started (404), and a refusal (403) for what could not be read', async () => {
    let w = await show()
    expect(w.find('.rekey-none').text()).toContain('还没有进行过重新加密')
    w.unmount()
    reset(net)
    keys = () => problem(403)
    rekey = () => problem(403)
    net.answer = () => (net.sent[net.sent.length - 1]!.url.endsWith('/keys') ? keys() : rekey())
    w = await show()
    expect(w.text()).toContain('密钥情况未能读取：您没有执行此操作的权限')
    expect(w.text()).toContain('重新加密状态未能读取：您没有执行此操作的权限')
    expect(w.text()).not.toContain('还没有进行过重新加密')
  })

  it('asks before a run, saying what it does to how many rows under which key; 取消 starts none', async () => {
    await show()
    await press('按当前密钥重新加密')
    const box = confirmation()
    expect(box).not.toBeNull()
    expect(box!.textContent).toContain('912 条')
    expect(box!.textContent).toContain('当前密钥（编号 2）重新加密')
    expect(box!.textContent).toContain('中断后再次运行从中断处继续')
    expect(box!.textContent).toContain('30 分钟查重时限')
    await press('取消', box!)
    expect(starts()).toHaveLength(0)
  })

  it('starts one once confirmed and follows it every 2 s until it is done, then counts the keys\' rows again', async () => {
    await show()
    rekey = () => json(200, { ...running })
    await press('按当前密钥重新加密')
    await press('开始重新加密', confirmation()!)
    expect(starts().map((r) => r.url)).toEqual(['/api/feedback/admin/personal-data/rekey'])
    expect(document.body.textContent).toContain('已开始重新加密：912 条记录')
    expect(document.body.textContent).toContain('进行中')
    expect(document.body.textContent).toContain('已处理 300 / 912 条')
    expect(document.querySelector<HTMLButtonElement>('.el-button--primary')!.disabled).toBe(true)
    const reads = statusReads()

    await pass(2_000)
    expect(statusReads()).toBe(reads + 1)
    rekey = () => json(200, { ...done })
    keys = () => json(200, allMoved)
    const keysBefore = keyReads()
    await pass(2_000)
    expect(statusReads()).toBe(reads + 2)
    expect(document.body.textContent).toContain('已完成')
    expect(keyReads()).toBe(keysBefore + 1)
    expect(wrapper!.find('[aria-label="密钥与加密的记录"]').text()).toContain('0 条')
    await pass(10_000)
    expect(statusReads()).toBe(reads + 2)
  })

  it('says why a run did not start (409: one is going on another instance) and follows that one', async () => {
    await show()
    start = () => problem(409, 'a rekey run started by ops-li at 2026-12-05T21:00:00+08:00 is still going (300 of 912 rows done)')
    rekey = () => json(200, { ...running, startedBy: 'ops-li' })
    await press('按当前密钥重新加密')
    await press('开始重新加密', confirmation()!)
    expect(document.body.textContent).toContain('未开始重新加密：a rekey run started by ops-li')
    expect(document.body.textContent).toContain('ops-li')
    const reads = statusReads()
    await pass(2_000)
    expect(statusReads()).toBe(reads + 1)
  })

  it('tells a run whose instance stopped as interrupted, and that a new run goes on from there', async () => {
    rekey = () => json(200, { ...running, state: 'FAILED', finishedAt: running.heartbeatAt,
      detail: 'the instance running it stopped; the batches it committed stay done, a new run goes on from there' })
    const w = await show()
    expect(w.text()).toContain('已中断')
    expect(w.text()).toContain('the instance running it stopped')
    expect(w.text()).toContain('再次重新加密会从中断处继续')
    expect(w.find<HTMLButtonElement>('.el-button--primary').element.disabled).toBe(false)
    await pass(10_000)
    expect(statusReads()).toBe(1)
  })

  it('stops following a running run once the screen is left', async () => {
    rekey = () => json(200, { ...running })
    const w = await show()
    await pass(2_000)
    expect(statusReads()).toBe(2)
    w.unmount()
    wrapper = null
    await pass(20_000)
    expect(statusReads()).toBe(2)
  })
})
