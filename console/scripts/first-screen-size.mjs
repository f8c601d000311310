// The first screen's weight, gzip: what index.html loads (its script, styles and preloads) and
// what those import statically, plus the chunks of the layout and of each role's first screen
// (and what they import). Run after `npm run build`:  node scripts/first-screen-size.mjs
import { readFileSync, readdirSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const DIST = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist')
const ASSETS = join(DIST, 'assets')
const files = readdirSync(ASSETS)
const html = readFileSync(join(DIST, 'index.html'), 'utf8')

const gz = (name) => gzipSync(readFileSync(join(ASSETS, name)), { level: 9 }).length
/** Static imports of a chunk (`from"./x.js"`, `import"./x.js"`) and the CSS Vite attaches to it (same base name). */
function closure(start, seen = new Set()) {
  if (seen.has(start)) return seen
  seen.add(start)
  if (!start.endsWith('.js')) return seen
  const code = readFileSync(join(ASSETS, start), 'utf8')
  for (const m of code.matchAll(/(?:from|import)\s*["']\.\/([^"']+\.js)["']/g)) closure(m[1], seen)
  const css = start.replace(/-[\w-]{8}\.js$/, '')
  for (const f of files) if (f.endsWith('.css') && f.replace(/-[\w-]{8}\.css$/, '') === css) seen.add(f)
  return seen
}

const fromHtml = [...html.matchAll(/\/console\/assets\/([^"']+\.(?:js|css))/g)].map((m) => m[1])
const chunk = (prefix) => files.find((f) => f.startsWith(`${prefix}-`) && f.endsWith('.js'))
const entry = new Set()
for (const f of fromHtml) closure(f, entry)

function report(label, extra) {
  const all = new Set(entry)
  for (const name of extra) closure(chunk(name), all)
  let js = 0
  let css = 0
  for (const f of all) (f.endsWith('.css') ? (css += gz(f)) : (js += gz(f)))
  console.log(`${label.padEnd(34)} JS ${(js / 1024).toFixed(1)} KB + CSS ${(css / 1024).toFixed(1)} KB = ${((js + css) / 1024).toFixed(1)} KB gzip`)
  return js + css
}

report('entry (index.html)', [])
const worst = Math.max(
  report('officer: layout + 我的任务', ['AppLayout', 'MyTasksView']),
  report('office/supervisor: layout + 巡视', ['AppLayout', 'InspectionsView']),
)
if (worst > 500 * 1024) {
  console.error('the first screen is over 500 KB gzip')
  process.exitCode = 1
}
