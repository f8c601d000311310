import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { useSession } from '@/auth/session'
import { homeFor, mayOpen, type Role } from '@/auth/roles'
import { followScreenChange } from '@/screenChange'
import { TODOS_NAME } from '@/todosName'

declare module 'vue-router' {
  interface RouteMeta {
    /** Who may open the screen (admin always may, to read); none: anyone signed in. */
    roles?: Role[]
    /** A screen only for doing something (an import): only `roles` open it, admin not. */
    decides?: boolean
    /** Reached without signing in (the sign-in callbacks). */
    public?: boolean
    title?: string
  }
}

// Each screen is its own chunk, loaded when first opened: the first screen stays small.
const routes: RouteRecordRaw[] = [
  { path: '/callback', component: () => import('@/views/SignInCallback.vue'), meta: { public: true } },
  { path: '/popup-callback', component: () => import('@/views/PopupCallback.vue'), meta: { public: true } },
  {
    path: '/',
    component: () => import('@/layout/AppLayout.vue'),
    children: [
      { path: '', component: () => import('@/views/HomeRedirect.vue') },
      { path: 'my-tasks', component: () => import('@/views/MyTasksView.vue'), meta: { roles: ['officer'], title: '我的任务' } },
      { path: 'inspections', component: () => import('@/views/InspectionsView.vue'), meta: { roles: ['coordinator', 'supervisor', 'feedback-handler'], title: '巡视与整改方案' } },
      { path: 'inspections/:id/plan', component: () => import('@/views/PlanTreeView.vue'), meta: { roles: ['coordinator', 'supervisor', 'feedback-handler'], title: '整改方案' } },
      { path: 'tasks/:id', component: () => import('@/views/TaskView.vue'), meta: { roles: ['officer', 'coordinator', 'supervisor', 'feedback-handler'], title: '整改任务' } },
      { path: 'verification', component: () => import('@/views/VerificationQueueView.vue'), meta: { roles: ['supervisor'], title: '销号核实' } },
      { path: 'inspections/:id/plan-import', component: () => import('@/views/PlanImportView.vue'), meta: { roles: ['coordinator'], decides: true, title: '导入任务分解表' } },
      { path: 'inspections/:id/lists', component: () => import('@/views/ListsView.vue'), meta: { roles: ['coordinator', 'supervisor', 'feedback-handler'], title: '三个清单' } },
      { path: 'inspections/:id/publications', component: () => import('@/views/PublicationsView.vue'), meta: { roles: ['coordinator', 'supervisor'], title: '整改情况公布' } },
      { path: 'inspections/:id/report', component: () => import('@/views/ReportDraftView.vue'), meta: { roles: ['coordinator', 'supervisor'], title: '整改情况报告' } },
      { path: 'inspections/:id/leading-group', component: () => import('@/views/LeadingGroupView.vue'), meta: { roles: ['coordinator', 'supervisor'], title: '整改工作领导小组' } },
      { path: 'inspections/:id/accountability', component: () => import('@/views/AccountabilityView.vue'), meta: { roles: ['coordinator', 'supervisor'], title: '问责与追回' } },
      { path: 'inspections/:id/meetings', component: () => import('@/views/MeetingsView.vue'), meta: { roles: ['coordinator', 'supervisor'], title: '调度会议' } },
      // The 待办 of a meeting decision about no task links here (reporting's TodoQueries): the unit's officers open it too.
      { path: 'meetings/:id', component: () => import('@/views/MeetingView.vue'), meta: { roles: ['officer', 'coordinator', 'supervisor'], title: '会议' } },
      { path: 'look-back', component: () => import('@/views/LookBackView.vue'), meta: { roles: ['supervisor', 'coordinator'], title: '回头看' } },
      { path: 'feedback', component: () => import('@/views/FeedbackInboxView.vue'), meta: { roles: ['coordinator', 'supervisor', 'feedback-handler'], title: '意见建议办理' } },
      { path: 'feedback/:id', component: () => import('@/views/FeedbackView.vue'), meta: { roles: ['coordinator', 'supervisor', 'feedback-handler'], title: '意见建议' } },
      { path: 'todos', component: () => import('@/views/TodosView.vue'), meta: { roles: ['officer', 'coordinator', 'supervisor', 'feedback-handler'], title: TODOS_NAME } },
      { path: 'dead-letters', component: () => import('@/views/DeadLettersView.vue'), meta: { roles: ['admin'], title: '运维：死信' } },
      { path: 'read-models', component: () => import('@/views/ReadModelsView.vue'), meta: { roles: ['admin'], title: '运维：读模型与消费' } },
      { path: 'audit-verification', component: () => import('@/views/AuditVerificationView.vue'), meta: { roles: ['supervisor', 'admin'], title: '审计核验' } },
      { path: 'settings/notices', component: () => import('@/views/NoticeSettingsView.vue'), meta: { roles: ['officer', 'coordinator', 'supervisor', 'feedback-handler'], title: '通知设置' } },
      { path: 'no-access', component: () => import('@/views/NoAccess.vue'), meta: { title: '无权访问' } },
      { path: ':rest(.*)*', component: () => import('@/views/NoAccess.vue'), meta: { title: '未找到' } },
    ],
  },
]

export const router = createRouter({ history: createWebHistory('/console/'), routes })

router.beforeEach(async (to) => {
  if (to.meta.public) return true
  const session = useSession()
  const person = session.person ?? (await session.load())
  if (person === null) {
    await session.signIn(to.fullPath)
    return false
  }
  if (to.path === '/') return homeFor(person)
  return mayOpen(person, to.meta) ? true : '/no-access'
})

router.afterEach((to, from, failure) => {
  document.title = to.meta.title ? `${to.meta.title} · 巡视整改工作台` : '巡视整改工作台'
  if (!failure) followScreenChange(to, from)
})
