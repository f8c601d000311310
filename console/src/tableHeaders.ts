import type { ObjectDirective } from 'vue'

// Element Plus draws a table's header row and its body as two <table>s (el-table__header,
// el-table__body), so the browser sees a table of headings with no cells and a table of cells with
// no headings: a screen reader's table commands name no cell's column. This gives the body table a
// header row of its own, copied from the drawn one: a <thead> of <th scope="col"> with each column's
// label only, not drawn (no height, the text clipped), and takes the drawn header table out of the
// accessibility tree (aria-hidden), so the headings are read once, in the table of the cells.
// The cells themselves are not touched: their accessible names stay their text.
// A header holding controls (a sortable column, a filter, a select-all box) would be hidden from a
// screen reader with them, so such a table is left as Element Plus draws it; none in the console is.

/** What marks the header row this module put in a body table, and the header table it hid. */
const COPY = 'data-header-copy'
const HIDDEN = 'data-header-hidden'

/** What in a drawn header a user can act on: hiding it would hide these. */
const CONTROLS = 'th.is-sortable, .el-table__column-filter-trigger, .el-checkbox, input, button, select, textarea, a[href], [tabindex]'

/** The column labels of the header table's first row, in order, with each cell's span. */
function labelsOf(header: Element): { label: string, span: number }[] {
  const row = header.querySelector(':scope > thead > tr')
  if (row === null) return []
  return cellsOf(row).map((th) => ({
    // the .cell div holds the label (and a sort caret or filter icon, neither with text)
    label: (th.querySelector('.cell')?.textContent ?? th.textContent ?? '').trim(),
    span: Number(th.getAttribute('colspan') ?? 1) || 1,
  }))
}

// (children and attributes, not the table API's rows, cells and colSpan: the tests' DOM has not all of it)
function cellsOf(row: Element): Element[] {
  return [...row.children].filter((cell) => cell.tagName === 'TH' || cell.tagName === 'TD')
}

function sameLabels(thead: Element, labels: { label: string, span: number }[]): boolean {
  const row = thead.querySelector(':scope > tr')
  const cells = row === null ? [] : cellsOf(row)
  return cells.length === labels.length
    && cells.every((th, i) => th.textContent === labels[i]!.label && Number(th.getAttribute('colspan') ?? 1) === labels[i]!.span)
}

function headerRow(labels: { label: string, span: number }[]): HTMLElement {
  const thead = document.createElement('thead')
  thead.setAttribute(COPY, '')
  thead.className = 'table-header-copy'
  const tr = thead.appendChild(document.createElement('tr'))
  for (const { label, span } of labels) {
    const th = document.createElement('th')
    th.setAttribute('scope', 'col')
    if (span > 1) th.setAttribute('colspan', String(span))
    const text = document.createElement('span')
    text.className = 'visually-hidden'
    text.textContent = label
    th.appendChild(text)
    tr.appendChild(th)
  }
  return thead
}

/** Takes out what this module put in `root` (its copy; the header table's aria-hidden). */
function undo(root: Element) {
  for (const copy of root.querySelectorAll(`thead[${COPY}]`)) copy.remove()
  for (const header of root.querySelectorAll(`[${HIDDEN}]`)) {
    header.removeAttribute('aria-hidden')
    header.removeAttribute(HIDDEN)
  }
}

/**
 * Gives the el-table `root` a copy of its header row in its body table and hides the drawn header
 * from assistive technology, or, when the header holds controls, leaves the table as drawn. Changes
 * nothing when the copy is already in step, so it may be called on every change of the table.
 */
export function copyTableHeaders(root: Element): void {
  const header = root.querySelector('table.el-table__header')
  const body = root.querySelector('table.el-table__body')
  if (header === null || body === null || header.querySelector(CONTROLS) !== null) {
    undo(root)
    return
  }
  const labels = labelsOf(header)
  if (labels.length === 0) {
    undo(root)
    return
  }
  const copy = body.querySelector(`:scope > thead[${COPY}]`)
  if (copy === null || !sameLabels(copy, labels)) {
    copy?.remove()
    // before the rows (after the colgroup): the first row of the table, as a header row is
    body.insertBefore(headerRow(labels), body.querySelector(':scope > tbody'))
  }
  if (header.getAttribute('aria-hidden') !== 'true') {
    header.setAttribute('aria-hidden', 'true')
    header.setAttribute(HIDDEN, '')
  }
}

const observers = new WeakMap<Element, MutationObserver>()

/**
 * v-table-headers on an el-table: keeps its body table's copy of the header row in step as Element
 * Plus draws it (the columns register after the table mounts) and as the labels or rows change.
 */
export const vTableHeaders: ObjectDirective<HTMLElement> = {
  mounted(root) {
    copyTableHeaders(root)
    const observer = new MutationObserver(() => copyTableHeaders(root))
    observer.observe(root, { subtree: true, childList: true, characterData: true })
    observers.set(root, observer)
  },
  beforeUnmount(root) {
    observers.get(root)?.disconnect()
    observers.delete(root)
  },
}
