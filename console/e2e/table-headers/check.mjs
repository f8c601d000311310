// Chromium's accessibility tree for a list (docs/console.md, "Tables' column headers"): RowTable's
// el-table must read as one table whose first row holds the columns' headers and whose other rows
// hold the cells, named by their text as before, with the drawn header table out of the tree. Runs
// without the services: vite serves page.ts, Debian's chromium shows it.
//   node e2e/table-headers/check.mjs   (RECT_CHROMIUM: another chromium)
import assert from 'node:assert/strict'
import { fileURLToPath } from 'node:url'
import { createServer } from 'vite'
import { chromium } from 'playwright-core'
import { accessibilityViolations, describeViolations } from '../accessibility.mjs'

const console_ = fileURLToPath(new URL('../..', import.meta.url))
const server = await createServer({ root: console_, configFile: `${console_}/vite.config.ts`, server: { port: 0 }, logLevel: 'error' })
await server.listen()
const browser = await chromium.launch({ executablePath: process.env.RECT_CHROMIUM ?? '/usr/bin/chromium' })
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 700 } })
  await page.goto(`${server.resolvedUrls.local[0]}e2e/table-headers/index.html`)
  await page.getByRole('cell', { name: '招商局', exact: true }).waitFor()

  // the tree as a screen reader gets it: each table, its rows, and each row's headers or cells
  const cdp = await page.context().newCDPSession(page)
  const { nodes } = await cdp.send('Accessibility.getFullAXTree')
  const byId = new Map(nodes.map((n) => [n.nodeId, n]))
  const shown = (n) => (n.childIds ?? []).map((id) => byId.get(id)).flatMap((c) => (c.ignored || c.role?.value === 'rowgroup' ? shown(c) : [c]))
  const tables = nodes.filter((n) => !n.ignored && n.role?.value === 'table')
  const read = tables.map((table) => shown(table).filter((r) => r.role?.value === 'row')
    .map((row) => shown(row).map((cell) => `${cell.role.value} ${cell.name?.value ?? ''}`)))
  assert.deepEqual(read, [
    [
      ['columnheader 编号', 'columnheader 整改任务', 'columnheader 责任单位', 'columnheader 状态', 'columnheader 操作'],
      ['cell 1.1', 'cell 修订制度', 'cell 办公室', 'cell 整改中', 'cell 查看'],
      ['cell 1.2', 'cell 开展培训', 'cell 招商局', 'cell 未开始', 'cell 查看'],
    ],
    [['columnheader 编号', 'columnheader 整改任务', 'columnheader 责任单位', 'columnheader 状态']],
  ], 'one table a list, its headers in the row above its cells')

  // what the end-to-end test finds rows and cells by still finds them, once
  assert.equal(await page.getByRole('row', { name: /招商局/ }).count(), 1)
  assert.equal(await page.locator('.el-table__row').count(), 2)
  assert.equal(await page.getByRole('columnheader', { name: '状态' }).count(), 2, 'one a list')
  // the copied row takes no room: the tables are as high as the drawn rows
  const copies = await page.locator('.table-header-copy').evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().height))
  assert.deepEqual(copies, [0, 0])
  const violations = await accessibilityViolations(page)
  assert.equal(violations.length, 0, describeViolations(violations))
  console.log('table headers: one table a list, headers above the cells; no axe violation')
} finally {
  await browser.close()
  await server.close()
}
