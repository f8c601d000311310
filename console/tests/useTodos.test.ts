// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import { h } from 'vue'
import type { TodoList } from '@/api/todos'
import { useTodos } from '@/composables/useTodos'
import TodoBadge from '@/components/TodoBadge.vue'
import TodosView from '@/views/TodosView.vue'
import { serveApi } from './recordedNetwork'

// 待办 opening: the header's count and the screen both want GET /todos in the same moment; one request answers both.
const reads = { count: 0, answer: null as unknown }
serveApi(() => ({ todos: { mine: async () => { reads.count++; return reads.answer } } }))

const list = (count: number): TodoList => ({ person: 'dzb', asOf: '2025-03-10', dueSoonDays: 7, count, byKind: {}, items: [] })

describe('待办 read once for the screen', () => {
  it('answers readers asking meanwhile with the one request, and reads anew for one coming after', async () => {
    reads.count = 0
    reads.answer = list(4)
    const { read, latest } = useTodos()
    const [a, b] = await Promise.all([read(), useTodos().read()])
    expect(reads.count).toBe(1)
    expect(a).toBe(b)
    expect(latest.value?.count).toBe(4)
    reads.answer = list(5)
    expect((await read()).count).toBe(5)
    expect(reads.count).toBe(2)
  })

  it('is asked once when 待办 opens under the header\'s count, which shows the screen\'s answer', async () => {
    reads.count = 0
    reads.answer = list(3)
    vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }))
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { render: () => null } }] })
    await router.push('/todos')
    const page = mount({ render: () => h('div', [h(TodoBadge), h(TodosView)]) }, { global: { plugins: [router, ElementPlus] }, attachTo: document.body })
    await flushPromises()
    expect(reads.count).toBe(1)
    expect(page.find('.todo-badge').text()).toBe('待办 3')
    expect(page.text()).toContain('共 3 项')
  })
})
