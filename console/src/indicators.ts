// Indicators (指标) as the office reads them: the target with its direction, and values typed by people.
import type { IndicatorView } from '@/api/types'
import { formatNumber } from '@/format'

/** "≥ 90 %", "≤ 5 起", "较基线下降 10%": the target as the plan wrote it. */
export function targetLine(indicator: Pick<IndicatorView, 'targetKind' | 'targetValue' | 'direction' | 'unit'>): string {
  const value = formatNumber(indicator.targetValue)
  const unit = indicator.unit ?? ''
  const up = /HIGHER|UP|INCREASE|AT_LEAST/i.test(indicator.direction)
  if (/RELATIVE|PERCENT|CHANGE/i.test(indicator.targetKind)) return `较基线${up ? '提高' : '下降'} ${value}%`
  return `${up ? '≥' : '≤'} ${value}${unit === '' ? '' : ` ${unit}`}`
}

/** A number as people type it ("1,200", "１２.５", " 92 "); null when it is not one. */
export function parseDecimal(text: string): number | null {
  const normalised = text.trim()
    .replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s]/g, '')
  if (!/^-?\d+(\.\d+)?$/.test(normalised)) return null
  return Number(normalised)
}
