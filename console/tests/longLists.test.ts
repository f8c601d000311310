// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import type { User } from 'oidc-client-ts'
import type { Page, TaskRow, TaskSnapshot } from '@/api/types'
import { cutShort, readAll } from '@/api/pages'
import { useSession } from '@/auth/session'
import MyTasksView from '@/views/MyTasksView.vue'
import VerificationQueueView from '@/views/VerificationQueueView.vue'
import ListsView from '@/views/ListsView.vue'
import { LookBackApi } from '@/api/lookBack'
import { client, json, network, serveApi } from './recordedNetwork'
import { TasksApi } from '@/api/tasks'

// An inspection at the size of a real one (5 areas × 20 problems × 20 tasks): a list a screen counts or filters
// itself is read whole, page after page, and drawn a page at a time; the counts are over all of it.
const net = network()
serveApi(() => ({ tasks: new TasksApi(client(net, '/api/tasks')), people: { names: async () => [] } }))

const UNITS = ['党政办公室', '财务处', '人事处']
/** task n of a unit's list: due a day after the one before, from 2027-01-01; every seventh with a report missing */
function task(n: number, flags: Partial<TaskSnapshot> = {}): TaskSnapshot {
  const deadline = new Date(Date.UTC(2027, 0, 1 + n)).toISOString().slice(0, 10)
  return {
    id: `t${n}`, version: 1, inspectionId: n % 2 === 0 ? 'i1' : 'i2', areaNumber: 1, problemNumber: 1, number: n, title: `任务${n}`,
    responsibleUnit: UNITS[n % 3], deadline, kind: 'TIME_BOUND', state: 'IN_PROGRESS', percentComplete: 50, overdue: false,
    progressReportMissing: n % 7 === 0, indicators: [], milestones: [], evidenceCount: 1, claimedBy: 'dzb', claimedAt: '2026-12-01T09:00:00+08:00',
    lastRejection: null, lastReopen: null, lastWithdrawal: null, lastLookBack: null, lastProgressReportAt: null, allowedTransitions: ['REJECT_COMPLETION'],
    ...flags,
  } as unknown as TaskSnapshot
}

/** tasks-service's GET /tasks over `all`: the page and size asked (at most 500), the total; inspections by id. */
function serve(all: TaskSnapshot[]) {
  net.answer = () => {
    const url = new URL(net.sent.at(-1)!.url, 'http://console')
    if (url.pathname.endsWith('/inspections')) return json(200, { items: [{ id: 'i1', title: '2026年第一轮巡视' }, { id: 'i2', title: '2026年第二轮巡视' }], page: 0, size: 200, total: 2 })
    const page = Number(url.searchParams.get('page') ?? 0)
    const size = Math.min(Number(url.searchParams.get('size') ?? 20), 500)
    return json(200, { items: all.slice(page * size, (page + 1) * size), page, size, total: all.length })
  }
}

let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  vi.useRealTimers()
})

