// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import type { User } from 'oidc-client-ts'
import AppLayout from '@/layout/AppLayout.vue'
import { useSession } from '@/auth/session'
import { followScreenChange, screenAnnouncement } from '@/screenChange'

/** A window that is a phone's width (every `(max-width: …)` query matches) or a desk's. */
function windowOf(phone: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({ matches: phone && query.includes('max-width'), addEventListener() {}, removeEventListener() {} }))
}

const Blank = { render: () => null }

describe('the header', () => {
  let wrapper: VueWrapper | null = null

  async function show(phone: boolean) {
    windowOf(phone)
    vi.stubGlobal('fetch', () => Promise.reject(new Error('offline'))) // 待办's count: hidden when it cannot be read
    const pinia = createPinia()
    setActivePinia(pinia)
    const session = useSession()
    session.user = { profile: { upn: 'dzb', name: '李科长（党政办公室）', groups: ['officer'], unit: '党政办公室' }, expired: false, access_token: 't' } as unknown as User
    const signOut = vi.fn()
    session.signOut = signOut
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/my-tasks', component: Blank },
        { path: '/todos', component: Blank, meta: { title: '待办' } },
        { path: '/settings/notices', component: Blank, meta: { roles: ['officer', 'coordinator', 'supervisor'] } },
      ],
    })
    await router.push('/my-tasks')
    wrapper = mount(AppLayout, { global: { plugins: [pinia, router, ElementPlus] }, attachTo: document.body })
    await flushPromises()
    return { header: wrapper.find('header'), router, signOut }
  }

  it('on a desk: the name, role, unit, 通知设置 and 退出登录 side by side', async () => {
    const { header } = await show(false)
    expect(header.text()).toContain('李科长（党政办公室）')
    expect(header.text()).toContain('责任单位')
    expect(header.find('a[href="/settings/notices"]').exists()).toBe(true)
    expect(header.findAll('button').map((b) => b.text())).toEqual(['退出登录'])
  })

  it('is a named group, and the content\'s <main> sits where HTML allows it (no <section> around it, as el-container was)', async () => {
    const { header } = await show(false)
    const who = header.find('.who')
    expect(who.attributes('role')).toBe('group')
    expect(who.attributes('aria-label')).toBe('当前登录')
    const main = document.getElementById('main')!
    expect(main.tagName).toBe('MAIN')
    expect(main.closest('section, article, aside, nav, header, footer')).toBeNull()
  })

  it('on a phone: the 菜单 button and one button with the name, whose menu holds who, 通知设置 and 退出登录', async () => {
    const { header, router, signOut } = await show(true)
    expect(header.findAll('button').map((b) => b.text())).toEqual(['菜单', '李科长（党政办公室）'])
    expect(header.find('a[href="/settings/notices"]').exists()).toBe(false)
    expect(header.text()).not.toContain('退出登录')
    await header.find('button.account').trigger('click')
    await flushPromises()
    const menu = document.body.querySelector('.el-dropdown__popper')!
    expect(menu.querySelector('.account-card')!.textContent).toContain('党政办公室')
    expect(menu.querySelector('.account-card')!.textContent).toContain('责任单位')
    const items = [...menu.querySelectorAll('[role="menuitem"]')] as HTMLElement[]
    expect(items.map((item) => item.textContent!.trim())).toEqual(['通知设置', '退出登录'])
    items[0]!.click()
    await flushPromises()
    expect(router.currentRoute.value.path).toBe('/settings/notices')
    items[1]!.click()
    await flushPromises()
    expect(signOut).toHaveBeenCalledOnce()
  })

  // The review's finding 1: el-menu's entries were <li tabindex="-1"> with a click handler, never a Tab stop.
  for (const phone of [false, true]) {
    it(`the side menu ${phone ? 'on a phone (opened from 菜单)' : 'on a desk'}: a link an entry, each a Tab stop, the current screen aria-current="page"`, async () => {
      const { header, router } = await show(phone)
      if (phone) await header.find('button.menu-button').trigger('click')
      const nav = document.querySelector('nav[aria-label="主菜单"]')!
      const links = [...nav.querySelectorAll('a')] as HTMLAnchorElement[]
      expect(links.map((a) => [a.textContent!.trim(), a.getAttribute('href')])).toEqual([['我的任务', '/my-tasks'], ['待办', '/todos']])
      expect(nav.querySelectorAll('[tabindex="-1"], [role="menuitem"], [role="menubar"]')).toHaveLength(0)
      expect(links.every((a) => a.tabIndex === 0)).toBe(true)
      expect(links.map((a) => a.getAttribute('aria-current'))).toEqual(['page', null])
      links[1]!.focus()
      links[1]!.click() // Enter on a link is its click
      await flushPromises()
      expect(router.currentRoute.value.path).toBe('/todos')
      expect(links.map((a) => a.getAttribute('aria-current'))).toEqual([null, 'page'])
    })
  }

  // The tablet review: beside a 150 px menu a 768 px tablet's lists had 578 px, and tables ran off its edge.
  it('on a tablet or phone the side menu is folded into 菜单, opens over the page, and closes on the screen chosen, Esc or a tap beside it', async () => {
    const { header } = await show(true)
    const button = header.find('button.menu-button')
    const aside = document.getElementById('side-menu')!
    expect(button.attributes('aria-controls')).toBe('side-menu')
    expect(button.attributes('aria-expanded')).toBe('false')
    expect(aside.style.display).toBe('none')
    await button.trigger('click')
    await flushPromises()
    expect(button.attributes('aria-expanded')).toBe('true')
    expect(aside.style.display).toBe('')
    // over the button now: the focus goes to the open screen's entry
    expect(document.activeElement).toBe(aside.querySelector('a[aria-current="page"]'))
    aside.querySelectorAll('a')[1]!.click()
    await flushPromises()
    expect(button.attributes('aria-expanded')).toBe('false')
    expect(aside.style.display).toBe('none')
    await button.trigger('click')
    aside.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    await flushPromises()
    expect(button.attributes('aria-expanded')).toBe('false')
    expect(document.activeElement).toBe(button.element)
    await button.trigger('click')
    ;(document.querySelector('.menu-backdrop') as HTMLElement).click()
    await flushPromises()
    expect(button.attributes('aria-expanded')).toBe('false')
    expect(document.querySelector('.menu-backdrop')).toBeNull()
    expect(document.activeElement).toBe(button.element)
  })

  // The accessibility review of the tablet layout: the opened menu covered the page, yet Tab went on behind it, and
  // a screen reader read the page under it; a modal navigation drawer keeps both inside until it closes.
  describe('on a tablet or phone the opened menu is a modal dialog', () => {
    async function opened() {
      const { header, router } = await show(true)
      // the console's own move of the focus on a new screen (router.ts), which a screen chosen from the menu keeps
      router.afterEach((to, from, failure) => { if (!failure) followScreenChange(to, from) })
      const button = header.find('button.menu-button')
      await button.trigger('click')
      await flushPromises()
      const dialog = document.querySelector<HTMLElement>('#side-menu [role="dialog"]')!
      return { button: button.element as HTMLElement, dialog, links: [...dialog.querySelectorAll('a')], router }
    }
    const press = (key: string, shiftKey = false) => {
      const event = new KeyboardEvent('keydown', { key, shiftKey, bubbles: true, cancelable: true })
      document.activeElement!.dispatchEvent(event)
      return event
    }

    it('named, modal, said by its button; the focus on the open screen\'s entry inside it', async () => {
      const { button, dialog, links } = await opened()
      expect(button.getAttribute('aria-haspopup')).toBe('dialog')
      expect(button.getAttribute('aria-controls')).toBe('side-menu')
      expect(button.getAttribute('aria-expanded')).toBe('true')
      expect(document.getElementById('side-menu')!.contains(dialog)).toBe(true)
      expect([dialog.getAttribute('aria-modal'), dialog.getAttribute('aria-label')]).toEqual(['true', '菜单'])
      expect(dialog.querySelector('nav[aria-label="主菜单"]')).not.toBeNull()
      expect(document.activeElement).toBe(links[0])
      expect(links[0]!.getAttribute('aria-current')).toBe('page')
    })

    it('Tab and Shift+Tab go round 关闭菜单 and its entries, never out to the page behind it', async () => {
      const { dialog, links } = await opened()
      const close = dialog.querySelector<HTMLElement>('button.menu-close')!
      expect(press('Tab').defaultPrevented).toBe(false) // from the first to the next: the browser's own move
      links[1]!.focus()
      expect(press('Tab').defaultPrevented).toBe(true)
      expect(document.activeElement).toBe(close)
      expect(press('Tab', true).defaultPrevented).toBe(true)
      expect(document.activeElement).toBe(links[1])
      expect(press('Tab', true).defaultPrevented).toBe(false)
      close.focus()
      expect(press('Tab').defaultPrevented).toBe(false) // from 关闭菜单 to the first entry: the browser's own move
    })

    // The review of the folded menu: open, it covers 菜单 and showed no way to close it; a finger had to guess at
    // a tap beside it.
    it('shows 关闭菜单 at its top, before its entries, which closes it as Esc does, the focus back on 菜单', async () => {
      const { button, dialog, links } = await opened()
      const close = dialog.querySelector<HTMLElement>('button')!
      expect(close.textContent!.trim()).toBe('关闭菜单')
      expect(close.querySelector('svg')).not.toBeNull() // its icon, the ✕ a drawer's close is known by
      expect(close.compareDocumentPosition(links[0]!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
      expect(dialog.querySelector('nav')!.contains(close)).toBe(false)
      close.focus()
      close.click()
      await flushPromises()
      expect(button.getAttribute('aria-expanded')).toBe('false')
      expect(document.getElementById('side-menu')!.style.display).toBe('none')
      expect(document.activeElement).toBe(button)
    })

    it('Escape closes it and the focus goes back to 菜单', async () => {
      const { button, links } = await opened()
      links[1]!.focus()
      press('Escape')
      await flushPromises()
      expect(button.getAttribute('aria-expanded')).toBe('false')
      expect(document.getElementById('side-menu')!.style.display).toBe('none')
      expect(document.activeElement).toBe(button)
    })

    it('a screen chosen closes it, the focus on the new screen\'s content (not left on the entry, now hidden), the screen\'s name said', async () => {
      const { button, links, router } = await opened()
      links[1]!.focus()
      links[1]!.click()
      await flushPromises()
      expect(router.currentRoute.value.path).toBe('/todos')
      expect(screenAnnouncement.value).toBe('待办')
      expect(button.getAttribute('aria-expanded')).toBe('false')
      expect(document.activeElement).toBe(document.getElementById('main'))
    })

    it('the open screen\'s own entry chosen closes it too, the focus back on 菜单', async () => {
      const { button, links, router } = await opened()
      links[0]!.click()
      await flushPromises()
      expect(router.currentRoute.value.path).toBe('/my-tasks')
      expect(button.getAttribute('aria-expanded')).toBe('false')
      expect(document.activeElement).toBe(button)
    })

    // The review of the menu: on a screen whose address keeps choices (?tab=, ?inspection=) its own entry led to
    // the same screen without them, the menu hid the focused entry and no new screen took the focus.
    it('the open screen\'s own entry chosen while its address holds choices gives the focus back to 菜单 too', async () => {
      const { button, router } = await opened()
      await router.replace('/my-tasks?tab=overdue')
      await flushPromises()
      await button.click()
      await flushPromises()
      const own = document.querySelector<HTMLElement>('#side-menu [role="dialog"] a[aria-current="page"]')!
      own.click()
      await flushPromises()
      expect(router.currentRoute.value.fullPath).toBe('/my-tasks')
      expect(button.getAttribute('aria-expanded')).toBe('false')
      expect(document.activeElement).toBe(button)
    })
  })

  it('on a desk the side menu is always there, with no 菜单 button and nothing to close it', async () => {
    const { header } = await show(false)
    expect(header.find('button.menu-button').exists()).toBe(false)
    expect(document.getElementById('side-menu')!.style.display).toBe('')
    expect(document.querySelectorAll('#side-menu button')).toHaveLength(0)
  })
})
