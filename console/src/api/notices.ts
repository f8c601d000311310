import type { HttpClient } from './http'

/** The immediate e-mail notices reporting-service sends (docs/notices.md). */
export type NoticeKind =
  | 'CLAIM_TO_VERIFY'
  | 'COMPLETION_REJECTED'
  | 'TASK_OVERDUE'
  | 'TASK_REOPENED'
  | 'TASK_CLOSED_OUT'
  | 'DEADLINE_CHANGED'
  | 'DEADLINE_EXTENSION_REFUSED'
  | 'FEEDBACK_REPLY_DUE_SOON'
  | 'FEEDBACK_REPLY_OVERDUE'

/** GET /me/notice-preferences: what the person chose, and what the screen needs to show it. */
export interface NoticePreferences {
  digest: boolean
  notices: Record<NoticeKind, boolean>
  /** each kind in Chinese */
  labels: Record<NoticeKind, string>
  /** the kinds sent to someone with the person's roles, in the service's order */
  applicable: NoticeKind[]
  /** when the daily digest goes out (HH:mm, Beijing time); null when the system sends none */
  digestAt: string | null
}

/** What a PUT sends: the digest and every kind's switch (a kind left out would stay on). */
export interface NoticeChoice {
  digest: boolean
  notices: Record<NoticeKind, boolean>
}

/** One switch of the screen: a notice that can reach the person. */
export interface NoticeSwitch {
  kind: NoticeKind
  label: string
}

/** The signed-in person's notice preferences, in reporting-service behind the gateway. */
export class NoticesApi {
  constructor(private readonly http: HttpClient) {}

  async mine(): Promise<NoticePreferences> {
    return (await this.http.request<NoticePreferences>('GET', '/me/notice-preferences')).body
  }

  async save(choice: NoticeChoice): Promise<NoticePreferences> {
    return (await this.http.request<NoticePreferences>('PUT', '/me/notice-preferences', { body: choice })).body
  }
}

/** The switches to show: only the kinds that can reach the person (the others would change nothing). */
export function switchesOf(preferences: NoticePreferences): NoticeSwitch[] {
  return preferences.applicable.map((kind) => ({ kind, label: preferences.labels[kind] ?? kind }))
}

/** The choice as loaded, to edit; a copy, so the loaded answer stays what the service said. */
export function choiceOf(preferences: NoticePreferences): NoticeChoice {
  return { digest: preferences.digest, notices: { ...preferences.notices } }
}

/** Whether the edited choice differs from what was saved. */
export function changed(saved: NoticePreferences, choice: NoticeChoice): boolean {
  if (saved.digest !== choice.digest) return true
  return (Object.keys(saved.notices) as NoticeKind[]).some((kind) => saved.notices[kind] !== choice.notices[kind])
}
