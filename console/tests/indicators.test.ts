import { describe, expect, it } from 'vitest'
import { parseDecimal, targetLine } from '@/indicators'

describe('indicators', () => {
  it('reads numbers as people type them, and nothing else', () => {
    expect(parseDecimal(' 1,200 ')).toBe(1200)
    expect(parseDecimal('１２．５')).toBe(12.5)
    expect(parseDecimal('-3')).toBe(-3)
    expect(parseDecimal('92%')).toBeNull()
    expect(parseDecimal('')).toBeNull()
    expect(parseDecimal('1.2.3')).toBeNull()
  })

  it('says the target with its direction', () => {
    expect(targetLine({ targetKind: 'ABSOLUTE', targetValue: 90, direction: 'INCREASE', unit: '%' })).toBe('≥ 90 %')
    expect(targetLine({ targetKind: 'ABSOLUTE', targetValue: 5, direction: 'DECREASE', unit: null })).toBe('≤ 5')
    expect(targetLine({ targetKind: 'RELATIVE_PERCENT', targetValue: 10, direction: 'DECREASE', unit: '人' })).toBe('较基线下降 10%')
  })
})
