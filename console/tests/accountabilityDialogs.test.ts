// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import type { Component } from 'vue'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import type { Funds, Outcome } from '@/api/governance'
import type { ProblemRow } from '@/api/types'
import FundsDialog from '@/components/FundsDialog.vue'
import OutcomeDialog from '@/components/OutcomeDialog.vue'
import RecordSourceFields from '@/components/RecordSourceFields.vue'
import { json, client, network, serveApi } from './recordedNetwork'
import { field, press, type } from './dialogDom'
import { STANDING } from './accountabilityRecords'
import { GovernanceApi } from '@/api/governance'

// The dialogs talk to tasks-service through the real client; only fetch is replaced, so what is
// asserted is the request as it would leave the browser (method, path, If-Match, body).
const net = network()
serveApi(() => ({ governance: new GovernanceApi(client(net, '/api/tasks')) }))

const recorded: Funds = {
  id: 'f1', inspectionId: 'i1', version: 3, kind: 'RECOVERED_FUNDS', amountWanYuan: 12.05, problemId: 'p1',
  recordedOn: '2025-03-31', source: '损失追偿工作台账', createdAt: '2025-04-01T09:00:00+08:00', correctedAt: null, correctionReason: null,
  ...STANDING,
}
const outcome: Outcome = {
  id: 'o1', inspectionId: 'i1', version: 2, kind: 'ADMONISHMENT_TALK', people: 2, problemId: null,
  decidedOn: '2025-03-20', source: '区纪工委通报', createdAt: '2025-03-21T09:00:00+08:00', correctedAt: null, correctionReason: null,
  ...STANDING,
}
const problems: ProblemRow[] = [{
  problemId: 'p1', label: '（一）1.', areaNumber: 1, areaTitle: '落实全面从严治党不到位', problemNumber: 1, title: '加强廉政风险防控',
  source: 'INSPECTION', taskCount: 1, percentComplete: 40,
}]

/** The answer to a write: the record at its new version. */
const answer = (status: number, body: object, type = 'application/json') => json(status, body, type, { ETag: '"4"' })

let wrapper: VueWrapper | null = null

function open(record: Funds | Outcome | null, dialog: Component = FundsDialog): VueWrapper {
  wrapper = mount(dialog, {
    props: { open: true, inspectionId: 'i1', problems, record },
    global: { plugins: [ElementPlus] },
    attachTo: document.body,
  })
  return wrapper
}

