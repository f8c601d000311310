// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { h, ref } from 'vue'
import LedgerPicker from '@/components/LedgerPicker.vue'
import { linkFromPath, linkOf, pathOf, triageLink, type LedgerLink } from '@/ledgerLink'
import { json, client, network, serveApi } from './recordedNetwork'
import { settle } from './dialogDom'
import { TasksApi } from '@/api/tasks'

// 意见建议 → 分办 → 关联整改任务 over a plan of thousands of tasks: the ledger is read a level at a
// time as it is opened, so no task is out of reach (a list of the first 500 left ~1,500 out).
const net = network()
serveApi(() => ({ tasks: new TasksApi(client(net, '/api/tasks')) }))

const cancellation = { reason: '重复导入', by: 'zgb', at: '2025-05-09T01:00:00Z' }
const areas = [
  { id: 'a1', number: 1, title: '贯彻落实党中央决策部署不到位', cancellation: null },
  { id: 'a9', number: 9, title: '误录的方面', cancellation },
]
const problems = [
  { id: 'p3', areaId: 'a1', number: 3, title: '招商引资政策兑现不及时', cancellation: null },
  { id: 'p4', areaId: 'a1', number: 4, title: '误录的问题', cancellation },
]
const tasks = [
  { id: 't1', areaId: 'a1', problemId: 'p3', areaNumber: 1, problemNumber: 3, number: 2, title: '公开奖补资金兑现情况', cancellation },
  { id: 't2', areaId: 'a1', problemId: 'p3', areaNumber: 1, problemNumber: 3, number: 3, title: '建立奖补资金公开制度', cancellation: null },
]

/** tasks-service as it answers: the lists leave out what was cancelled unless asked for it; a task by id either way. */
const ledger = (): Response => {
  const url = new URL(net.sent[net.sent.length - 1]!.url, 'http://console')
  const standing = <T extends { cancellation: unknown }>(items: T[]) =>
    (url.searchParams.get('includeCancelled') === 'true' ? items : items.filter((i) => i.cancellation === null))
  const page = (items: object[]) => json(200, { items, page: 0, size: 200, total: items.length })
  if (url.pathname === '/api/tasks/inspections/i1/areas') return page(standing(areas))
  if (url.pathname === '/api/tasks/areas/a1/problems') return page(standing(problems))
  if (url.pathname === '/api/tasks/problems/p3/tasks') return page(standing(tasks))
  if (url.pathname === '/api/tasks/tasks') return json(200, { items: standing(tasks), page: 0, size: 500, total: standing(tasks).length })
  if (url.pathname === '/api/tasks/problems') return json(200, { items: standing(problems), page: 0, size: 500, total: standing(problems).length })
  const task = tasks.find((t) => url.pathname === `/api/tasks/tasks/${t.id}`)
  if (task) return json(200, task, 'application/json', { ETag: '"3"' })
  return json(404, { status: 404, title: 'Not Found' }, 'application/problem+json')
}

async function picker(start: LedgerLink | undefined) {
  net.answer = ledger
  const chosen = ref<LedgerLink | undefined>(start)
  mount({
    render: () => h(LedgerPicker, {
      id: 'triage-task', label: '关联整改任务', inspectionId: 'i1', modelValue: chosen.value,
      'onUpdate:modelValue': (link: LedgerLink | undefined) => { chosen.value = link },
    }),
  }, { global: { plugins: [ElementPlus] }, attachTo: document.body })
  await settle()
  return chosen
}

const asked = () => net.sent.map((r) => r.url)
const input = () => document.getElementById('triage-task') as HTMLInputElement
/** The labels of the cascader's menus, column by column. */
const menus = () => [...document.querySelectorAll('.ledger-picker-menu .el-cascader-menu')]
  .map((menu) => [...menu.querySelectorAll('.el-cascader-node__label')].map((l) => l.textContent?.trim()))
const node = (label: string) => [...document.querySelectorAll('.ledger-picker-menu .el-cascader-node')]
  .find((n) => n.querySelector('.el-cascader-node__label')?.textContent?.trim() === label) as HTMLElement

