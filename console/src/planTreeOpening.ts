// 全部展开 a slice at a time. Element Plus draws each node of the plan tree as a component of its own, about a
// millisecond a row on two cores: the 2,105 rows of a plan of 5 areas × 20 problems × 20 tasks, opened in one go,
// held the page 2.5-3.5 s (no scrolling, no typing, the button's spinner frozen). Opened in the tree's order a few
// hundred rows at a time, with a painted frame between, the rows on screen are there at once and the page answers
// while the rest opens below them.

/** A node to open and the rows opening it adds (its children). */
export interface Opening<T> {
  node: T
  rows: number
}

/**
 * The nodes in slices of about `budget` rows each, in their order; a node adding more than the budget is a slice
 * by itself (a node's children are drawn together). The first slice is `first` rows: what fills the screen.
 */
export function slicesOf<T>(openings: readonly Opening<T>[], budget: number, first = budget): T[][] {
  const slices: T[][] = []
  let slice: T[] = []
  let rows = 0
  for (const { node, rows: adds } of openings) {
    const limit = slices.length === 0 ? first : budget
    if (slice.length > 0 && rows + adds > limit) {
      slices.push(slice)
      slice = []
      rows = 0
    }
    slice.push(node)
    rows += adds
  }
  if (slice.length > 0) slices.push(slice)
  return slices
}

/** Waits for the rows just opened to be drawn and painted, so that input and scrolling are answered in between. */
export function nextPaint(): Promise<void> {
  return waitForPaint()
}

const painted = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
let waitForPaint = painted

/** The wait between slices made elsewhere (the console's tests let each paint through themselves); null: the browser's. */
export function replacePaint(wait: (() => Promise<void>) | null): void {
  waitForPaint = wait ?? painted
}

/**
 * Opens the nodes slice after slice, waiting for `paint` (nextPaint) after each; stops before a slice once `stopped`
 * says so (全部收起, a filter or the tree read anew meanwhile). Whether every slice was opened.
 */
export async function openInSlices<T>(slices: readonly T[][], open: (node: T) => void, stopped: () => boolean,
  paint: () => Promise<void>): Promise<boolean> {
  for (const slice of slices) {
    if (stopped()) return false
    for (const node of slice) open(node)
    await paint()
  }
  return true
}
