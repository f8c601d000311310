// The console's first screen as an officer meets it, cold: a fresh browser profile (empty cache)
// opens the console, is sent to Keycloak's sign-in page, signs in, and waits until 我的任务 shows
// its tasks. Prints the time from pressing 登录 to 我的任务 shown, the time from opening the
// console, and the bytes that crossed the gateway (as sent: gzip where the gateway compresses),
// split into the console's JS+CSS, its other files, the APIs and Keycloak.
//
//   node scripts/first-screen-time.mjs [RUNS]     against RECT_GATEWAY_URL (default http://127.0.0.1:8180)
//
// RECT_DEMO_USER (default dzb, an officer) and RECT_DEMO_PASSWORD (default zhenggai-demo) sign in;
// Debian's Chromium (RECT_CHROMIUM, default /usr/bin/chromium) is driven by playwright-core.
import { withColdBrowser } from './coldBrowser.mjs'

const BASE = process.env.RECT_GATEWAY_URL ?? 'http://127.0.0.1:8180'
const USER = process.env.RECT_DEMO_USER ?? 'dzb'
const PASSWORD = process.env.RECT_DEMO_PASSWORD ?? 'zhenggai-demo'
const RUNS = Number(process.argv[2] ?? 3)

/** Which part of the traffic a URL belongs to. */
function partOf(url) {
  const path = new URL(url).pathname
  if (path.startsWith('/console/assets/') && /\.(js|css)$/.test(path)) return 'consoleJsCss'
  if (path.startsWith('/console/')) return 'consoleOther'
  if (path.startsWith('/api/')) return 'api'
  if (path.startsWith('/auth/')) return 'keycloak'
  return 'other'
}

async function once() {
  // A new profile each run: nothing cached, no session (cold).
  return withColdBrowser('console-first-screen', { width: 1280, height: 900 }, async (context) => {
    const page = context.pages()[0] ?? (await context.newPage())
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    const urls = new Map()
    const bytes = { consoleJsCss: 0, consoleOther: 0, api: 0, keycloak: 0, other: 0 }
    let counting = false
    cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url))
    // encodedDataLength: what came over the wire for the response, headers included, before decompression.
    cdp.on('Network.loadingFinished', (e) => {
      const url = urls.get(e.requestId)
      if (counting && url && url.startsWith(BASE)) bytes[partOf(url)] += e.encodedDataLength
    })

    counting = true
    const opened = performance.now()
    await page.goto(`${BASE}/console/`)
    await page.waitForSelector('#kc-login')
    const signInShown = performance.now()
    await page.fill('#username', USER)
    await page.fill('#password', PASSWORD)
    const pressed = performance.now()
    await page.click('#kc-login')
    await page.waitForURL(`${BASE}/console/my-tasks`)
    await page.getByRole('heading', { name: '我的任务' }).waitFor()
    // Shown: the table has its rows (or says it has none), not a loading mask.
    await page.locator('.el-table__row, .el-table__empty-text').first().waitFor()
    await page.waitForFunction(() => document.querySelector('.el-loading-mask') === null
      || [...document.querySelectorAll('.el-loading-mask')].every((m) => getComputedStyle(m).display === 'none'))
    const shown = performance.now()
    counting = false
    return { signInPage: signInShown - opened, afterSignIn: shown - pressed, total: shown - opened, bytes }
  })
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`
const s = (ms) => `${(ms / 1000).toFixed(2)} s`
const runs = []
for (let i = 0; i < RUNS; i++) runs.push(await once())
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
for (const [i, r] of runs.entries()) {
  console.log(`run ${i + 1}: 登录 → 我的任务 ${s(r.afterSignIn)} (sign-in page ${s(r.signInPage)}, opening → 我的任务 ${s(r.total)}); `
    + `console JS+CSS ${kb(r.bytes.consoleJsCss)}, other console files ${kb(r.bytes.consoleOther)}, APIs ${kb(r.bytes.api)}, Keycloak ${kb(r.bytes.keycloak)}`)
}
const last = runs[runs.length - 1]
console.log(`first screen (cold cache, ${USER}, median of ${RUNS}): 登录 → 我的任务 shown ${s(median(runs.map((r) => r.afterSignIn)))}, `
  + `opening the console → shown ${s(median(runs.map((r) => r.total)))}; through the gateway ${kb(last.bytes.consoleJsCss)} console JS+CSS as sent `
  + `(${kb(Object.values(last.bytes).reduce((a, b) => a + b, 0))} in all)`)
