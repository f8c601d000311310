import { describe, expect, it } from 'vitest'
import { openInSlices, slicesOf } from '@/planTreeOpening'

const openings = (...rows: number[]) => rows.map((r, i) => ({ node: `n${i + 1}`, rows: r }))

describe('slicesOf: 全部展开 a few hundred rows at a time', () => {
  it('keeps the tree\'s order, a first slice of a screen and then slices up to the budget', () => {
    expect(slicesOf(openings(20, 20, 20, 20, 20, 20, 20), 60, 40)).toEqual([['n1', 'n2'], ['n3', 'n4', 'n5'], ['n6', 'n7']])
  })

  it('gives a node adding more than the budget a slice of its own (its children are drawn together)', () => {
    expect(slicesOf(openings(5, 400, 5, 5), 100)).toEqual([['n1'], ['n2'], ['n3', 'n4']])
  })

  it('has no slice when nothing is closed', () => {
    expect(slicesOf([], 100)).toEqual([])
  })
})

describe('openInSlices', () => {
  it('opens slice after slice with a paint between them', async () => {
    const done: string[] = []
    const finished = await openInSlices([['a', 'b'], ['c']], (n) => done.push(n), () => false,
      async () => { done.push('paint') })
    expect(finished).toBe(true)
    expect(done).toEqual(['a', 'b', 'paint', 'c', 'paint'])
  })

  it('opens no further slice once stopped (全部收起 meanwhile)', async () => {
    const done: string[] = []
    let stop = false
    const finished = await openInSlices([['a'], ['b'], ['c']], (n) => done.push(n), () => stop,
      async () => { stop = true })
    expect(finished).toBe(false)
    expect(done).toEqual(['a'])
  })
})
