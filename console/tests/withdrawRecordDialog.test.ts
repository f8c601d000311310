// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import type { Funds, Outcome } from '@/api/governance'
import WithdrawRecordDialog from '@/components/WithdrawRecordDialog.vue'
import { json, client, network, serveApi } from './recordedNetwork'
import { field, press, type } from './dialogDom'
import { STANDING } from './accountabilityRecords'
import { GovernanceApi } from '@/api/governance'

// 撤销登记 through the real client; only fetch is replaced, so what is asserted is the request as it
// would leave the browser (method, path, If-Match, body).
const net = network()
serveApi(() => ({ governance: new GovernanceApi(client(net, '/api/tasks')) }))

const duplicate: Outcome = {
  id: 'o2', inspectionId: 'i1', version: 1, kind: 'ADMONISHMENT_TALK', people: 2, problemId: null,
  decidedOn: '2026-11-20', source: '纪工委〔2026〕12号', createdAt: '2026-11-21T09:00:00+08:00', correctedAt: null, correctionReason: null,
  ...STANDING,
}
const amount: Funds = {
  id: 'f2', inspectionId: 'i1', version: 3, kind: 'RECOVERED_FUNDS', amountWanYuan: 120.5, problemId: null,
  recordedOn: '2026-11-30', source: '财政局收缴凭证', createdAt: '2026-12-01T09:00:00+08:00', correctedAt: null, correctionReason: null,
  ...STANDING,
}
const withdrawnAnswer = (record: Outcome | Funds) => json(200, {
  ...record, version: record.version + 1, state: 'WITHDRAWN', withdrawnAt: '2026-12-05T10:00:00+08:00', withdrawnBy: 'office-wang',
  withdrawalReason: '重复录入',
}, 'application/json', { ETag: `"${record.version + 1}"` })

let wrapper: VueWrapper | null = null

function open(kind: 'outcome' | 'funds', record: Outcome | Funds): VueWrapper {
  wrapper = mount(WithdrawRecordDialog, {
    props: { open: true, inspectionId: 'i1', kind, record },
    global: { plugins: [ElementPlus] },
    attachTo: document.body,
  })
  return wrapper
}

describe('WithdrawRecordDialog', () => {
  it('shows the record to withdraw and what a withdrawal does', async () => {
    open('outcome', duplicate)
    await flushPromises()
    expect(document.body.textContent).toContain('撤销问责记录')
    expect(document.body.querySelector('[data-test="recorded"]')?.textContent).toBe('现记录：诫勉谈话2人，2026年11月20日，出处：纪工委〔2026〕12号')
    expect(document.body.textContent).toContain('不再计入合计和整改报告的数字')
  })

  it('asks for the reason before sending anything', async () => {
    const dialog = open('outcome', duplicate)
    await flushPromises()
    await press('确认撤销')
    expect(net.sent).toHaveLength(0)
    expect(field('withdraw-record-reason').closest('.el-form-item')?.textContent).toContain('请说明撤销原因')
    expect(dialog.emitted('withdrawn')).toBeUndefined()
  })

  it('withdraws an outcome with the reason, based on its version (If-Match)', async () => {
    const dialog = open('outcome', duplicate)
    await flushPromises()
    net.answer = () => withdrawnAnswer(duplicate)
    type('withdraw-record-reason', ' 网络超时后重复提交 ')
    await press('确认撤销')
    expect(net.sent).toHaveLength(1)
    const [request] = net.sent
    expect(request!.url).toBe('/api/tasks/inspections/i1/accountability/outcomes/o2/withdrawal')
    expect(request!.init.method).toBe('POST')
    expect(request!.init.headers).toMatchObject({ 'If-Match': '"1"' })
    expect(JSON.parse(String(request!.init.body))).toEqual({ reason: '网络超时后重复提交' })
    expect(dialog.emitted('withdrawn')).toHaveLength(1)
  })

  it('withdraws an amount at its own path and version', async () => {
    const dialog = open('funds', amount)
    await flushPromises()
    expect(document.body.querySelector('[data-test="recorded"]')?.textContent).toBe('现记录：追回资金120.5万元，2026年11月30日，出处：财政局收缴凭证')
    net.answer = () => withdrawnAnswer(amount)
    type('withdraw-record-reason', '同一收缴凭证重复录入')
    await press('确认撤销')
    expect(net.sent[0]!.url).toBe('/api/tasks/inspections/i1/accountability/funds/f2/withdrawal')
    expect(net.sent[0]!.init.headers).toMatchObject({ 'If-Match': '"3"' })
    expect(dialog.emitted('withdrawn')).toHaveLength(1)
  })

  it('keeps the reason after a 412 and withdraws against the version 重新载入 read', async () => {
    const dialog = open('outcome', duplicate)
    await flushPromises()
    net.answers.push(() => json(412, { status: 412, title: 'Precondition failed', currentVersion: 2 }, 'application/problem+json'))
    type('withdraw-record-reason', '重复录入')
    await press('确认撤销')
    expect(document.body.textContent).toContain('已被他人修改')
    expect(field('withdraw-record-reason').value).toBe('重复录入')
    expect(dialog.emitted('withdrawn')).toBeUndefined()

    const corrected = { ...duplicate, version: 2, people: 3 }
    net.answers.push(() => json(200, corrected, 'application/json', { ETag: '"2"' }))
    await press('重新载入')
    expect(net.sent[1]!.url).toBe('/api/tasks/inspections/i1/accountability/outcomes/o2')
    expect(document.body.querySelector('[data-test="recorded"]')?.textContent).toContain('诫勉谈话3人')
    net.answers.push(() => withdrawnAnswer(corrected))
    await press('确认撤销')
    expect(net.sent[2]!.init.headers).toMatchObject({ 'If-Match': '"2"' })
    expect(dialog.emitted('withdrawn')).toHaveLength(1)
  })

  it('says so when someone withdrew the record meanwhile (409)', async () => {
    open('funds', amount)
    await flushPromises()
    net.answer = () => json(409, { status: 409, title: 'Conflict', state: 'WITHDRAWN', detail: 'recovered funds f2 was withdrawn (撤销登记) by'
      + ' office-li at 2026-12-05T10:00+08:00: a withdrawn record is neither corrected nor withdrawn again' }, 'application/problem+json')
    type('withdraw-record-reason', '重复录入')
    await press('确认撤销')
    expect(document.body.textContent).toContain('该记录已由 office-li 撤销登记，不能再更正或撤销；请刷新页面查看')
  })
})
