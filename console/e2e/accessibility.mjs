// WCAG 2.1 A and AA checks by axe-core (Deque's engine, the one most accessibility audits and
// Lighthouse run) on the page as it shows now: the end-to-end test runs them on every screen it
// takes a picture of, and on the public pages, and fails on any violation (docs/console.md,
// "Accessibility"). axe-core finds what a program can find (names, labels, contrast, roles,
// landmarks, language); keyboard order and meaning still need a person.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** The rules' tags checked: WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/**
 * The violations on the page now, each as its rule, impact, what it asks, and the elements that
 * break it (their CSS selectors and axe's summary of what to fix; at most five per rule).
 *
 * axe is put into the page through the DevTools protocol, not as a script tag: the pages' CSP
 * (`script-src 'self'`) refuses inline scripts, and the test counts every refusal as a failure.
 */
export async function accessibilityViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    const session = await page.context().newCDPSession(page)
    try {
      const { exceptionDetails } = await session.send('Runtime.evaluate', { expression: AXE_SOURCE })
      if (exceptionDetails) throw new Error(`axe-core could not be loaded: ${exceptionDetails.text}`)
    } finally {
      await session.detach()
    }
  }
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.join(' '), fix: n.failureSummary })),
      count: v.nodes.length,
    }))
  }, WCAG_21_AA)
}

/** A readable account of violations found on named screens: [{ screen, violations }]. */
export function describeViolations(found) {
  return found.flatMap(({ screen, violations }) => violations.map((v) =>
    `${screen}: ${v.rule} (${v.impact}, ${v.count} element${v.count === 1 ? '' : 's'}): ${v.help}\n`
    + v.nodes.map((n) => `    ${n.target}\n      ${n.fix.replace(/\n/g, '\n      ')}`).join('\n'))).join('\n')
}
