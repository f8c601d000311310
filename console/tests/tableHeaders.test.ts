// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { copyTableHeaders, vTableHeaders } from '@/tableHeaders'

/** An el-table as Element Plus draws it: a header table, then a body table, each in its own wrapper. */
function elTable(headerCells: string, rows = '<tr class="el-table__row"><td class="el-table__cell"><div class="cell">办公室</div></td><td class="el-table__cell"><div class="cell">整改中</div></td></tr>'): HTMLElement {
  const root = document.createElement('div')
  root.className = 'el-table'
  root.innerHTML = `<div class="el-table__header-wrapper"><table class="el-table__header"><colgroup><col><col></colgroup>`
    + `<thead><tr>${headerCells}</tr></thead></table></div>`
    + `<div class="el-table__body-wrapper"><table class="el-table__body"><colgroup><col><col></colgroup><tbody>${rows}</tbody></table></div>`
  document.body.appendChild(root)
  return root
}
const th = (label: string, extra = '') => `<th class="el-table__cell is-leaf"><div class="cell">${label}${extra}</div></th>`
const copyOf = (root: Element) => root.querySelector('.el-table__body > thead')
const labels = (root: Element) => [...root.querySelectorAll('.el-table__body > thead th')].map((cell) => [cell.getAttribute('scope'), cell.textContent])

describe('the body table\'s copy of the header row', () => {
  it('puts the column labels in a header row of the body table, before the rows, and hides the drawn header', () => {
    const root = elTable(th('责任单位') + th('状态'))
    copyTableHeaders(root)
    expect(labels(root)).toEqual([['col', '责任单位'], ['col', '状态']])
    const body = root.querySelector('.el-table__body')!
    expect([...body.children].map((part) => part.tagName)).toEqual(['COLGROUP', 'THEAD', 'TBODY'])
    expect(copyOf(root)!.querySelectorAll('th > span.visually-hidden')).toHaveLength(2)
    expect(root.querySelector('.el-table__header')!.getAttribute('aria-hidden')).toBe('true')
    // the cells are as drawn: their text, no hidden label added to them
    expect([...body.querySelectorAll('td')].map((cell) => cell.textContent)).toEqual(['办公室', '整改中'])
    expect(body.querySelectorAll('tbody tr')).toHaveLength(1)
  })

  it('copies the label only, and a header cell\'s span', () => {
    const root = elTable(`<th class="el-table__cell" colspan="2"><div class="cell">时限<span class="unit"></span></div></th>`)
    copyTableHeaders(root)
    expect(labels(root)).toEqual([['col', '时限']])
    expect(copyOf(root)!.querySelector('th')!.getAttribute('colspan')).toBe('2')
  })

  it('changes nothing when called again, and follows a label that changed', () => {
    const root = elTable(th('责任单位') + th('状态'))
    copyTableHeaders(root)
    const first = copyOf(root)
    copyTableHeaders(root)
    expect(copyOf(root)).toBe(first)
    expect(root.querySelectorAll('.el-table__body > thead')).toHaveLength(1)
    root.querySelector('.el-table__header th .cell')!.textContent = '牵头领导'
    copyTableHeaders(root)
    expect(labels(root)).toEqual([['col', '牵头领导'], ['col', '状态']])
    expect(root.querySelectorAll('.el-table__body > thead')).toHaveLength(1)
  })

  it('leaves a header holding controls (a sortable column, a select-all box) drawn and read, with no copy', () => {
    for (const cells of [
      `<th class="el-table__cell is-sortable"><div class="cell">完成时限<span class="caret-wrapper"></span></div></th>${th('状态')}`,
      `<th class="el-table__cell"><div class="cell"><label class="el-checkbox"><input type="checkbox"></label></div></th>${th('状态')}`,
    ]) {
      const root = elTable(cells)
      copyTableHeaders(root)
      expect(copyOf(root)).toBeNull()
      expect(root.querySelector('.el-table__header')!.hasAttribute('aria-hidden')).toBe(false)
    }
  })

  it('takes its copy out, and shows the header again, when the header comes to hold a control', () => {
    const root = elTable(th('责任单位') + th('状态'))
    copyTableHeaders(root)
    root.querySelector('.el-table__header th')!.classList.add('is-sortable')
    copyTableHeaders(root)
    expect(copyOf(root)).toBeNull()
    expect(root.querySelector('.el-table__header')!.hasAttribute('aria-hidden')).toBe(false)
  })

  it('waits for the header: nothing before Element Plus has drawn its columns', () => {
    const root = elTable('')
    copyTableHeaders(root)
    expect(copyOf(root)).toBeNull()
    expect(root.querySelector('.el-table__header')!.hasAttribute('aria-hidden')).toBe(false)
  })

  it('v-table-headers keeps the copy in step as the table is drawn again', async () => {
    const root = elTable('')
    vTableHeaders.mounted!(root, {} as never, {} as never, null)
    root.querySelector('.el-table__header thead tr')!.innerHTML = th('责任单位') + th('状态')
    await nextTick()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(labels(root)).toEqual([['col', '责任单位'], ['col', '状态']])
    vTableHeaders.beforeUnmount!(root, {} as never, {} as never, null)
    root.querySelector('.el-table__header th .cell')!.textContent = '牵头领导'
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(labels(root)[0]).toEqual(['col', '责任单位'])
  })
})
