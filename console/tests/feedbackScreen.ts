import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, type RouteRecordRaw } from 'vue-router'
import ElementPlus from 'element-plus'
import type { User } from 'oidc-client-ts'
import type { Component } from 'vue'
import { useSession } from '@/auth/session'
import { settle } from './dialogDom'

/** Who a feedback screen is opened as: the office (整改办) unless a test says otherwise. */
export const OFFICE = { upn: 'bgs', name: '办公室', groups: ['coordinator'] }

/** The screens a feedback screen links to, rendered as nothing: the inbox, a feedback's page, a task's, any other. */
const LINKED: RouteRecordRaw[] = ['/feedback', '/feedback/:id', '/tasks/:id', '/:other(.*)*']
  .map((path) => ({ path, component: { render: () => null } }))

/**
 * Opens a feedback screen (its page or the inbox) at `path`, signed in as `profile`, with Element Plus and a
 * memory router, and waits for its first reads: what each feedback test did by hand.
 */
export async function openFeedbackScreen(component: Component, path: string,
  profile: { upn: string; name: string; groups: string[] } = OFFICE, routes: RouteRecordRaw[] = LINKED): Promise<VueWrapper> {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSession().user = { profile, expired: false, access_token: 't' } as unknown as User
  const router = createRouter({ history: createMemoryHistory(), routes })
  await router.push(path)
  const wrapper = mount(component, { global: { plugins: [pinia, router, ElementPlus] }, attachTo: document.body })
  await settle()
  return wrapper
}
