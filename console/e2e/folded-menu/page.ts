// The console's frame (AppLayout: header, side menu, content) as a supervisor sees it on 销号核实, without
// signing in: a session set here, no services (待办's count hidden, its read refused). Served by vite for check.mjs.
import { createApp, h } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import '@/styles.css'
import { createRouter, createWebHashHistory } from 'vue-router'
import type { User } from 'oidc-client-ts'
import { useSession } from '@/auth/session'
import AppLayout from '@/layout/AppLayout.vue'

window.fetch = () => Promise.reject(new Error('no services here'))
const Screen = { render: () => h('section', [h('h1', '销号核实'), h('p', '待核实的销号申请列在这里。'.repeat(12))]) }
const pinia = createPinia()
const router = createRouter({ history: createWebHashHistory(), routes: [{ path: '/:p(.*)*', component: Screen }] })
useSession(pinia).user = { profile: { upn: 'dcs', name: '赵组长（督查室）', groups: ['supervisor'] }, expired: false, access_token: 't', expires_in: 3600 } as unknown as User
await router.push('/verification')
createApp(AppLayout).use(pinia).use(router).use(ElementPlus).mount('#app')
