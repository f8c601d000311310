// Layout checks the end-to-end test makes on a screen as the browser has laid it out, the one
// way it takes a picture of a whole page, and the one way it waits for a page's requests to end and
// for its animations to settle.

const inFlight = new WeakMap()

/** A held read (Prefer: wait) stays open until something changes: it is no load the page is waiting for. */
/** The page a request is for; none for a service worker's own. */
function pageOf(request) {
  try {
    return request.frame().page()
  } catch {
    return null
  }
}

const held = (request) => /\bwait=/.test(request.headers().prefer ?? '')

/**
 * Counts each page's requests in flight from now on; call it on a browser context before its pages
 * open, then {@link networkQuiet} on any of them.
 */
export function trackRequests(context) {
  const counting = (page) => inFlight.get(page) ?? inFlight.set(page, new Set()).get(page)
  context.on('request', (request) => {
    const page = pageOf(request)
    if (page !== null && !held(request)) counting(page).add(request)
  })
  const done = (request) => {
    const page = pageOf(request)
    if (page !== null) inFlight.get(page)?.delete(request)
  }
  context.on('requestfinished', done)
  context.on('requestfailed', done)
}

/**
 * Resolves once the page has had no request in flight for `quietMillis`, apart from held reads.
 * Playwright's 'networkidle' counts those too, so it never comes on a page that follows its task.
 */
export async function networkQuiet(page, quietMillis = 500, timeout = 30_000) {
  const started = Date.now()
  let quietSince = Date.now()
  for (;;) {
    if ((inFlight.get(page)?.size ?? 0) > 0) quietSince = Date.now()
    else if (Date.now() - quietSince >= quietMillis) return
    if (Date.now() - started > timeout) throw new Error(`requests still in flight after ${timeout} ms`)
    await page.waitForTimeout(50)
  }
}

/**
 * A picture of the whole page at the window's width: the window made as tall as the page, then
 * given back its height. Not Playwright's `fullPage`: Chromium's capture beyond the viewport may
 * resize the window to 1 × 1 for a moment, which the console's phone media query answers (a table
 * re-laid out as cards, and a preview dialog opened from one of its cells closed; seen in CI).
 */
export async function wholePage(page, path) {
  const window = page.viewportSize()
  const height = await page.evaluate(() => document.documentElement.scrollHeight)
  if (height > window.height) await page.setViewportSize({ width: window.width, height })
  await page.screenshot({ path })
  if (height > window.height) await page.setViewportSize(window)
}

/**
 * Every cell of the table in `section` lies inside the table's visible width and beside, not under,
 * its neighbour: a column fixed to the right edge of a table too wide for the screen covers the
 * columns scrolled beneath it (at 820 px it covered the accountability tables' 出处文件). Answers
 * the cells found wrong, with their rectangles; none when the table fits.
 */
export async function coveredCells(section) {
  return section.locator('.el-table').first().evaluate((table) => {
    const visible = table.getBoundingClientRect()
    const wrong = []
    for (const row of table.querySelectorAll('tr')) {
      const cells = [...row.children]
      cells.forEach((cell, i) => {
        const box = cell.getBoundingClientRect()
        const text = cell.textContent.trim().slice(0, 20)
        if (box.right > visible.right + 1 || box.left < visible.left - 1) {
          wrong.push(`"${text}" ends at ${Math.round(box.right)}, the table at ${Math.round(visible.right)}`)
        }
        const next = cells[i + 1]
        if (next && box.right > next.getBoundingClientRect().left + 1) {
          wrong.push(`"${text}" runs under "${next.textContent.trim().slice(0, 20)}"`)
        }
      })
    }
    return wrong
  })
}

/**
 * How far the page reaches past the window's right edge, in px (0 when it fits): the page wider than
 * the window (the body scrolls sideways), the content wider than its pane (#main scrolls by itself),
 * or an open dialog, confirmation or message box past an edge (its buttons out of reach). A table
 * wider than the screen scrolls inside itself and is not counted.
 */
export async function widerThanWindow(page) {
  return page.evaluate(() => {
    const main = document.getElementById('main')
    const boxes = [...document.querySelectorAll('.el-dialog, .el-message-box, .el-popconfirm')]
      .map((box) => box.getBoundingClientRect()).filter((box) => box.width > 0)
    return Math.max(document.documentElement.scrollWidth - window.innerWidth, main ? main.scrollWidth - main.clientWidth : 0,
      ...boxes.map((box) => Math.round(Math.max(box.right - window.innerWidth, -box.left))))
  })
}

// Transitions (a tree node opening, a dialog appearing, a tag fading in) finish before a picture is taken
// or axe-core reads the colours, so both see the page as a person does once it has settled, not half-way
// through (a tag half faded in read as text at 1.07:1). What the last change starts may begin a frame or
// two later (a resize re-renders a table as cards, whose tags then fade in): two frames pass first, then
// every finite animation running is waited for, until none is left (an endless spinner is not).
export async function settled(page) {
  await page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()))
    for (let round = 0; round < 10; round++) {
      await frame()
      await frame()
      const running = document.getAnimations().filter((a) => a.playState === 'running'
        && a.effect?.getComputedTiming().endTime !== Infinity)
      if (running.length === 0) return
      await Promise.all(running.map((a) => a.finished.catch(() => undefined)))
    }
  })
}
