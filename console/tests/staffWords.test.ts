// One staff vocabulary (review finding 8): the console's words for a task's state and a problem's
// source are the dashboard page's (reporting-service ui/dashboard.js), which reporting-service's
// DashboardWordsTest holds equal to platform StaffWords, the words of the lists and their exports.
import { describe, expect, it } from 'vitest'
import dashboard from '../../reporting-service/src/main/resources/META-INF/resources/ui/dashboard.js?raw'
import trackingPage from '../../feedback-service/src/main/resources/META-INF/resources/track.html?raw'
import { SOURCE_LABELS, STATE_LABELS } from '@/format'

/** Every file of the console's sources, as text. */
const sources = import.meta.glob('../src/**/*.{ts,vue}', { query: '?raw', import: 'default', eager: true }) as Record<string, string>

/** The object literal `var name = { KEY: '词', … };` of the dashboard's script. */
function words(name: string): Record<string, string> {
  const literal = new RegExp(`var ${name} = \\{([^}]*)\\};`).exec(dashboard)
  expect(literal, `dashboard.js declares ${name}`).not.toBeNull()
  return Object.fromEntries([...literal![1]!.matchAll(/([A-Z_]+): '([^']*)'/g)].map((m) => [m[1], m[2]]))
}

describe('the staff words', () => {
  it('name the states and sources as the dashboards, the lists and their exports do', () => {
    expect(STATE_LABELS).toEqual(words('STATES'))
    expect(SOURCE_LABELS).toEqual(words('SOURCES'))
  })

  it('say 待核验 for a claim, as the public page does, and count consolidation as closed out', () => {
    expect(STATE_LABELS.COMPLETION_CLAIMED).toBe('待核验')
    expect(STATE_LABELS.CONSOLIDATING).toBe('已销号（巩固中）')
  })

  it('name the code a member of the public follows a feedback by 查询码, as the form and the tracking page do', () => {
    expect(trackingPage).toContain('<label for="code">查询码</label>')
    expect(Object.keys(sources).length).toBeGreaterThan(50)
    // 登记编号 is the letter's or call's own number (receiptNumber), another thing
    expect(Object.entries(sources).filter(([, text]) => text.includes('受理编号')).map(([file]) => file)).toEqual([])
  })
})