describe('FundsDialog', () => {
  it('starts a correction from the entry: its amount, date and the shared source fields (problem, document)', async () => {
    const dialog = open(recorded)
    await flushPromises()
    expect(document.body.textContent).toContain('更正追回或挽回金额')
    expect(document.body.textContent).toContain('现记录：追回资金12.05万元')
    expect(field('fu-amount').value).toBe('12.05')
    expect(field('fu-source').value).toBe('损失追偿工作台账')
    const source = dialog.findComponent(RecordSourceFields)
    expect(source.props('problemId')).toBe('p1')
    expect(source.props('source')).toBe('损失追偿工作台账')
    expect(document.getElementById('fu-reason')).not.toBeNull()
  })

  it('sends the entry as it should read and the reason, based on its version (If-Match)', async () => {
    const dialog = open(recorded)
    await flushPromises()
    net.answer = () => answer(200, { ...recorded, version: 4, amountWanYuan: 120.5, correctionReason: '小数点错位' })
    type('fu-amount', ' 120.5 ')
    type('fu-reason', '录入时小数点错位，以台账为准')
    await press('保存更正')
    expect(net.sent).toHaveLength(1)
    const [request] = net.sent
    expect(request!.url).toBe('/api/tasks/inspections/i1/accountability/funds/f1')
    expect(request!.init.method).toBe('PUT')
    expect(request!.init.headers).toMatchObject({ 'If-Match': '"3"' })
    expect(JSON.parse(String(request!.init.body))).toEqual({
      funds: { kind: 'RECOVERED_FUNDS', amountWanYuan: '120.5', recordedOn: '2025-03-31', problemId: 'p1', source: '损失追偿工作台账' },
      reason: '录入时小数点错位，以台账为准',
    })
    expect(dialog.emitted('saved')).toHaveLength(1)
  })

  it('asks for a reason and a well-formed amount before sending anything', async () => {
    const dialog = open(recorded)
    await flushPromises()
    type('fu-amount', '12万')
    await press('保存更正')
    expect(net.sent).toHaveLength(0)
    expect(document.body.textContent).toContain('请说明更正原因')
    expect(document.body.textContent).toContain('金额应为数字（万元），最多四位小数')
    expect(dialog.emitted('saved')).toBeUndefined()
  })

  it('shows the field the service names (funds.amountWanYuan) next to the amount, and keeps what was typed after a 412', async () => {
    const dialog = open(recorded)
    await flushPromises()
    net.answer = () => answer(400, { status: 400, title: 'Bad Request',
      errors: [{ field: 'funds.amountWanYuan', message: 'must be less than or equal to 9999999999' }] }, 'application/problem+json')
    type('fu-amount', '9999999999.5')
    type('fu-reason', '以台账为准')
    await press('保存更正')
    const amountItem = field('fu-amount').closest('.el-form-item')
    expect(amountItem?.textContent).toContain('不能大于 9999999999')
    expect(dialog.emitted('saved')).toBeUndefined()

    net.answer = () => answer(412, { status: 412, title: 'Precondition failed', currentVersion: 4 }, 'application/problem+json')
    type('fu-amount', '120.5')
    await press('保存更正')
    expect(document.body.textContent).toContain('已被他人修改')
    expect(field('fu-amount').value).toBe('120.5')
    expect(field('fu-reason').value).toBe('以台账为准')
    expect(dialog.emitted('saved')).toBeUndefined()
  })

  it('records a new entry with POST and no reason field', async () => {
    const dialog = open(null)
    await flushPromises()
    expect(document.body.textContent).toContain('记录追回资金或挽回损失')
    expect(document.getElementById('fu-reason')).toBeNull()
    net.answer = () => answer(201, { ...recorded, id: 'f2', version: 1 })
    type('fu-amount', '30')
    type('fu-source', '审计整改报告')
    await press('记录')
    expect(net.sent[0]!.init.method).toBe('POST')
    expect(net.sent[0]!.url).toBe('/api/tasks/inspections/i1/accountability/funds')
    expect(JSON.parse(String(net.sent[0]!.init.body))).toMatchObject({ amountWanYuan: '30', source: '审计整改报告', problemId: null })
    expect(dialog.emitted('saved')).toHaveLength(1)
  })

  // A figure recorded twice is printed twice in the public report and cannot be removed (integrity review H2).
  it('sends the retry after a lost answer under the same Idempotency-Key, and the next record under a new one', async () => {
    const dialog = open(null)
    await flushPromises()
    net.answers.push(() => { throw new TypeError('Failed to fetch') }, () => answer(201, { ...recorded, id: 'f2', version: 1 }),
      () => answer(201, { ...recorded, id: 'f3', version: 1 }))
    type('fu-amount', '30')
    type('fu-source', '审计整改报告')
    await press('记录')
    expect(document.body.textContent).toContain('无法连接服务')
    await press('记录')
    await press('记录')
    const keys = net.sent.map((r) => (r.init.headers as Record<string, string>)['Idempotency-Key'])
    expect(keys[0]).toMatch(/^[0-9a-f-]{32,36}$/)
    expect(keys[1]).toBe(keys[0])
    expect(keys[2]).not.toBe(keys[0])
    expect(dialog.emitted('saved')).toHaveLength(2)
  })

  it('sends a correction without an Idempotency-Key (If-Match guards it)', async () => {
    open(recorded)
    await flushPromises()
    net.answer = () => answer(200, { ...recorded, version: 4, correctionReason: '小数点错位' })
    type('fu-reason', '录入时小数点错位，以台账为准')
    await press('保存更正')
    expect(net.sent[0]!.init.headers).not.toHaveProperty('Idempotency-Key')
  })
})

describe('OutcomeDialog', () => {
  const correct = () => open(outcome, OutcomeDialog)

  it('shows the record being corrected, as the amounts dialog does', async () => {
    correct()
    await flushPromises()
    expect(document.body.textContent).toContain('更正问责情况')
    expect(document.body.querySelector('[data-test="recorded"]')?.textContent).toContain('现记录：诫勉谈话2人')
    expect(document.body.querySelector('[data-test="recorded"]')?.textContent).toContain('出处：区纪工委通报')
    expect(field('ac-source').value).toBe('区纪工委通报')
  })

  it('asks for the reason of a correction before sending anything', async () => {
    const dialog = correct()
    await flushPromises()
    await press('保存更正')
    expect(net.sent).toHaveLength(0)
    expect(field('ac-reason').closest('.el-form-item')?.textContent).toContain('请说明更正原因')
    expect(dialog.emitted('saved')).toBeUndefined()
  })

  it('sends the record as it should read and the reason, based on its version (If-Match)', async () => {
    const dialog = correct()
    await flushPromises()
    net.answer = () => answer(200, { ...outcome, version: 3, kind: 'GOVERNMENT_SANCTION' })
    type('ac-reason', '录入时将政务处分误记为诫勉谈话')
    await press('保存更正')
    expect(net.sent).toHaveLength(1)
    const [request] = net.sent
    expect(request!.url).toBe('/api/tasks/inspections/i1/accountability/outcomes/o1')
    expect(request!.init.method).toBe('PUT')
    expect(request!.init.headers).toMatchObject({ 'If-Match': '"2"' })
    expect(JSON.parse(String(request!.init.body))).toEqual({
      outcome: { kind: 'ADMONISHMENT_TALK', people: 2, decidedOn: '2025-03-20', problemId: null, source: '区纪工委通报' },
      reason: '录入时将政务处分误记为诫勉谈话',
    })
    expect(dialog.emitted('saved')).toHaveLength(1)
  })
})
