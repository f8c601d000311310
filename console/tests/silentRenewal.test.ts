import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { reactive } from 'vue'
import { InMemoryWebStorage, User, WebStorageStateStore, type UserManager } from 'oidc-client-ts'
import { createUserManager } from '@/auth/oidc'
import { replaceUserManager, useSession } from '@/auth/session'

// The console's own settings (createUserManager), with what a tab would have supplied: its storage
// and Keycloak's discovery document. The token endpoint is a fake fetch; the clock is vitest's.
const ORIGIN = 'https://console.test'
const TOKEN_ENDPOINT = `${ORIGIN}/auth/realms/rectification/protocol/openid-connect/token`
let manager: UserManager | undefined

/** The session's manager, made once for the file on the first test's clock, as the session makes its own on first use. */
function managerOnce(): UserManager {
  if (manager === undefined) {
    const store = new WebStorageStateStore({ store: new InMemoryWebStorage() })
    manager = createUserManager(ORIGIN, {
      userStore: store,
      stateStore: store,
      metadata: {
        issuer: `${ORIGIN}/auth/realms/rectification`,
        authorization_endpoint: `${ORIGIN}/auth/realms/rectification/protocol/openid-connect/auth`,
        token_endpoint: TOKEN_ENDPOINT,
        end_session_endpoint: `${ORIGIN}/auth/realms/rectification/protocol/openid-connect/logout`,
      },
    })
    replaceUserManager(manager)
  }
  return manager
}

const START = Date.parse('2026-11-30T01:00:00Z')
const LIFESPAN = 300 // Keycloak's access-token lifespan in the realm (deploy/local/keycloak)

function tokenAnswer(n: number): Response {
  return new Response(JSON.stringify({
    access_token: `access-${n}`, refresh_token: `refresh-${n}`, token_type: 'Bearer', expires_in: LIFESPAN, scope: 'openid profile',
  }), { status: 200, headers: { 'Content-Type': 'application/json' } })
}

describe('silent renewal while the page is open', () => {
  let refreshes: string[]

  beforeEach(async () => {
    vi.useFakeTimers({ now: START })
    refreshes = []
    vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
      expect(url).toBe(TOKEN_ENDPOINT)
      const form = new URLSearchParams(String(init.body))
      expect(form.get('grant_type')).toBe('refresh_token')
      refreshes.push(form.get('refresh_token') ?? '')
      return tokenAnswer(refreshes.length + 1)
    }))
    setActivePinia(createPinia())
    managerOnce()
  })

  async function signedIn() {
    const session = useSession()
    await session.load() // creates the manager (and starts its renewal) with nobody signed in yet
    await managerOnce().storeUser(new User({
      access_token: 'access-1', refresh_token: 'refresh-1', token_type: 'Bearer', scope: 'openid profile',
      expires_at: Math.floor(START / 1000) + LIFESPAN,
      profile: { sub: 's-1', iss: `${ORIGIN}/auth/realms/rectification`, aud: 'console', exp: 0, iat: 0, upn: 'zsj', name: '张书记', groups: ['officer'], unit: '党政办公室' },
    }))
    await session.load()
    return session
  }

  it('renews the access token with the refresh token a minute before it expires, quietly', async () => {
    const session = await signedIn()
    const redirect = vi.spyOn(managerOnce(), 'signinRedirect')
    const popup = vi.spyOn(managerOnce(), 'signinPopup')
    // What a clerk is typing on the page meanwhile; nothing in a renewal may touch it.
    const form = reactive({ text: '本周完成台账整理' })
    expect(await session.accessToken()).toBe('access-1')

    await vi.advanceTimersByTimeAsync((LIFESPAN - 65) * 1000)
    expect(refreshes).toEqual([])
    expect(await session.accessToken()).toBe('access-1')

    await vi.advanceTimersByTimeAsync(10_000) // now inside the last minute
    expect(refreshes).toEqual(['refresh-1'])
    expect(await session.accessToken()).toBe('access-2')

    // Past the first token's expiry, and through the next renewal: still signed in, no banner.
    await vi.advanceTimersByTimeAsync(LIFESPAN * 1000)
    expect(refreshes).toEqual(['refresh-1', 'refresh-2'])
    expect(await session.accessToken()).toBe('access-3')
    expect(session.expired).toBe(false)
    expect(session.person?.displayName).toBe('张书记')
    expect(redirect).not.toHaveBeenCalled()
    expect(popup).not.toHaveBeenCalled()
    expect(form.text).toBe('本周完成台账整理')
  }, 60_000) // the loaded CI machine: several minutes of fake time pass in many small steps

  it('shows the expiry banner instead of leaving the page when the refresh is refused', async () => {
    const session = await signedIn()
    const redirect = vi.spyOn(managerOnce(), 'signinRedirect')
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ error: 'invalid_grant', error_description: 'Session not active' }),
      { status: 400, headers: { 'Content-Type': 'application/json' } })))

    await vi.advanceTimersByTimeAsync((LIFESPAN - 55) * 1000)
    expect(session.expired).toBe(true)
    expect(redirect).not.toHaveBeenCalled()
  })
})
