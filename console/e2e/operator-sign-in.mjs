// Checks the operator's sign-in on the command line against the REAL Keycloak (deploy/ops/sign-in,
// the realm's `ops-cli` client, OAuth 2.0's device authorization grant): the script prints an address,
// the operator signs in there in a browser with their own account, and the script hands over an
// access token with their own roles, which the services take; an officer signing in the same way
// gets an officer's token, which the operator's API refuses.
//
//   RECT_GATEWAY_URL=http://127.0.0.1:8180 node e2e/operator-sign-in.mjs
//
// Called by `deploy/local/stack test` after the browser test, on the end-to-end stack.
import { chromium } from 'playwright-core'
import { spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import assert from 'node:assert/strict'

const BASE = process.env.RECT_GATEWAY_URL ?? 'http://127.0.0.1:8180'
const PASSWORD = process.env.RECT_DEMO_PASSWORD ?? 'zhenggai-demo'
const CHROMIUM = process.env.RECT_CHROMIUM ?? '/usr/bin/chromium'
const SIGN_IN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'deploy', 'ops', 'sign-in')

/** Runs deploy/ops/sign-in, signs in as `username` at the address it prints; the token it printed. */
async function tokenOf(browser, username) {
  const child = spawn(SIGN_IN, [BASE])
  let said = ''
  let token = ''
  child.stderr.on('data', (chunk) => { said += chunk })
  child.stdout.on('data', (chunk) => { token += chunk })
  const exited = new Promise((resolve) => child.on('exit', resolve))
  const deadline = Date.now() + 30_000
  while (!/\bhttps?:\/\/\S+\/device\?user_code=\S+/.test(said)) {
    assert.ok(Date.now() < deadline, `no address from deploy/ops/sign-in: ${said}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  const address = said.match(/\bhttps?:\/\/\S+\/device\?user_code=\S+/)[0]
  const page = await browser.newPage({ locale: 'zh-CN' })
  await page.goto(address)
  await page.fill('#username', username)
  await page.fill('#password', PASSWORD)
  await page.click('#kc-login')
  await page.locator('#password').waitFor({ state: 'detached' })
  // Keycloak asks the person to confirm that the device (the command line) may act for them
  const accept = page.locator('[name=accept]')
  if (await accept.count()) {
    await accept.click()
    await accept.waitFor({ state: 'detached' })
  }
  await page.close()
  // the timer cleared once the script has ended: a timer still pending keeps node from exiting (it did, 60 s
  // of every CI run after the last sign-in, until 2026-12-07)
  let timer
  const timedOut = new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), 60_000) })
  const code = await Promise.race([exited, timedOut])
  clearTimeout(timer)
  assert.equal(code, 0, `deploy/ops/sign-in for ${username} ended ${code}: ${said}`)
  assert.match(said, /signed in/)
  return token.trim()
}

const claims = (token) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'))
const deadLetters = (token) => fetch(`${BASE}/api/tasks/dead-letters`, { headers: { Authorization: `Bearer ${token}` } })

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] })
try {
  const operator = await tokenOf(browser, 'yunwei')
  assert.equal(claims(operator).upn, 'yunwei')
  assert.deepEqual(claims(operator).groups, ['admin'])
  assert.equal(claims(operator).typ, 'Bearer', 'an access token, which the services take')
  assert.equal((await deadLetters(operator)).status, 200, "the operator's token opens the operator's API")
  const officer = await tokenOf(browser, 'dzb')
  assert.ok(!claims(officer).groups.includes('admin'), 'the officer gets their own roles only')
  assert.equal((await deadLetters(officer)).status, 403, "an officer's token does not open the operator's API")
  console.log('operator sign-in: deploy/ops/sign-in gave yunwei an admin token the services take, dzb an officer\'s they refuse')
} finally {
  await browser.close()
}
