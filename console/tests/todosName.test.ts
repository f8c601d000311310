// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import { h } from 'vue'
import type { User } from 'oidc-client-ts'
import type { TodoList } from '@/api/todos'
import { MENU } from '@/auth/roles'
import { useSession } from '@/auth/session'
import TodoBadge from '@/components/TodoBadge.vue'
import { INBOX_TABS } from '@/feedbackInbox'
import { router } from '@/router'
import { screenAnnouncement } from '@/screenChange'
import { taskCrumb } from '@/taskCrumb'
import { TODOS_NAME } from '@/todosName'
import TodosView from '@/views/TodosView.vue'
import { serveApi } from './recordedNetwork'

// The header's count and the list it leads to are one list, called one thing wherever it is named: the header's
// 待办 3 led to a list that the feedback inbox's first tab seemed to call 待办理, with another count.
const answer: TodoList = { person: 'dzb', asOf: '2025-03-10', dueSoonDays: 7, count: 3, byKind: {}, items: [] }
serveApi(() => ({ todos: { mine: async () => answer } }))

describe('the to-do list has one name', () => {
  it('is 待办', () => {
    expect(TODOS_NAME).toBe('待办')
  })

  it('in the menu, the header\'s count and the screen\'s heading', async () => {
    expect(MENU.find((item) => item.path === '/todos')?.label).toBe(TODOS_NAME)
    vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }))
    const memory = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { render: () => null } }] })
    await memory.push('/todos')
    const page = mount({ render: () => h('div', [h(TodoBadge), h(TodosView)]) }, { global: { plugins: [memory, ElementPlus] }, attachTo: document.body })
    await flushPromises()
    const badge = page.find('.todo-badge')
    expect(badge.text()).toBe(`${TODOS_NAME} 3`)
    expect(badge.attributes('aria-label')).toBe(`${TODOS_NAME} 3 项`)
    expect(page.find('h1').text()).toBe(TODOS_NAME)
    page.unmount()
  })

  it('in the document\'s title and the words said on opening it, and on the way back from a task', async () => {
    const pinia = createPinia()
    setActivePinia(pinia)
    useSession().user = { profile: { upn: 'dzb', name: '李科长', groups: ['officer'], unit: '党政办公室' }, expired: false, access_token: 't' } as unknown as User
    await router.push('/settings/notices')
    await router.push('/todos')
    expect(router.currentRoute.value.meta.title).toBe(TODOS_NAME)
    expect(document.title).toBe(`${TODOS_NAME} · 巡视整改工作台`)
    expect(screenAnnouncement.value).toBe(TODOS_NAME)
    expect(taskCrumb(null, { inspectionId: 'i1', responsibleUnit: '党政办公室' }, '/todos').label).toBe(TODOS_NAME)
  })

  it('and no other list is called by it or by a name like it: the inbox\'s feedback owed a reply is 待答复', () => {
    expect(INBOX_TABS[0]?.label).toBe('待答复')
    expect(INBOX_TABS.filter((tab) => tab.label.startsWith(TODOS_NAME))).toEqual([])
  })
})
