// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import type { User } from 'oidc-client-ts'
import AppLayout from '@/layout/AppLayout.vue'
import { useSession } from '@/auth/session'

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
        { path: '/todos', component: Blank },
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
  })

  it('on a desk the side menu is always there, with no 菜单 button', async () => {
    const { header } = await show(false)
    expect(header.find('button.menu-button').exists()).toBe(false)
    expect(document.getElementById('side-menu')!.style.display).toBe('')
  })
})