describe('the ledger picker', () => {
  it('is labelled, and reads each level only when it is opened, numbered as the plan tree numbers it', async () => {
    await picker(undefined)
    expect(input().getAttribute('aria-label')).toBe('关联整改任务')
    expect(input().placeholder).toBe('请选择方面、问题或整改任务')
    // the areas only, standing ones: nothing asks for what was cancelled
    expect(asked()).toEqual(['/api/tasks/inspections/i1/areas?size=200'])
    input().click()
    await settle()
    expect(menus()).toEqual([['（一）贯彻落实党中央决策部署不到位']])
    node('（一）贯彻落实党中央决策部署不到位').click()
    await settle()
    expect(asked()).toEqual(['/api/tasks/inspections/i1/areas?size=200', '/api/tasks/areas/a1/problems?size=200'])
    expect(menus()[1]).toEqual(['（一）3. 招商引资政策兑现不及时'])
    node('（一）3. 招商引资政策兑现不及时').click()
    await settle()
    expect(asked().at(-1)).toBe('/api/tasks/problems/p3/tasks?size=200')
    // the cancelled task (二是) is not offered
    expect(menus()[2]).toEqual(['（一）3.三是 建立奖补资金公开制度'])
  })

  it('chooses a task with its problem and area, or an area or a problem on its own (its radio button)', async () => {
    const chosen = await picker(undefined)
    input().click()
    await settle()
    node('（一）贯彻落实党中央决策部署不到位').click()
    await settle()
    ;(node('（一）3. 招商引资政策兑现不及时').querySelector('input') as HTMLInputElement).click()
    await settle()
    expect(chosen.value).toEqual({ areaId: 'a1', problemId: 'p3', taskId: null })
    input().click()
    await settle()
    node('（一）3. 招商引资政策兑现不及时').click()
    await settle()
    node('（一）3.三是 建立奖补资金公开制度').click()
    await settle()
    expect(chosen.value).toEqual({ areaId: 'a1', problemId: 'p3', taskId: 't2' })
    // the task named in full, not the path of three titles cut after the area's first words
    expect(input().value).toBe('（一）3.三是 建立奖补资金公开制度')
  })

  it('names the task linked, read by id, also one no longer offered', async () => {
    await picker({ areaId: 'a1', problemId: 'p3', taskId: 't1' })
    expect(asked()).toContain('/api/tasks/tasks/t1')
    expect(input().value).toBe('')
    expect(input().placeholder).toBe('（一）3.二是 公开奖补资金兑现情况')
  })

  it('shows the link standing as its path, read down to it', async () => {
    await picker({ areaId: 'a1', problemId: 'p3', taskId: 't2' })
    expect(asked()).toEqual(expect.arrayContaining(['/api/tasks/tasks/t2', '/api/tasks/areas/a1/problems?size=200',
      '/api/tasks/problems/p3/tasks?size=200']))
    // the task named in full, not the path of three titles cut after the area's first words
    expect(input().value).toBe('（一）3.三是 建立奖补资金公开制度')
  })
})

const search = () => document.getElementById('triage-task-search') as HTMLInputElement
const found = () => [...document.querySelectorAll('.ledger-picker-found .el-select-dropdown__item')].map((o) => o.textContent?.trim())

async function searchFor(text: string) {
  search().value = text
  search().dispatchEvent(new Event('input'))
  await settle()
  await settle()
}

