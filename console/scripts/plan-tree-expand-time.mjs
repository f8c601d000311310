// 全部展开 in the plan tree as the office meets it: signs in as zhengban, opens an inspection's 整改方案, clicks
// 全部展开 and waits until the button is done and a frame is painted. Prints, per run, the time from the click to
// then, the longest task that held the page (no input or painting meanwhile) and the sum of such tasks over 50 ms,
// the API requests the click made, and the nodes the tree has open; then scrolls to the tree's end and says
// which task is last (every node reached, whether drawn at once or as it scrolls into view).
//
//   INSPECTION=<id> node scripts/plan-tree-expand-time.mjs [RUNS]   against RECT_GATEWAY_URL (default http://127.0.0.1:8180)
//
// A plan of 2,000 tasks to measure: deploy/bench/reads (7.) posts such plans; SHOT=<file.png> keeps a screenshot
// of the last run's opened tree. Debian's Chromium (RECT_CHROMIUM, default /usr/bin/chromium) is driven by playwright-core.
import { withColdBrowser } from './coldBrowser.mjs'

const BASE = process.env.RECT_GATEWAY_URL ?? 'http://127.0.0.1:8180'
const INSPECTION = process.env.INSPECTION ?? ''
const USER = process.env.RECT_DEMO_USER ?? 'zhengban'
const PASSWORD = process.env.RECT_DEMO_PASSWORD ?? 'zhenggai-demo'
const RUNS = Number(process.argv[2] ?? 3)
if (!INSPECTION) throw new Error('INSPECTION=<the inspection id> is needed')

// In the page before its scripts: the tasks of 50 ms or more that kept it from answering (Long Tasks API).
const watchLongTasks = () => {
  window.__longTasks = []
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration })
  }).observe({ type: 'longtask', buffered: true })
  // the click's moment as the page saw it
  document.addEventListener('click', (e) => {
    if (e.target instanceof Element && e.target.closest('button')?.textContent?.trim() === '全部展开') window.__clicked = performance.now()
  }, true)
}

async function once(shot) {
  return withColdBrowser('plan-tree-expand', { width: 1440, height: 900 }, async (context) => {
    const page = context.pages()[0] ?? (await context.newPage())
    await page.addInitScript(watchLongTasks)
    await page.goto(`${BASE}/console/`)
    await page.fill('#username', USER)
    await page.fill('#password', PASSWORD)
    await page.click('#kc-login')
    await page.waitForURL(/\/console\//)
    await page.goto(`${BASE}/console/inspections/${INSPECTION}/plan`)
    await page.locator('.node.area').first().waitFor()
    await page.waitForLoadState('networkidle')

    const requests = []
    page.on('request', (r) => { if (r.url().includes('/api/')) requests.push(new URL(r.url()).pathname) })
    await page.getByRole('button', { name: '全部展开' }).click()
    // done: the button no longer loading, then a frame painted after it
    const [screen, done] = await page.evaluate(() => new Promise((resolve) => {
      let screen
      const check = () => {
        screen ??= document.querySelectorAll('.node.task').length >= 20 ? performance.now() : undefined
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === '全部展开')
        if (button && !button.classList.contains('is-loading')) requestAnimationFrame(() => setTimeout(() => resolve([screen, performance.now()])))
        else requestAnimationFrame(check)
      }
      check()
    }))
    const measured = await page.evaluate(([screen, done]) => {
      const clicked = window.__clicked
      const held = window.__longTasks.filter((t) => t.start + t.duration >= clicked && t.start <= done)
      return {
        took: done - clicked,
        screen: (screen ?? done) - clicked,
        longest: Math.max(0, ...held.map((t) => t.duration)),
        blocked: held.reduce((sum, t) => sum + t.duration, 0),
        open: document.querySelectorAll('[role="treeitem"][aria-expanded="true"]').length,
        drawn: document.querySelectorAll('.node .label').length,
      }
    }, [screen, done])
    const apiRequests = requests.length
    if (shot) await page.screenshot({ path: shot })
    // the tree's end: the last task, reached by scrolling (the page, or the tree's own scroller)
    await page.evaluate(() => {
      window.scrollTo(0, document.body.scrollHeight)
      for (const s of document.querySelectorAll('.el-tree, .el-tree-virtual-list, .el-vl__window')) s.scrollTop = s.scrollHeight
    })
    await page.waitForTimeout(300)
    const last = await page.evaluate(() => [...document.querySelectorAll('.node .label')].at(-1)?.textContent?.trim())
    return { ...measured, apiRequests, requests, last }
  })
}

const ms = (n) => `${Math.round(n)} ms`
const runs = []
for (let i = 0; i < RUNS; i++) {
  const r = await once(i === RUNS - 1 ? process.env.SHOT : undefined)
  runs.push(r)
  console.log(`run ${i + 1}: 全部展开 ${ms(r.took)} (a screen of tasks drawn after ${ms(r.screen)}); longest task ${ms(r.longest)}, tasks over 50 ms ${ms(r.blocked)} in all; `
    + `${r.apiRequests} API requests (${[...new Set(r.requests)].join(' ')}); ${r.open} nodes open, ${r.drawn} labels drawn; last: ${r.last}`)
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
console.log(`全部展开 (${USER}, median of ${RUNS}): ${ms(median(runs.map((r) => r.took)))}, a screen of tasks after ${ms(median(runs.map((r) => r.screen)))}, longest task ${ms(median(runs.map((r) => r.longest)))}, `
  + `${median(runs.map((r) => r.apiRequests))} API requests`)
