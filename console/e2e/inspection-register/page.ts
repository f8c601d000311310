// 巡视与整改方案 as the office sees it (a coordinator's session; the API answered by shots.mjs). Served by vite.
import { createApp, h } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import '@/styles.css'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { User } from 'oidc-client-ts'
import { useSession } from '@/auth/session'
import InspectionsView from '@/views/InspectionsView.vue'

const pinia = createPinia()
const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { render: () => null } }] })
const app = createApp({ render: () => h('main', { style: 'padding: 16px' }, [h(InspectionsView)]) }).use(pinia).use(router).use(ElementPlus)
useSession(pinia).user = { profile: { upn: 'zgb', name: '王主任', groups: ['coordinator'] }, expired: false, access_token: 't', expires_in: 3600 } as unknown as User
await router.push('/inspections')
app.mount('#app')
