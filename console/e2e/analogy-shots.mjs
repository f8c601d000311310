// Screenshots of 举一反三 on the local stack (RECT_PORT_BASE's gateway): the roll-up of the demo's
// finding 规范资金资产使用管理 and the office's start dialog, at 1440 and 390 px.
//   BASE=http://127.0.0.1:8800 OUT=/tmp/ana-shots INSPECTION=<id> node e2e/analogy-shots.mjs
import { chromium } from 'playwright-core'

const BASE = process.env.BASE ?? 'http://127.0.0.1:8180'
const OUT = process.env.OUT ?? '/tmp'
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
try {
  for (const width of [1440, 390]) {
    const page = await browser.newPage({ viewport: { width, height: width === 390 ? 844 : 900 } })
    await page.goto(`${BASE}/console/`)
    await page.fill('#username', 'zhengban')
    await page.fill('#password', 'zhenggai-demo')
    await page.click('#kc-login')
    await page.waitForURL(/\/console\//)
    await page.goto(`${BASE}/console/inspections/${process.env.INSPECTION}/plan`)
    await page.getByText('优化配置资源要素不够有力', { exact: false }).first().click()
    const button = page.getByRole('button', { name: /举一反三：\d+\. 规范资金资产使用管理/ })
    await button.waitFor()
    await button.click()
    await page.getByText('合计', { exact: false }).first().waitFor()
    await page.waitForTimeout(500)
    await page.screenshot({ path: `${OUT}/analogy-rollup-${width}.png`, fullPage: false })
    await page.getByRole('button', { name: '发起举一反三' }).click()
    await page.getByText('延伸自').waitFor()
    await page.waitForTimeout(500)
    await page.getByRole('button', { name: '发起', exact: true }).click()
    await page.waitForTimeout(500)
    await page.screenshot({ path: `${OUT}/analogy-start-${width}.png`, fullPage: false })
    await page.close()
  }
} finally {
  await browser.close()
}
