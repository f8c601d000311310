// The folded side menu (1000 px and below) opened, as a finger and a keyboard meet it: 关闭菜单 shows at the
// dialog's top, at least 44 × 44 px, inside the window and over none of the entries; tapped, it closes the
// menu and the focus is back on 菜单; Tab goes round it and the entries; no axe violation while it is open.
// Runs without the services: vite serves page.ts (AppLayout with a supervisor's session), Debian's chromium shows it.
//   node e2e/folded-menu/check.mjs [OUT]   (pictures in OUT, default /tmp/folded-menu; RECT_CHROMIUM: another chromium)
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createServer } from 'vite'
import { chromium } from 'playwright-core'
import { accessibilityViolations, describeViolations } from '../accessibility.mjs'

const OUT = process.argv[2] ?? '/tmp/folded-menu'
mkdirSync(OUT, { recursive: true })
const console_ = fileURLToPath(new URL('../..', import.meta.url))
const server = await createServer({ root: console_, configFile: `${console_}/vite.config.ts`, server: { port: 0 }, logLevel: 'error' })
await server.listen()
const browser = await chromium.launch({ executablePath: process.env.RECT_CHROMIUM ?? '/usr/bin/chromium' })
const overlaps = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
try {
  // a phone, a tablet, the widest folded window
  for (const [width, height] of [[390, 844], [820, 1180], [1000, 800]]) {
    const page = await browser.newPage({ viewport: { width, height }, hasTouch: true, isMobile: width < 600 })
    await page.goto(`${server.resolvedUrls.local[0]}e2e/folded-menu/index.html`)
    const menuButton = page.getByRole('button', { name: '菜单', exact: true })
    await menuButton.tap()
    const dialog = page.getByRole('dialog', { name: '菜单' })
    const close = dialog.getByRole('button', { name: '关闭菜单' })
    await close.waitFor()
    await page.waitForTimeout(300) // Element Plus's transitions
    await page.screenshot({ path: join(OUT, `open-${width}.png`) })

    const box = await close.boundingBox()
    assert.ok(box.width >= 44 && box.height >= 44, `关闭菜单 at ${width} px is ${box.width} × ${box.height}`)
    assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= width && box.y + box.height <= height, `关闭菜单 inside the window at ${width} px`)
    const entries = await dialog.getByRole('link').evaluateAll((links) => links.map((a) => a.getBoundingClientRect().toJSON()))
    assert.deepEqual(await dialog.getByRole('link').allInnerTexts(), ['巡视与整改方案', '销号核实', '回头看', '意见建议办理', '待办', '审计核验'])
    assert.deepEqual(entries.filter((entry) => overlaps(box, entry)), [], `关闭菜单 over an entry at ${width} px`)
    // the topmost element at its centre is the button itself (or what is inside it): nothing lies over it
    assert.ok(await close.evaluate((b, r) => b.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)), box), `关闭菜单 not covered at ${width} px`)
    const violations = await accessibilityViolations(page)
    assert.equal(violations.length, 0, describeViolations(violations))

    // the keyboard: the open screen's entry has the focus; Tab from the last entry comes round to 关闭菜单
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), '销号核实')
    await dialog.getByRole('link', { name: '审计核验' }).focus()
    await page.keyboard.press('Tab')
    assert.ok(await close.evaluate((b) => b === document.activeElement), `Tab from the last entry reaches 关闭菜单 at ${width} px`)
    await page.screenshot({ path: join(OUT, `close-focused-${width}.png`) })
    await page.keyboard.press('Shift+Tab')
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), '审计核验', 'Shift+Tab from 关闭菜单 goes round to the last entry')

    // a finger: 关闭菜单 closes it, as Esc does, the focus back on 菜单
    await close.tap()
    await dialog.waitFor({ state: 'hidden' })
    assert.equal(await menuButton.getAttribute('aria-expanded'), 'false')
    assert.ok(await menuButton.evaluate((b) => b === document.activeElement), `closing gives the focus back to 菜单 at ${width} px`)
    await page.close()
  }
  console.log(`folded menu: 关闭菜单 at 390, 820 and 1000 px at least 44 × 44, over no entry, closes to 菜单; no axe violation (pictures in ${OUT})`)
} finally {
  await browser.close()
  await server.close()
}
