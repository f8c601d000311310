// Screenshots of every console screen, and of the dialogs opened from them, at a phone's width
// (390×844) and at 1280 px, on a running stack with the demo loaded (deploy/local/stack up). Each
// role signs in on Keycloak's page and visits its screens; nothing is submitted (the plan import's
// 预检 is a dry run), so the demo is left as it was. For each picture it prints whether something
// reaches past the window's edge (layout.mjs widerThanWindow: the body, the content pane or an open
// dialog) and the WCAG 2.1 AA violations axe-core finds in it (accessibility.mjs), and exits non-zero
// if anything reaches past the edge or breaks a rule. docs/console.md, "Every screen at a phone's width".
//
//   RECT_GATEWAY_URL=http://127.0.0.1:8180 OUT=/tmp/narrow-shots [HTML_OUT=/tmp/screens-html] node e2e/narrow-shots.mjs [WIDTH…]
//
// Pictures: OUT/<width>/<role>-<screen>.png (full page) and …-<dialog>.png (the window with the dialog).
import { chromium } from 'playwright-core'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { networkQuiet, settled, trackRequests, wholePage, widerThanWindow } from './layout.mjs'
import { accessibilityViolations, describeViolations } from './accessibility.mjs'

const BASE = process.env.RECT_GATEWAY_URL ?? 'http://127.0.0.1:8180'
const PASSWORD = process.env.RECT_DEMO_PASSWORD ?? 'zhenggai-demo'
const OUT = process.env.OUT ?? '/tmp/narrow-shots'
// Set: each picture's page as rendered (its DOM) is also written there, for the W3C's HTML checker (docs/console.md, "HTML").
const HTML_OUT = process.env.HTML_OUT
const WIDTHS = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [390, 1280]
const HEIGHT = { 390: 844 }

const browser = await chromium.launch({ executablePath: process.env.RECT_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
const overflowing = []
const inaccessible = []

/** Its requests ended and its animations settled (layout.mjs), and a moment more for what a screen starts on its own. */
async function quiet(page) {
  await networkQuiet(page).catch(() => undefined)
  await settled(page)
  await page.waitForTimeout(300)
}

async function picture(page, dir, name, fullPage) {
  await quiet(page)
  const extra = await widerThanWindow(page)
  await (fullPage ? wholePage(page, join(dir, `${name}.png`)) : page.screenshot({ path: join(dir, `${name}.png`) }))
  console.log(`${extra > 0 ? 'WIDER' : 'fits '} ${join(dir, name)}.png${extra > 0 ? ` (+${extra} px)` : ''}`)
  if (extra > 0) overflowing.push(`${dir}/${name} +${extra}px`)
  if (HTML_OUT) {
    mkdirSync(join(HTML_OUT, String(page.viewportSize().width)), { recursive: true })
    writeFileSync(join(HTML_OUT, String(page.viewportSize().width), `${name}.html`), await page.content())
  }
  const violations = await accessibilityViolations(page)
  if (violations.length > 0) {
    inaccessible.push({ screen: `${dir}/${name}`, violations })
    console.log(describeViolations([{ screen: `      ${name}`, violations }]))
  }
}

/** The signed-in person's API, through the gateway with the page's token. */
function api(page) {
  return (path) => page.evaluate(async (url) => {
    const key = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.user:'))
    const token = JSON.parse(sessionStorage.getItem(key)).access_token
    const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } })
    return response.json()
  }, `${BASE}${path}`)
}

/**
 * Signs in as `user`, then for each [name, path, dialogs] opens the screen and takes its picture,
 * then, for each dialog, opens the screen afresh, clicks what opens the dialog (or confirmation) and
 * takes the window's picture; nothing is confirmed.
 */
