import { UserManager, WebStorageStateStore, type UserManagerSettings } from 'oidc-client-ts'

/**
 * Keycloak's realm on this origin (the gateway routes /auth to it): authorization code with PKCE
 * S256 (oidc-client-ts's default for the code flow) for the public client `console`. The tokens
 * are renewed with the refresh token before they expire while the page is open; they are kept
 * in this tab's sessionStorage only. `environment` replaces what only a browser tab has (its storage,
 * Keycloak's discovery document) where there is none: the silent-renewal test.
 */
export function createUserManager(origin: string = window.location.origin, environment: Partial<UserManagerSettings> = {}): UserManager {
  return new UserManager({
    authority: `${origin}/auth/realms/rectification`,
    client_id: 'console',
    redirect_uri: `${origin}/console/callback`,
    popup_redirect_uri: `${origin}/console/popup-callback`,
    post_logout_redirect_uri: `${origin}/console/`,
    response_type: 'code',
    scope: 'openid profile',
    automaticSilentRenew: true,
    accessTokenExpiringNotificationTimeInSeconds: 60,
    userStore: environment.userStore ?? new WebStorageStateStore({ store: window.sessionStorage }),
    ui_locales: 'zh-CN',
    ...environment,
  })
}