describe('查找 in the ledger picker', () => {
  it('finds a task by its number over every task of the inspection, read once, and chooses it directly', async () => {
    const chosen = await picker(undefined)
    expect(search().getAttribute('aria-label')).toBe('关联整改任务：按编号或标题查找')
    await searchFor('1.3.3')
    expect(asked().filter((u) => u.startsWith('/api/tasks/tasks?'))).toEqual(['/api/tasks/tasks?size=500&inspectionId=i1&page=0'])
    expect(found()).toEqual(['（一）3.三是 建立奖补资金公开制度'])
    ;(document.querySelector('.ledger-picker-found .el-select-dropdown__item') as HTMLElement).click()
    await settle()
    expect(chosen.value).toEqual({ areaId: 'a1', problemId: 'p3', taskId: 't2' })
    // the cascader shows it as its path; the search is empty again
    // the task named in full, not the path of three titles cut after the area's first words
    expect(input().value).toBe('（一）3.三是 建立奖补资金公开制度')
    expect(search().value).toBe('')
    await searchFor('制度')
    expect(found()).toEqual(['（一）3.三是 建立奖补资金公开制度'])
    expect(asked().filter((u) => u.startsWith('/api/tasks/tasks?'))).toHaveLength(1)
  })

  it('finds the tasks of an area or a problem by its number or words, as the plan tree\'s 筛选 does', async () => {
    const chosen = await picker(undefined)
    await searchFor('招商引资')
    expect(found()).toEqual(['（一）3.三是 建立奖补资金公开制度'])
    // the areas and problems read with the tasks, once for every search
    expect(asked().filter((u) => /^\/api\/tasks\/(tasks|problems)\?/.test(u)))
      .toEqual(['/api/tasks/tasks?size=500&inspectionId=i1&page=0', '/api/tasks/problems?inspectionId=i1&page=0&size=500'])
    await searchFor('决策部署')
    expect(found()).toEqual(['（一）3.三是 建立奖补资金公开制度'])
    await searchFor('（一）')
    expect(found()).toEqual(['（一）3.三是 建立奖补资金公开制度'])
    await searchFor('3. 招商')
    expect(found()).toEqual(['（一）3.三是 建立奖补资金公开制度'])
    ;(document.querySelector('.ledger-picker-found .el-select-dropdown__item') as HTMLElement).click()
    await settle()
    expect(chosen.value).toEqual({ areaId: 'a1', problemId: 'p3', taskId: 't2' })
    expect(asked().filter((u) => u.startsWith('/api/tasks/problems?'))).toHaveLength(1)
  })

  it('finds by words only what stands, and says when nothing is found', async () => {
    await picker(undefined)
    await searchFor('公开奖补资金兑现情况') // the cancelled task
    expect(found()).toEqual([])
    expect(document.querySelector('.ledger-picker-found')?.textContent).toContain('没有符合的整改任务')
  })
})

describe('a level of more than 200', () => {
  it('is read page after page, not cut at its 200th', async () => {
    const many = Array.from({ length: 450 }, (_, i) => ({ id: `p${i}`, areaId: 'a1', number: i + 1, title: `问题${i + 1}` }))
    net.answer = () => {
      const url = new URL(net.sent[net.sent.length - 1]!.url, 'http://console')
      const page = Number(url.searchParams.get('page') ?? 0)
      return json(200, { items: many.slice(page * 200, page * 200 + 200), page, size: 200, total: many.length })
    }
    const { TasksApi } = await import('@/api/tasks')
    const { client } = await import('./recordedNetwork')
    const problems = await new TasksApi(client(net, '/api/tasks')).problems('a1')
    expect(problems.map((p) => p.number)).toEqual(many.map((p) => p.number))
    expect(asked()).toEqual(['/api/tasks/areas/a1/problems?size=200', '/api/tasks/areas/a1/problems?size=200&page=1',
      '/api/tasks/areas/a1/problems?size=200&page=2'])
  })
})

describe('a link and the triage body', () => {
  it('names the deepest part, as the triage sent a task before: the service fills in its problem and area', () => {
    expect(triageLink({ areaId: 'a1', problemId: 'p3', taskId: 't2' })).toEqual({ taskId: 't2' })
    expect(triageLink({ areaId: 'a1', problemId: 'p3', taskId: null })).toEqual({ problemId: 'p3' })
    expect(triageLink({ areaId: 'a1', problemId: null, taskId: null })).toEqual({ areaId: 'a1' })
    expect(triageLink(undefined)).toEqual({})
  })

  it('is a feedback\'s ids, and a cascader path both ways', () => {
    expect(linkOf({ areaId: 'a1', problemId: 'p3', taskId: null })).toEqual({ areaId: 'a1', problemId: 'p3', taskId: null })
    expect(linkOf({ areaId: null, problemId: null, taskId: null })).toBeUndefined()
    expect(pathOf({ areaId: 'a1', problemId: 'p3', taskId: 't2' })).toEqual(['a1', 'p3', 't2'])
    expect(linkFromPath(['a1'])).toEqual({ areaId: 'a1', problemId: null, taskId: null })
    expect(linkFromPath(null)).toBeUndefined()
  })
})