async function visit(width, user, screens) {
  const dir = join(OUT, String(width))
  mkdirSync(dir, { recursive: true })
  const context = await browser.newContext({ viewport: { width, height: HEIGHT[width] ?? 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  trackRequests(context)
  context.setDefaultTimeout(15_000)
  const page = await context.newPage()
  try {
    await page.goto(`${BASE}/console/`)
    await page.fill('#username', user)
    await page.fill('#password', PASSWORD)
    await page.click('#kc-login')
    // signed in: the header names the person (on a phone 退出登录 is in the name's menu)
    await page.locator('header [aria-label="当前登录"]').waitFor()
    for (const [name, path, dialogs = {}] of await screens(page)) {
      try {
        await open(page, path)
        await picture(page, dir, `${user}-${name}`, true)
      } catch (error) {
        process.exitCode = 1
        console.log(`FAILED ${user} ${name}: ${error.message.split('\n')[0]}`)
      }
      for (const [dialog, show] of Object.entries(dialogs)) {
        try {
          await open(page, path)
          // a dialog: the window as it shows; a form opened in the page: the whole page
          const shows = await show(page)
          if (shows === 'disabled') console.log(`skipped ${user}-${name}-${dialog}: not offered now`)
          else await picture(page, dir, `${user}-${name}-${dialog}`, shows === 'page')
        } catch (error) {
          process.exitCode = 1
          console.log(`FAILED ${user} ${name}-${dialog}: ${error.message.split('\n')[0]}`)
          await wholePage(page, join(dir, `${user}-${name}-${dialog}-FAILED.png`)).catch(() => undefined)
        }
      }
    }
  } finally {
    await context.close()
  }
}

async function open(page, path) {
  await page.goto(`${BASE}/console${path}`)
  await page.locator('#main').waitFor()
  await quiet(page)
}

const shown = (page) => page.locator('.el-dialog:visible, .el-popconfirm:visible, .el-message-box:visible').last().waitFor()

/**
 * Clicks the (first) button of that name and waits for the dialog, confirmation or message box it
 * opens; answers 'disabled' when the demo's state does not offer it (公布 with checks to handle).
 */
const click = (name) => async (page) => {
  const button = page.getByRole('button', { name, exact: true }).first()
  await button.waitFor()
  if (await button.isDisabled()) return 'disabled'
  await button.click()
  await shown(page)
}

/** 举一反三 of the first area's first finding. */
async function extensions(page) {
  await page.locator('.el-tree-node__content').first().click()
  await page.getByRole('button', { name: /^举一反三：/ }).first().click()
  await shown(page)
}

/** On a phone, the header's menu under the person's name (who, 通知设置, 退出登录); a desk's header shows them itself. */
async function account(page) {
  const menu = page.locator('header .el-dropdown')
  if (await menu.count() === 0) return 'disabled'
  await menu.getByRole('button').click()
  await page.getByRole('menuitem', { name: '退出登录' }).waitFor()
}

// A task breakdown table of one new row, for 预检 (a dry run: nothing is stored).
const PLAN = '反馈意见方面,具体问题,整改任务,整改措施,牵头领导,具体责任人,责任单位,完成时限,任务类型,调度频次\r\n'
  + '屏幕检查：任务分解表,窄屏核对,窄屏核对任务,逐项核对,管委会副主任,办公室主任,党政办公室,2099-06-30,TIME_BOUND,MONTHLY\r\n'

async function firstHref(page, path, selector) {
  await page.goto(`${BASE}/console${path}`)
  const link = page.locator(selector).first()
  await link.waitFor()
  return (await link.getAttribute('href')).replace(/^\/console/, '')
}

try {
  for (const width of WIDTHS) {
    await visit(width, 'zhengban', async (page) => {
      const inspection = (await firstHref(page, '/inspections', '#main a[href$="/plan"]')).split('/')[2]
      const tasks = (await api(page)(`/api/tasks/tasks?inspectionId=${inspection}&size=200`)).items
      // a task with an indicator, and one with a stage goal still to achieve, so that both forms show
      const measured = tasks.find((t) => t.indicators.length > 0) ?? tasks[0]
      const staged = tasks.find((t) => t.milestones.some((m) => !m.achievedAt)) ?? tasks[0]
      // one still open to 转为整改问题 and 合并重复件 (the inbox's first is the demo's latest, which it escalated)
      const open = (await api(page)('/api/feedback/feedback?size=100')).items.find((f) => ['RECEIVED', 'TRIAGED'].includes(f.status))
      const feedback = open ? `/feedback/${open.id}` : await firstHref(page, '/feedback', '#main a[href*="/feedback/"]')
      const meeting = await firstHref(page, `/inspections/${inspection}/meetings`, '#main a[href*="/meetings/"]')
      const at = `/inspections/${inspection}`
      return [
        ['inspections', '/inspections'],
        ['plan', `${at}/plan`, {
          extensions: extensions,
          analogy: async (p) => { await extensions(p); await click('发起举一反三')(p) },
          edit: async (p) => { // the tree's in-place editor, on the first area's first problem
            await p.locator('.el-tree-node__content').first().click()
            await p.getByRole('button', { name: /^修改：\d+\. / }).first().click()
            await p.getByRole('button', { name: '保存' }).first().waitFor()
            return 'page'
          },
        }],
        ['task', `/tasks/${measured.id}`, { edit: click('调整责任与时限'), indicator: click('录入指标值') }],
        ['task-goals', `/tasks/${staged.id}`, { achieve: click('标记达成') }],
        ['plan-import', `${at}/plan-import`, {
          'dry-run': async (p) => {
            await p.locator('input[type=file]').setInputFiles({ name: '任务分解表.csv', mimeType: 'text/csv', buffer: Buffer.from(PLAN) })
            await p.getByRole('button', { name: '预检', exact: true }).click()
            await p.getByRole('button', { name: '重新选择' }).waitFor()
            return 'page'
          },
        }],
        ['lists', `${at}/lists`],
        ['publications', `${at}/publications`],
        ['report', `${at}/report`, { publish: click('公布') }],
        ['leading-group', `${at}/leading-group`],
        ['accountability', `${at}/accountability`, { outcome: click('记录问责'), funds: click('记录金额'), correct: click('更正') }],
        ['meetings', `${at}/meetings`, {
          record: click('记录会议'),
          decision: async (p) => { // a decision's row of fields, scrolled into view
            await click('记录会议')(p)
            await p.getByRole('button', { name: '添加议定事项' }).click()
            await p.locator('.el-dialog:visible').getByRole('button', { name: /^删除/ }).scrollIntoViewIfNeeded()
          },
        }],
        ['meeting', meeting, { complete: click('标记完成') }],
        ['look-back', `/look-back?inspection=${inspection}`],
        ['feedback-inbox', '/feedback', { intake: click('登记来电来信') }],
        ['feedback', feedback, { escalate: click('转为整改问题'), merge: click('合并重复件'), close: click('办结') }],
        ['todos', '/todos'],
        ['notices', '/settings/notices'],
      ]
    })
    await visit(width, 'dzb', async (page) => {
      // one of dzb's unit (the demo's 党政办公室) that may be claimed now (under way, with its evidence), else
      // the first of the list; every unit's tasks are listed to an officer, the others' with no move for them
      const claimable = (await api(page)(`/api/tasks/tasks?size=200&unit=${encodeURIComponent('党政办公室')}`)).items
        .find((t) => t.allowedTransitions.includes('CLAIM_COMPLETION') && t.evidenceCount > 0)
      const task = claimable ? `/tasks/${claimable.id}` : await firstHref(page, '/my-tasks', '#main a[href*="/tasks/"]')
      return [['my-tasks', '/my-tasks', { account }], ['task', task, { claim: click('申请销号') }], ['todos', '/todos'], ['notices', '/settings/notices']]
    })
    await visit(width, 'ducha', async () => [
      ['verification', '/verification', {
        verify: async (p) => { await p.locator('#main .el-button--success').first().click(); await shown(p) }, // 核实通过 or 核实转入巩固
        reject: click('驳回'),
      }],
      ['look-back', '/look-back', { review: click('记录回头看') }],
      ['inspections', '/inspections'],
    ])
    // the feedback handler's header carries two tags (来信来电, 可查看个人信息)
    await visit(width, 'xinfang', async () => [['feedback-inbox', '/feedback', { account }]])
  }
} finally {
  await browser.close()
}
if (overflowing.length > 0) {
  console.log(`wider than the window:\n  ${overflowing.join('\n  ')}`)
  process.exitCode = 1
}
if (inaccessible.length > 0) {
  console.log(`WCAG 2.1 AA violations on ${inaccessible.length} pictures (above)`)
  process.exitCode = 1
}
