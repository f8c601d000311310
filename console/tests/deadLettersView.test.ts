// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import type { DeadLetter, WebhookDeadCall } from '@/api/deadLetters'
import DeadLettersView from '@/views/DeadLettersView.vue'
import { json, reset, client, network, serveApi } from './recordedNetwork'
import { press, settle, type } from './dialogDom'
import { DeadLettersApi, WebhookDeadLettersApi } from '@/api/deadLetters'

// 运维：死信 through the real clients to the three services, answered here.
const net = network()
serveApi(() => {
  const deadLetters = {
    tasks: new DeadLettersApi(client(net, '/api/tasks')),
    feedback: new DeadLettersApi(client(net, '/api/feedback')),
    reporting: new DeadLettersApi(client(net, '/api/reporting')),
  }
  const webhookDeadLetters = new WebhookDeadLettersApi(client(net, '/api/reporting'))
  return { deadLetters, webhookDeadLetters }
})

const escalation: DeadLetter = {
  id: 3, consumer: 'tasks-service.feedback-escalations', topic: 'rectification.feedback.v1', partition: 1, offset: 12,
  eventId: 'e1', eventType: 'FeedbackEscalated', reason: 'not applied: refused', payload: '{}', payloadBytes: 2,
  receivedAt: '2026-12-05T08:39:00Z', attempts: 1, resolution: null,
}
const replayed: DeadLetter = {
  ...escalation, id: 2, attempts: 2, resolution: { outcome: 'REPLAYED', at: '2026-12-05T08:40:00Z', by: 'ops-li', reason: null },
}
const dismissed: DeadLetter = {
  ...escalation, id: 1, resolution: { outcome: 'DISMISSED', at: '2026-12-05T08:41:00Z', by: 'ops-wang', reason: '测试消息' },
}

/**
 * The services as the page calls them: tasks-service holds `tasks` (listed by state), the others none;
 * `post` answers the replays and dismissals.
 */
function services(tasks: DeadLetter[], post: (url: string, body: unknown) => Response) {
  net.answer = () => {
    const { url, init } = net.sent[net.sent.length - 1]!
    if (init.method === 'POST') return post(url, init.body === undefined ? undefined : JSON.parse(String(init.body)))
    if (!url.startsWith('/api/tasks/')) return json(200, [])
    const open = url.includes('state=OPEN')
    return json(200, tasks.filter((l) => (l.resolution === null) === open))
  }
}

let wrapper: VueWrapper | null = null

async function show() {
  vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }))
  wrapper = mount(DeadLettersView, { global: { plugins: [ElementPlus] }, attachTo: document.body })
  await settle()
  return wrapper
}

const gets = () => net.sent.filter((r) => (r.init.method ?? 'GET') === 'GET').map((r) => r.url)
const posts = () => net.sent.filter((r) => r.init.method === 'POST')
const rowButtons = (w: VueWrapper) => w.findAll('.el-table__body-wrapper button, .el-table__fixed-right button, .card-actions button')
  .map((b) => b.text())