async function show(view: object, path = '/', groups = ['officer']) {
  vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }))
  const pinia = createPinia()
  setActivePinia(pinia)
  useSession().user = { profile: { upn: 'dzb', name: '李科长', groups, unit: '党政办公室' }, expired: false, access_token: 't' } as unknown as User
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { render: () => null } }] })
  await router.push(path)
  wrapper = mount(view, { global: { plugins: [pinia, router, ElementPlus] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

const linked = (w: VueWrapper) => w.findAll('tbody a.task-link').map((a) => a.text())
const sentPages = () => net.sent.filter((s) => s.url.includes('/tasks?')).map((s) => new URL(s.url, 'http://console').searchParams)

describe('reading every page of a list', () => {
  it('reads the first page, then the others for the total it gives, 500 a page', async () => {
    const asked: [number, number][] = []
    const rows = Array.from({ length: 1234 }, (_, i) => i)
    const all = await readAll(async (page, size): Promise<Page<number>> => {
      asked.push([page, size])
      return { items: rows.slice(page * size, (page + 1) * size), page, size, total: rows.length }
    })
    expect(asked).toEqual([[0, 500], [1, 500], [2, 500]])
    expect(all.items).toEqual(rows)
    expect(all.total).toBe(1234)
    expect(cutShort(all)).toBe('')
  })

  it('keeps a row once when a change moved it onto the next page between two reads', async () => {
    // t3 is read on page 0; before page 1 is read another user's change sorts it after t500, so it comes again
    // (and t500, moved up onto page 0, is missed until the screen reads again)
    const rows = Array.from({ length: 600 }, (_, i) => ({ id: `t${i}` }))
    const moved = [...rows.slice(0, 3), ...rows.slice(4, 501), ...rows.slice(3, 4), ...rows.slice(501)]
    const all = await readAll(async (page, size): Promise<Page<{ id: string }>> => {
      const source = page === 0 ? rows : moved
      return { items: source.slice(page * size, (page + 1) * size), page, size, total: 600 }
    })
    expect(all.items.map((r) => r.id)).toEqual([...rows.slice(0, 500), ...rows.slice(501)].map((r) => r.id))
    expect(all.total).toBe(599)
  })

  it('stops at its bound and says how many it left out', async () => {
    let asked = 0
    const all = await readAll(async (page, size): Promise<Page<number>> => {
      asked++
      return { items: Array.from({ length: size }, (_, i) => page * size + i), page, size, total: 12_345 }
    })
    expect(asked).toBe(20)
    expect(all.items).toHaveLength(10_000)
    expect(cutShort(all)).toBe('只读取了前 10,000 项，共 12,345 项；请按巡视或单位缩小范围。')
  })
})

describe('回头看 due', () => {
  it('reads every page of the tasks due, of every inspection, the bound and order kept', async () => {
    serve(Array.from({ length: 700 }, (_, i) => task(i + 1, { state: 'VERIFIED' })))
    const due = await new LookBackApi(client(net, '/api/tasks')).due('2027-03-01')
    expect(due.items).toHaveLength(700)
    expect(due.total).toBe(700)
    expect(sentPages().map((q) => [q.get('lookBackDueBy'), q.get('inspectionId'), q.get('sort'), q.get('page'), q.get('size')]))
      .toEqual([['2027-03-01', null, 'number', '0', '500'], ['2027-03-01', null, 'number', '1', '500']])
  })
})

describe('我的任务 of a unit with 411 tasks', () => {
  const tasks = Array.from({ length: 411 }, (_, i) => task(i + 1))

  it('counts all 411 and shows the ones due last on the last page', async () => {
    serve(tasks)
    const page = await show(MyTasksView)
    expect(sentPages().map((q) => [q.get('unit'), q.get('page'), q.get('size')])).toEqual([['党政办公室', '0', '500']])
    expect(page.text()).toContain('共 411 项')
    expect(linked(page)).toHaveLength(50)
    await page.find('.el-pager li:last-child').trigger('click')
    await flushPromises()
    expect(linked(page).map((name) => name.split(' ').at(-1))).toEqual(tasks.slice(400).map((t) => t.title))
  })

  it('counts 需关注 over all of them', async () => {
    serve(tasks)
    const page = await show(MyTasksView)
    await page.findAll('.el-radio-button').find((b) => b.text().startsWith('需关注'))!.find('input').setValue(true)
    await flushPromises()
    // every seventh with a report missing: 58 of 411, 28 of them past the first 200
    expect(page.text()).toContain('共 58 项')
  })
})

describe('销号核实 with 240 claims waiting', () => {
  const claims = Array.from({ length: 240 }, (_, i) => task(i + 1, { state: 'COMPLETION_CLAIMED' }))

  it('counts all 240, a page of 50 drawn, and reads them in one page of 500', async () => {
    serve(claims)
    const queue = await show(VerificationQueueView, '/', ['supervisor'])
    expect(sentPages().map((q) => [q.get('state'), q.get('sort'), q.get('size')])).toEqual([['COMPLETION_CLAIMED', 'claimedAt', '500']])
    expect(queue.text()).toContain('共 240 项待核验')
    expect(queue.findAll('tbody a.task-link')).toHaveLength(50)
    expect(queue.find('.el-pagination__total').text()).toContain('240')
  })

  it('chooses by unit and by inspection, with how many each holds, and says how many of the 240 are shown', async () => {
    serve(claims)
    const queue = await show(VerificationQueueView, '/', ['supervisor'])
    const view = queue.vm as unknown as { unit: string | undefined, inspection: string | undefined, units: { label: string, count: number }[] }
    expect(view.units.map((u) => [u.label, u.count])).toEqual([['财务处', 80], ['党政办公室', 80], ['人事处', 80]].sort((a, b) => String(a[0]).localeCompare(String(b[0]), 'zh-CN')))
    view.unit = '财务处'
    await flushPromises()
    expect(queue.text()).toContain('筛选出 80 项，共 240 项待核验')
    view.inspection = 'i1'
    await flushPromises()
    // 财务处 is every third task from the first, i1 every even one: 40 of them
    expect(queue.text()).toContain('筛选出 40 项，共 240 项待核验')
    expect(queue.find('.el-pagination').exists()).toBe(false)
    expect(queue.findAll('tbody a.task-link')).toHaveLength(40)
    expect(queue.find('[aria-label="巡视"]').exists()).toBe(true)
  })
})

describe('三个清单\'s filter', () => {
  const rows: TaskRow[] = Array.from({ length: 1980 }, (_, i) => ({
    taskId: `t${i}`, label: `（一）1.${i}`, areaNumber: 1, areaTitle: '方面', problemNumber: 1, problemTitle: '问题', taskNumber: i,
    title: i % 10 === 0 ? `修订制度${i}` : `建立台账${i}`, measures: null, kind: 'TIME_BOUND', deadline: '2027-06-30', state: 'IN_PROGRESS',
    percentComplete: 40, leadOfficial: null, responsiblePerson: null, responsibleUnit: '办公室',
  }))

  it('filters once the typing pauses, not on each key; the count is over every row, 50 of them drawn', async () => {
    net.answer = () => {
      const url = net.sent.at(-1)!.url
      if (url.endsWith('/problem-list')) return json(200, [])
      if (url.endsWith('/task-list')) return json(200, rows)
      return json(200, { id: 'i1', title: '2026年第一轮巡视' })
    }
    const page = await show(ListsView, '/inspections/i1/lists?list=task-list', ['office'])
    expect(page.text()).toContain('共 1,980 项')
    expect(page.findAll('tbody a.task-link')).toHaveLength(50)
    vi.useFakeTimers()
    await page.find('#list-filter').setValue('修订')
    await flushPromises()
    vi.advanceTimersByTime(299)
    await flushPromises()
    expect(page.text()).toContain('共 1,980 项')
    vi.advanceTimersByTime(1)
    await flushPromises()
    expect(page.text()).toContain('共 198 项（已筛选）')
    expect(page.findAll('tbody a.task-link').map((a) => a.text()).every((t) => t.startsWith('修订制度'))).toBe(true)
    // cleared: the whole list at once
    await page.find('#list-filter').setValue('')
    await flushPromises()
    expect(page.text()).toContain('共 1,980 项；')
  })
})

describe('我的任务 of tasks of two inspections', () => {
  const tasks = Array.from({ length: 6 }, (_, i) => task(i + 1))

  it('says each task\'s inspection, reading their titles once, and narrows the list to one of them', async () => {
    serve(tasks)
    const page = await show(MyTasksView)
    expect(net.sent.filter((s) => new URL(s.url, 'http://console').pathname.endsWith('/inspections'))).toHaveLength(1)
    expect(page.findAll('thead th').map((th) => th.text())).toContain('巡视')
    const inspectionOf = (name: string) => page.findAll('tbody tr').find((tr) => tr.text().includes(name))!.text()
    expect(inspectionOf('任务1')).toContain('2026年第二轮巡视')
    expect(inspectionOf('任务2')).toContain('2026年第一轮巡视')
    await page.find('.choice .el-select__wrapper').trigger('click')
    await flushPromises()
    const option = [...document.querySelectorAll('.el-select-dropdown__item')].find((o) => o.textContent?.trim() === '2026年第一轮巡视') as HTMLElement
    option.click()
    await flushPromises()
    expect(linked(page).map((name) => name.split(' ').at(-1))).toEqual(['任务2', '任务4', '任务6'])
    expect(page.text()).toContain('共 3 项')
  })

  it('names no inspection when all the tasks are of one, nor reads their titles', async () => {
    serve(tasks.filter((t) => t.inspectionId === 'i1'))
    const page = await show(MyTasksView)
    expect(net.sent.filter((s) => new URL(s.url, 'http://console').pathname.endsWith('/inspections'))).toEqual([])
    expect(page.findAll('thead th').map((th) => th.text())).not.toContain('巡视')
    expect(page.find('.choice').exists()).toBe(false)
  })
})

describe('三个清单\'s list in the address', () => {
  function service() {
    net.answer = () => {
      const url = net.sent.at(-1)!.url
      if (url.endsWith('/problem-list') || url.endsWith('/task-list')) return json(200, [])
      if (url.endsWith('/responsibility-list')) return json(200, { inspectionId: 'i1', byLeadOfficial: [], byResponsibleUnit: [] })
      return json(200, { id: 'i1', title: '2026年第一轮巡视' })
    }
  }
  const shown = () => document.querySelector('.el-tabs__item.is-active')?.textContent?.trim()
  const lists = () => net.sent.map((s) => s.url.split('/').at(-1)).filter((last) => last?.endsWith('-list'))

  it('opens on the list the address asks for (a link, a reload, 后退 from a task), and reads it', async () => {
    service()
    await show(ListsView, '/inspections/i1/lists?list=responsibility-list', ['office'])
    expect(shown()).toBe('责任清单')
    // the problems are read for every list (their sources label the tasks)
    expect(lists()).toEqual(['problem-list', 'responsibility-list'])
  })

  for (const address of ['/inspections/i1/lists', '/inspections/i1/lists?list=', '/inspections/i1/lists?list=tasks', '/inspections/i1/lists?list=toString']) {
    it(`opens on 问题清单 for ${address}: none asked for, or no such list`, async () => {
      service()
      await show(ListsView, address, ['office'])
      expect(shown()).toBe('问题清单')
      expect(lists()).toEqual(['problem-list'])
    })
  }

  it('a tab chosen is kept in the address beside its other parameters, replaced, not pushed; 问题清单 (the first) none', async () => {
    service()
    const page = await show(ListsView, '/inspections/i1/lists?other=kept', ['office'])
    const router = page.vm.$router
    const pushed = vi.spyOn(router, 'push')
    const tab = (label: string) => [...document.querySelectorAll<HTMLElement>('.el-tabs__item')].find((t) => t.textContent?.trim() === label)!
    tab('任务清单').click()
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ other: 'kept', list: 'task-list' })
    expect(lists().at(-1)).toBe('task-list')
    tab('问题清单').click()
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ other: 'kept' })
    expect(lists().at(-1)).toBe('problem-list')
    expect(pushed).not.toHaveBeenCalled()
  })
})
