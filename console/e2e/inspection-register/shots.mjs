// Screenshots of 登记巡视 without the services: vite serves page.ts (巡视与整改方案 as the office sees it),
// playwright answers tasks-service's /inspections (a 400 naming two fields, then the 201), at 1440 and 390 px.
//   OUT=/tmp/multi-shots node e2e/inspection-register/shots.mjs
import { fileURLToPath } from 'node:url'
import { createServer } from 'vite'
import { chromium } from 'playwright-core'

const console_ = fileURLToPath(new URL('../..', import.meta.url))
const OUT = process.env.OUT ?? '/tmp/multi-shots'
const server = await createServer({ root: console_, configFile: `${console_}/vite.config.ts`, server: { port: 0 }, logLevel: 'error' })
await server.listen()
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
const first = { id: 'i1', version: 1, title: '十四届省委第一轮巡视', team: '省委第七巡视组', inspectedOrganisation: '某市人民政府', kind: 'REGULAR',
  onSiteFrom: '2025-03-03', onSiteTo: '2025-05-30', feedbackDate: '2025-07-10', createdAt: '2025-07-11T09:00:00+08:00' }
const second = { ...first, id: 'i2', title: '十四届省委第三轮巡视', team: '省委第三巡视组', inspectedOrganisation: '某市经济技术开发区党工委',
  onSiteFrom: '2026-03-02', onSiteTo: '2026-05-29', feedbackDate: '2026-07-10' }
try {
  for (const width of [1440, 390]) {
    const page = await browser.newPage({ viewport: { width, height: width === 390 ? 844 : 900 } })
    page.on('pageerror', (e) => console.error('pageerror', e.message))
    const list = [first]
    let posts = 0
    await page.route('**/api/tasks/inspections**', (route) => {
      if (route.request().method() === 'POST') {
        posts++
        if (posts === 1) return route.fulfill({ status: 400, contentType: 'application/problem+json', body: JSON.stringify({ status: 400,
          title: 'Constraint Violation', errors: [{ field: 'register.input.inspectedOrganisation', message: 'must not be blank' },
            { field: 'register.input.onSiteTo', message: 'must not be before onSiteFrom (2026-03-02)' }] }) })
        list.push(second)
        return route.fulfill({ status: 201, contentType: 'application/json', headers: { ETag: '"1"' }, body: JSON.stringify(second) })
      }
      return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ items: list, page: 0, size: 50, total: list.length }) })
    })
    await page.goto(`${server.resolvedUrls.local[0]}e2e/inspection-register/index.html`)
    await page.getByRole('button', { name: '登记巡视' }).click()
    await page.locator('#insp-title').waitFor()
    await page.fill('#insp-title', '十四届省委第三轮巡视')
    await page.fill('#insp-team', '省委第三巡视组')
    await page.fill('#insp-from', '2026-03-02')
    await page.keyboard.press('Enter')
    await page.fill('#insp-to', '2026-02-27')
    await page.keyboard.press('Enter')
    await page.getByRole('button', { name: '登记', exact: true }).click()
    await page.getByText('不能为空').waitFor()
    await page.waitForTimeout(500)
    await page.screenshot({ path: `${OUT}/register-refused-${width}.png` })
    await page.fill('#insp-organisation', '某市经济技术开发区党工委')
    await page.fill('#insp-to', '2026-05-29')
    await page.keyboard.press('Enter')
    await page.getByRole('button', { name: '登记', exact: true }).click()
    await page.getByText('下一步').waitFor()
    await page.waitForTimeout(800)
    await page.screenshot({ path: `${OUT}/register-done-${width}.png` })
    await page.close()
  }
} finally {
  await browser.close()
  await server.close()
}
