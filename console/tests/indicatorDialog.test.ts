// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import type { IndicatorValue, IndicatorView, TaskSnapshot } from '@/api/types'
import IndicatorValueDialog from '@/components/IndicatorValueDialog.vue'
import { forgetPeopleNames } from '@/composables/usePeopleNames'
import { valueWithUnit } from '@/indicators'
import { serveApi } from './recordedNetwork'

// 录入指标值: the indicator's figures with their unit only where there is a figure, and its history naming
// who recorded each value as the rest of the console names people (reporting-service GET /people).
const history: IndicatorValue[] = [
  { id: 'v1', value: 85.5, source: '统计局2026年三季度报表', recordedAt: '2026-10-12T09:00:00+08:00', recordedBy: 'dzb' },
  { id: 'v2', value: 92, source: '统计局2026年11月报表', recordedAt: '2026-11-30T16:30:00+08:00', recordedBy: 'zhengban' },
] as IndicatorValue[]

serveApi(() => ({
  tasks: { indicatorHistory: async () => history },
  people: { names: async () => [{ username: 'dzb', displayName: '李科长（党政办公室）', unit: '党政办公室' }] },
}))

const task = { id: 't1', version: 3 } as unknown as TaskSnapshot
const indicator = {
  id: 'i1', name: '问题整改率', unit: '%', baseline: null, targetKind: 'ABSOLUTE', targetValue: 90, direction: 'AT_LEAST',
  latestActual: null, latestSource: null, met: false,
} as unknown as IndicatorView

let wrapper: VueWrapper | null = null
afterEach(() => { forgetPeopleNames() })

async function open(shown: IndicatorView) {
  vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }))
  wrapper = mount(IndicatorValueDialog, { props: { open: true, task, indicator: shown }, global: { plugins: [ElementPlus] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

describe('录入指标值', () => {
  it('writes a figure\'s unit after it, and none after a figure not there', () => {
    expect(valueWithUnit(null, '%')).toBe('—')
    expect(valueWithUnit(85.5, '%')).toBe('85.5%')
    expect(valueWithUnit(1200, '起')).toBe('1,200 起')
    expect(valueWithUnit(3, null)).toBe('3')
  })

  it('says 基线 — and 最新值 — without a unit after the dash', async () => {
    await open(indicator)
    const line = document.querySelector('.figures')!.textContent!
    expect(line).toContain('基线 —；')
    expect(line).toContain('最新值 —')
    expect(line).not.toContain('—%')
    wrapper?.unmount()
    await open({ ...indicator, baseline: 80, latestActual: 92 })
    expect(document.querySelector('.figures')!.textContent).toContain('基线 80%；最新值 92%')
  })

  it('names who recorded each value by the name colleagues know, the username where the directory has none', async () => {
    await open(indicator)
    const rows = [...document.querySelectorAll('.history tbody tr')].map((tr) => tr.textContent ?? '')
    expect(rows).toHaveLength(2)
    expect(rows[0]).toContain('zhengban')
    expect(rows[1]).toContain('李科长（党政办公室）')
    expect(rows.join('')).not.toMatch(/dzb/)
  })
})
