// Layout checks the end-to-end test makes on a screen as the browser has laid it out, and the one
// way it takes a picture of a whole page.

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
