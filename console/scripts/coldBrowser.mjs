// A browser as someone meets the console for the first time: Debian's Chromium (RECT_CHROMIUM, default
// /usr/bin/chromium) driven by playwright-core, a fresh profile each time (empty cache, no session), headless, in
// Chinese and Beijing time. For the measuring scripts beside it.
import { chromium } from 'playwright-core'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const CHROMIUM = process.env.RECT_CHROMIUM ?? '/usr/bin/chromium'

/** Runs `use(context)` in a cold browser of that viewport, then closes it and removes its profile; its result. */
export async function withColdBrowser(name, viewport, use) {
  const profile = mkdtempSync(join(tmpdir(), `${name}-`))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  try {
    return await use(context)
  } finally {
    await context.close()
    rmSync(profile, { recursive: true, force: true })
  }
}
