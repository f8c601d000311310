// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import { mount } from '@vue/test-utils'
import { PHONE_WIDTH, useMedia, useNarrow } from '@/composables/useNarrow'

/**
 * A window of a given width whose media queries answer `(max-width: N px)` and `(min-width: N px)`
 * as a browser does; resize() changes the width and tells the queries' listeners that changed.
 */
function fakeWindow(width: number) {
  const lists: { query: string; matches: boolean; listeners: Set<(e: MediaQueryListEvent) => void> }[] = []
  const answer = (query: string) => {
    const [, kind, px] = /\((max|min)-width:\s*(\d+)px\)/.exec(query)!
    return kind === 'max' ? width <= Number(px) : width >= Number(px)
  }
  vi.stubGlobal('matchMedia', (query: string) => {
    const list = { query, matches: answer(query), listeners: new Set<(e: MediaQueryListEvent) => void>() }
    lists.push(list)
    return {
      get matches() { return list.matches },
      addEventListener: (_: string, f: (e: MediaQueryListEvent) => void) => list.listeners.add(f),
      removeEventListener: (_: string, f: (e: MediaQueryListEvent) => void) => list.listeners.delete(f),
    }
  })
  return {
    resize(to: number) {
      width = to
      for (const list of lists) {
        const matches = answer(list.query)
        if (matches === list.matches) continue
        list.matches = matches
        list.listeners.forEach((f) => f({ matches } as MediaQueryListEvent))
      }
    },
    listening: () => lists.reduce((n, list) => n + list.listeners.size, 0),
  }
}

/** A screen that lays out by the window as MeetingView does: one column on a phone, two, four on a desk. */
const Screen = defineComponent({
  setup() {
    const narrow = useNarrow()
    const wide = useMedia('(min-width: 1100px)')
    return () => h('p', `${narrow.value ? 1 : wide.value ? 4 : 2}`)
  },
})

describe('useNarrow and useMedia', () => {
  it('answer for the width the window has when the screen opens', () => {
    fakeWindow(390)
    expect(mount(Screen).text()).toBe('1')
    fakeWindow(820)
    expect(mount(Screen).text()).toBe('2')
    fakeWindow(1280)
    expect(mount(Screen).text()).toBe('4')
  })

  it('a phone is at most PHONE_WIDTH wide, the same edge as the stylesheets', () => {
    fakeWindow(PHONE_WIDTH)
    expect(mount(Screen).text()).toBe('1')
    fakeWindow(PHONE_WIDTH + 1)
    expect(mount(Screen).text()).toBe('2')
  })

  it('follow the window as it turns or is resized, and stop listening when the screen goes', async () => {
    const window = fakeWindow(390)
    const screen = mount(Screen)
    expect(window.listening()).toBe(2)
    window.resize(844) // the phone turned on its side
    await nextTick()
    expect(screen.text()).toBe('2')
    window.resize(1920)
    await nextTick()
    expect(screen.text()).toBe('4')
    screen.unmount()
    expect(window.listening()).toBe(0)
  })

  it('answer false where the window cannot be asked', () => {
    vi.stubGlobal('matchMedia', undefined)
    expect(mount(Screen).text()).toBe('2')
  })
})
