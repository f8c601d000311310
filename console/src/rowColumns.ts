/**
 * A column of a list of rows, declared once and shown by RowTable as a table's column on a desk and
 * tablet and, on a phone, as a line of the row's card: the card's heading (`card: 'title'`, with the
 * row's number before it, `card: 'number'`), then every other column as "label：value".
 */
export interface Column<Row> {
  /** names the column, and the slot that may draw its cells */
  key: string
  label: string
  width?: number
  minWidth?: number
  align?: 'right'
  /** the table keeps the column in view at its right edge when it scrolls sideways (a tablet); a card ignores it */
  fixed?: 'right'
  /** a field shown as it is */
  prop?: keyof Row & string
  /** or what the cell says, from the row (and its place in the list, from 0) */
  text?: (row: Row, index: number) => string
  /** the cell links there */
  to?: (row: Row) => string
  /**
   * the pieces of the cell's text that never break inside (a plan number: taskNames.planNumberPieces), the table
   * breaking between them only when the column is too narrow for the whole
   */
  unbroken?: (text: string) => string[]
  /** on a phone's card: its heading, or the number before the heading; any other column is a line */
  card?: 'title' | 'number'
}

/** What a cell says in words: the column's text, else its field; an empty field is "—". */
export function cellText<Row>(column: Column<Row>, row: Row, index = 0): string {
  if (column.text) return column.text(row, index)
  const value = column.prop === undefined ? undefined : row[column.prop]
  return value === null || value === undefined || value === '' ? '—' : String(value)
}

/** A row's card from the columns: the number and heading, then the other columns as lines, in order. */
export function cardParts<Row>(columns: readonly Column<Row>[]): { number?: Column<Row>; title?: Column<Row>; lines: Column<Row>[] } {
  return {
    number: columns.find((c) => c.card === 'number'),
    title: columns.find((c) => c.card === 'title'),
    lines: columns.filter((c) => c.card === undefined),
  }
}

/** What el-table gives a column given neither width nor minWidth. */
const TABLE_COLUMN_MIN = 80

/**
 * The width a list's table takes with every column at its width or minimum (and the 操作 column, `actions`
 * wide, when the list has one): below it the table scrolls sideways.
 */
export function tableWidth<Row>(columns: readonly Column<Row>[], actions: number | null): number {
  return columns.reduce((sum, c) => sum + (c.width ?? c.minWidth ?? TABLE_COLUMN_MIN), 0) + (actions ?? 0)
}

/**
 * About the narrowest pane a list has on a 1280 px desk: the window less the 200 px side menu, a scrollbar,
 * the page's margins and a section's padding (985 px). A list whose table is wider still is a table there,
 * scrolling sideways with its 操作 column pinned, as on every desk; a tablet's pane (784 px at 1024) is less.
 */
export const DESK_PANE = 960

/**
 * Whether a list is shown as cards: always on a phone (the window at most PHONE_WIDTH); elsewhere when the
 * pane it is drawn in is narrower than its table (`needed`) and than a desk's pane. A table on a touch
 * screen shows no scrollbar, so on a tablet the columns past its right edge were simply not there (销号核实
 * showed its buttons without 进度 or 佐证). Not yet measured (`pane` null): by the window alone.
 */
export function asCards(pane: number | null, needed: number, phone: boolean): boolean {
  if (phone) return true
  return pane !== null && pane > 0 && pane < Math.min(needed, DESK_PANE)
}
