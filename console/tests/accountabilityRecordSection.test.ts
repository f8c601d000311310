// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import type { Outcome } from '@/api/governance'
import { formatDateTime } from '@/format'
import AccountabilityRecordSection, { type ListedCorrectableRecord } from '@/components/AccountabilityRecordSection.vue'
import type { Column } from '@/rowColumns'
import { STANDING } from './accountabilityRecords'

const first: Outcome = {
  id: 'o1', inspectionId: 'i1', version: 2, kind: 'ADMONISHMENT_TALK', people: 2, problemId: null,
  decidedOn: '2025-03-20', source: '区纪工委通报', createdAt: '2025-03-21T09:00:00+08:00', correctedAt: null, correctionReason: null,
  ...STANDING,
}
const corrected: Outcome = {
  ...first, id: 'o2', version: 3, people: 1, problemId: 'p1', source: '处理决定',
  correctedAt: '2025-04-02T10:30:00+08:00', correctionReason: '人数有误，以处理决定为准',
}

const duplicate: Outcome = {
  ...first, id: 'o3', version: 2, state: 'WITHDRAWN', withdrawnAt: '2026-12-05T10:00:00+08:00', withdrawnBy: 'office-wang',
  withdrawalReason: '网络超时后重复提交',
}

const PEOPLE: Column<Outcome> = { key: 'people', label: '人数', width: 56, text: (row) => `${row.people} 人`, card: 'title' }

let wrapper: VueWrapper | null = null

function render(props: { rows?: Outcome[]; mayRecord?: boolean } = {}) {
  wrapper = mount(AccountabilityRecordSection, {
    props: {
      title: '问责情况', buttonText: '记录问责', rows: props.rows ?? [first, corrected], loading: false,
      emptyText: '尚未记录问责情况', mayRecord: props.mayRecord ?? true,
      problemLabel: (id: string | null) => (id === null ? '整个巡视' : `问题 ${id}`),
      // the record's own column, as AccountabilityView gives it (mount takes the component's bound for its rows' type)
      columns: [PEOPLE] as unknown as Column<ListedCorrectableRecord>[],
    },
    global: { plugins: [ElementPlus] },
    attachTo: document.body,
  })
  return wrapper
}

const headers = (w: VueWrapper) => w.findAll('.el-table__header th').map((th) => th.text())
const bodyRows = (w: VueWrapper) => w.findAll('tbody tr').map((tr) => tr.findAll('td').map((td) => td.text()))
/** The buttons named so, by their text or (撤销, named 撤销登记) their accessible name. */
const button = (w: VueWrapper, name: string) =>
  w.findAll('button').filter((b) => b.text() === name || b.attributes('aria-label') === name)

describe('AccountabilityRecordSection', () => {
  it('names the section and its table by the title, with the record button', async () => {
    const w = render()
    await flushPromises()
    expect(w.find('section').attributes('aria-label')).toBe('问责情况')
    expect(w.find('h2').text()).toBe('问责情况')
    expect(w.find('.el-table').attributes('aria-label')).toBe('问责情况')
    expect(button(w, '记录问责')).toHaveLength(1)
  })

  it('puts the record\'s own columns first, then the problem, the document with the last correction, and 更正', async () => {
    const w = render()
    await flushPromises()
    expect(headers(w)).toEqual(['人数', '涉及问题', '出处文件', '操作'])
    const [plain, fixed] = bodyRows(w)
    expect(plain).toEqual(['2 人', '整个巡视', '区纪工委通报', '更正撤销'])
    expect(fixed!.slice(0, 2)).toEqual(['1 人', '问题 p1'])
    expect(fixed![2]).toBe(`处理决定 ${formatDateTime(corrected.correctedAt)} 更正：人数有误，以处理决定为准`)
    expect(plain![2]).not.toContain('更正：')
    expect(w.findAll('.keep')).toHaveLength(1)
  })

  it('asks to open the dialog blank for the button, and with the row for its 更正', async () => {
    const w = render()
    await flushPromises()
    await button(w, '记录问责')[0]!.trigger('click')
    await button(w, '更正')[1]!.trigger('click')
    expect(w.emitted('open')).toEqual([[null], [corrected]])
  })

  it('asks to withdraw a record (撤销登记) with the row', async () => {
    const w = render()
    await flushPromises()
    await button(w, '撤销登记')[1]!.trigger('click')
    expect(w.emitted('withdraw')).toEqual([[corrected]])
  })

  it('keeps a withdrawn record listed, greyed, with 已撤销, when, by whom and why, and nothing more to do with it', async () => {
    const w = render({ rows: [first, duplicate] })
    await flushPromises()
    const rows = w.findAll('tbody tr')
    expect(rows[0]!.classes()).not.toContain('row-withdrawn')
    expect(rows[1]!.classes()).toContain('row-withdrawn')
    const [, withdrawn] = bodyRows(w)
    expect(withdrawn![2]).toBe(`区纪工委通报 已撤销${formatDateTime(duplicate.withdrawnAt)} office-wang 撤销：网络超时后重复提交`)
    expect(withdrawn![3]).toBe('')
    expect(button(w, '更正')).toHaveLength(1)
    expect(button(w, '撤销登记')).toHaveLength(1)
  })

  it('offers neither the button nor 更正 to those who may not record', async () => {
    const w = render({ mayRecord: false })
    await flushPromises()
    expect(button(w, '记录问责')).toHaveLength(0)
    expect(headers(w)).toEqual(['人数', '涉及问题', '出处文件'])
    expect(button(w, '更正')).toHaveLength(0)
  })

  it('says when nothing is recorded yet', async () => {
    const w = render({ rows: [] })
    await flushPromises()
    expect(w.find('.el-table__empty-text').text()).toBe('尚未记录问责情况')
  })

  it('on a phone: a card a record, headed by its own first column, the correction under its document, 更正 at its foot', async () => {
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: query.includes('max-width'), addEventListener() {}, removeEventListener() {} }))
    const w = render()
    await flushPromises()
    expect(w.find('table').exists()).toBe(false)
    const cards = w.findAll('li.row-card')
    expect(cards.map((c) => c.find('.card-title').text())).toEqual(['2 人', '1 人'])
    expect(cards[1]!.findAll('.card-line dt').map((dt) => dt.text())).toEqual(['涉及问题', '出处文件'])
    expect(cards[1]!.find('.card-line:last-child dd').text()).toBe(`处理决定 ${formatDateTime(corrected.correctedAt)} 更正：人数有误，以处理决定为准`)
    await cards[1]!.find('.card-actions button').trigger('click')
    expect(w.emitted('open')).toEqual([[corrected]])
    await cards[1]!.findAll('.card-actions button')[1]!.trigger('click')
    expect(w.emitted('withdraw')).toEqual([[corrected]])
  })
})
