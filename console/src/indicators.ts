// Indicators (指标) as the office reads them: the target with its direction, and values typed by people.
import type { IndicatorValue, IndicatorView } from '@/api/types'
import { formatDateTime, formatNumber } from '@/format'
import type { Column } from '@/rowColumns'

/** "≥ 90 %", "≤ 5 起", "较基线下降 10%": the target as the plan wrote it. */
export function targetLine(indicator: Pick<IndicatorView, 'targetKind' | 'targetValue' | 'direction' | 'unit'>): string {
  const value = formatNumber(indicator.targetValue)
  const unit = indicator.unit ?? ''
  const up = /HIGHER|UP|INCREASE|AT_LEAST/i.test(indicator.direction)
  if (/RELATIVE|PERCENT|CHANGE/i.test(indicator.targetKind)) return `较基线${up ? '提高' : '下降'} ${value}%`
  return `${up ? '≥' : '≤'} ${value}${unit === '' ? '' : ` ${unit}`}`
}

/** A figure with its unit ("85.5%", "1,200 起"); a figure not there is "—", with no unit after the dash. */
export function valueWithUnit(value: number | null | undefined, unit: string | null | undefined): string {
  if (value === null || value === undefined) return '—'
  const u = unit ?? ''
  return `${formatNumber(value)}${u === '' ? '' : u === '%' ? '%' : ` ${u}`}`
}

/** A number as people type it ("1,200", "１２.５", " 92 "); null when it is not one. */
export function parseDecimal(text: string): number | null {
  const normalised = text.trim()
    .replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s]/g, '')
  if (!/^-?\d+(\.\d+)?$/.test(normalised)) return null
  return Number(normalised)
}

/** A task's indicators (指标): the name, baseline, target, the latest value, its source and whether it meets the target. */
export const INDICATOR_COLUMNS: readonly Column<IndicatorView>[] = [
  { key: 'name', prop: 'name', label: '指标', card: 'title' },
  { key: 'baseline', label: '基线', width: 100, text: (i) => formatNumber(i.baseline) },
  { key: 'target', label: '目标', width: 150, text: targetLine },
  { key: 'latestActual', label: '最新值', width: 120, text: (i) => formatNumber(i.latestActual) },
  { key: 'latestSource', prop: 'latestSource', label: '来源' },
  { key: 'met', label: '达标', width: 80, text: (i) => (i.met === true ? '是' : i.met === false ? '否' : '—') },
]

/**
 * An indicator's values as recorded (录入指标值's 历次录入), the latest first; the value heads a phone's card. Who
 * recorded each is named as everywhere (`nameOf`: the people directory's name, the username without one).
 */
export function indicatorHistoryColumns(nameOf: (username: string | null) => string | null): Column<IndicatorValue>[] {
  return [
    { key: 'recordedAt', label: '录入时间', width: 160, text: (v) => formatDateTime(v.recordedAt) },
    { key: 'value', label: '数值', width: 110, align: 'right', text: (v) => formatNumber(v.value), card: 'title' },
    { key: 'source', prop: 'source', label: '来源' },
    { key: 'recordedBy', label: '录入人', width: 160, text: (v) => nameOf(v.recordedBy) ?? '—' },
  ]
}
