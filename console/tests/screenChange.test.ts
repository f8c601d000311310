// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { nextTick } from 'vue'
import { followScreenChange, screenAnnouncement } from '@/screenChange'

const Blank = { render: () => null }

/** A router as the console's (afterEach → followScreenChange) over two screens, and the page's #main and a filter field. */
function setUp() {
  document.body.innerHTML = '<main id="main" tabindex="-1"></main><input id="filter">'
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/my-tasks', component: Blank, meta: { title: '我的任务' } },
      { path: '/tasks/:id', component: Blank, meta: { title: '整改任务' } },
    ],
  })
  router.afterEach((to, from, failure) => { if (!failure) followScreenChange(to, from) })
  return router
}

describe('moving to another screen', () => {
  afterEach(() => { screenAnnouncement.value = '' })

  it('leaves the first screen to the browser: no focus moved, nothing said', async () => {
    const router = setUp()
    const filter = document.getElementById('filter') as HTMLInputElement
    filter.focus()
    await router.push('/my-tasks')
    await nextTick()
    expect(document.activeElement).toBe(filter)
    expect(screenAnnouncement.value).toBe('')
  })

  it('moves the focus to the content and says the new screen\'s name', async () => {
    const router = setUp()
    await router.push('/my-tasks')
    ;(document.getElementById('filter') as HTMLInputElement).focus()
    await router.push('/tasks/1')
    await nextTick()
    expect(document.activeElement?.id).toBe('main')
    expect(screenAnnouncement.value).toBe('整改任务')
  })

  it('keeps the focus where it is when only the query changes (a filter, a tab)', async () => {
    const router = setUp()
    await router.push('/my-tasks')
    const filter = document.getElementById('filter') as HTMLInputElement
    filter.focus()
    await router.push('/my-tasks?state=OVERDUE')
    await nextTick()
    expect(document.activeElement).toBe(filter)
    expect(screenAnnouncement.value).toBe('')
  })
})