describe('运维：死信', () => {
  it('shows the open ones first with 重新处理 and 忽略, and the resolved ones, with who and when, under 已处理', async () => {
    services([escalation, replayed, dismissed], () => json(500, {}))
    const w = await show()
    expect(gets().sort()).toEqual(['/api/feedback/dead-letters?limit=100&state=OPEN',
      '/api/reporting/admin/webhook-dead-letters?limit=100',
      '/api/reporting/dead-letters?limit=100&state=OPEN', '/api/tasks/dead-letters?limit=100&state=OPEN'])
    expect(w.find('.el-table').text()).toContain('未处理')
    expect(rowButtons(w)).toEqual(expect.arrayContaining(['查看', '重新处理', '忽略']))

    reset(net)
    services([escalation, replayed, dismissed], () => json(500, {}))
    // a radio button is a label round a radio input, not a button
    const resolved = [...document.querySelectorAll<HTMLElement>('.el-radio-button')].find((b) => b.textContent?.trim() === '已处理')
    resolved!.querySelector('input')!.click()
    await settle()
    expect(gets()).toContain('/api/tasks/dead-letters?limit=100&state=RESOLVED')
    expect(w.text()).toContain('已重新处理')
    expect(w.text()).toContain('ops-li · 2026年12月5日 16:40')
    expect(w.text()).toContain('已忽略')
    expect(w.text()).toContain('ops-wang')
    expect(rowButtons(w)).not.toContain('重新处理')
    expect(rowButtons(w)).not.toContain('忽略')
  })

  it('replays one at its service and shows why, when it fails again, above the list', async () => {
    services([escalation], () => json(422, { status: 422, title: 'Still not applicable',
      detail: 'dead letter 3 was replayed and failed again (2 attempts); it stays open: not applied: refused' }, 'application/problem+json'))
    await show()
    await press('重新处理')
    expect(posts().map((r) => r.url)).toEqual(['/api/tasks/dead-letters/3/replay'])
    expect(document.body.textContent).toContain('任务服务 #3 重新处理未成功')
    expect(document.body.textContent).toContain('仍无法应用，保持未处理：dead letter 3 was replayed and failed again (2 attempts)')
    // read again: the list shows the dead letter as it now is
    expect(gets().filter((u) => u.startsWith('/api/tasks/')).length).toBe(2)
  })

  it('takes a failed replay\'s banner away once it no longer applies: the letter dismissed, or the filter changed', async () => {
    const letters = [escalation]
    services(letters, (url) => {
      if (url.endsWith('/replay')) {
        return json(422, { status: 422, title: 'Still not applicable',
          detail: 'dead letter 3 was replayed and failed again (2 attempts); it stays open: not applied: refused' }, 'application/problem+json')
      }
      letters.length = 0
      return json(200, { ...escalation, resolution: { outcome: 'DISMISSED', at: '2026-12-05T08:41:00Z', by: 'ops-li', reason: '测试消息' } })
    })
    const banner = () => document.querySelector('.refusal')
    const choose = async (label: string) => {
      const radio = [...document.querySelectorAll<HTMLElement>('.el-radio-button')].find((b) => b.textContent?.trim() === label)
      radio!.querySelector('input')!.click()
      await settle()
    }
    await show()
    await press('重新处理')
    expect(banner()?.textContent).toContain('任务服务 #3 重新处理未成功')
    await press('忽略')
    type('dismiss-reason', '联调时手工发送的测试消息')
    await press('确认忽略')
    await flushPromises()
    expect(banner()).toBeNull()

    letters.push(escalation)
    await press('刷新')
    await press('重新处理')
    expect(banner()?.textContent).toContain('任务服务 #3 重新处理未成功')
    await choose('已处理')
    expect(banner()).toBeNull()
    // and back: the banner said what happened then; the list says what is now
    await choose('未处理')
    expect(banner()).toBeNull()
  })

  it('dismisses one only with a reason, which it asks for', async () => {
    services([escalation], (_url, body) => (body as { reason: string }).reason.trim() === ''
      ? json(400, { status: 400, title: 'Invalid request', detail: 'reason: must not be blank',
        errors: [{ field: 'reason', message: 'must not be blank' }] }, 'application/problem+json')
      : json(200, { ...escalation, resolution: { outcome: 'DISMISSED', at: '2026-12-05T08:41:00Z', by: 'ops-li', reason: '测试消息' } }))
    await show()
    await press('忽略')
    expect(document.body.textContent).toContain('忽略理由')
    await press('确认忽略')
    expect(document.body.textContent).toContain('不能为空')
    type('dismiss-reason', '联调时手工发送的测试消息')
    await press('确认忽略')
    const sent = posts()
    expect(sent.map((r) => r.url)).toEqual(['/api/tasks/dead-letters/3/dismissal', '/api/tasks/dead-letters/3/dismissal'])
    expect(JSON.parse(String(sent[1]!.init.body))).toEqual({ reason: '联调时手工发送的测试消息' })
    await flushPromises()
    expect(document.body.textContent).toContain('已忽略：任务服务 #3')
    // read again: the list shows the dead letter as it now is
    expect(gets().filter((u) => u.startsWith('/api/tasks/')).length).toBe(2)
  })

  it('lists the notices whose webhook calls were given up below, without the robot\'s key, and says when they cannot be read', async () => {
    const call: WebhookDeadCall = {
      id: 7, causeKey: 'TASK_OVERDUE|3f2c', endpoint: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=SECRET-KEY', attempts: 6,
      lastStatus: 503, lastError: 'Service Unavailable', createdAt: '2026-12-05T08:39:00Z',
    }
    services([], () => json(500, {}))
    const letters = net.answer!
    net.answer = () => net.sent[net.sent.length - 1]!.url.includes('/admin/webhook-dead-letters') ? json(200, [call]) : letters()
    const w = await show()
    const table = w.find('[aria-label="通知推送失败"]')
    expect(table.text()).toContain('TASK_OVERDUE|3f2c')
    expect(table.text()).toContain('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?…')
    expect(table.text()).toContain('HTTP 503 · Service Unavailable')
    expect(table.text()).toContain('2026年12月5日 16:39')
    expect(document.body.textContent).not.toContain('SECRET-KEY')
    // no replay or dismissal: the service offers none
    expect(table.findAll('button')).toHaveLength(0)

    net.answer = () => net.sent[net.sent.length - 1]!.url.includes('/admin/webhook-dead-letters')
      ? json(403, { status: 403, title: 'Forbidden' }, 'application/problem+json') : letters()
    await press('刷新')
    expect(document.body.textContent).toContain('通知推送失败的记录未能读取：您没有执行此操作的权限')
    // the dead letters' list is read still
    expect(document.body.textContent).toContain('暂无未处理的死信')
  })
})
