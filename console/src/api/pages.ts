import type { Page } from './types'
import { formatNumber } from '@/format'

/** The most a page of a service's list holds (platform-support's PageOf.MAX_SIZE). */
export const PAGE_MAX = 500
/** The most rows read for one screen: 20 pages. A list longer than that is said to be cut short (cutShort). */
export const READ_ALL_LIMIT = 10_000
/** Pages read at once after the first (which says how many there are). */
const AT_ONCE = 4

/** Every row of a filtered list, or its first READ_ALL_LIMIT; `total` is how many the service holds. */
export interface AllOf<T> {
  items: T[]
  total: number
}

/**
 * Every page of one list query, for a screen that counts or filters the rows itself (需关注, a unit's or an
 * inspection's choice): one page's rows would cut the list, and the counts, short. The first page says how many
 * there are; the others are read a few at a time. The services order by the sort asked for and then by id,
 * so pages neither skip nor repeat a row while nothing changes in between.
 */
export async function readAll<T>(pageOf: (page: number, size: number) => Promise<Page<T>>,
  limit = READ_ALL_LIMIT): Promise<AllOf<T>> {
  const first = await pageOf(0, PAGE_MAX)
  const pages = Math.min(Math.ceil(first.total / PAGE_MAX), Math.ceil(limit / PAGE_MAX))
  const items = [...first.items]
  for (let next = 1; next < pages; next += AT_ONCE) {
    const batch = Array.from({ length: Math.min(AT_ONCE, pages - next) }, (_, i) => pageOf(next + i, PAGE_MAX))
    for (const page of await Promise.all(batch)) items.push(...page.items)
  }
  const once = keptOnce(items)
  return { items: once.slice(0, limit), total: Math.max(first.total - (items.length - once.length), once.length) }
}

/** The rows in order, a row with an id only at its first place. */
function keptOnce<T>(rows: T[]): T[] {
  const seen = new Set<unknown>()
  return rows.filter((row) => {
    const id = typeof row === 'object' && row !== null ? (row as { id?: unknown }).id : undefined
    if (id === undefined) return true
    if (seen.has(id)) return false
    seen.add(id)
    return true
  })
}

/** '' when every row was read; else what the screen says of the rows it left out. */
export function cutShort(all: AllOf<unknown>): string {
  return all.total > all.items.length
    ? `只读取了前 ${formatNumber(all.items.length)} 项，共 ${formatNumber(all.total)} 项；请按巡视或单位缩小范围。` : ''
}
