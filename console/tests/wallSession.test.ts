// The dashboard's wall-screen session (reporting-service's ui/wall-session.js, a plain script the
// page loads): its state logic, run here with a fake Keycloak, a fake clock and fake storage.
import { describe, expect, it } from 'vitest'
import source from '../../reporting-service/src/main/resources/META-INF/resources/ui/wall-session.js?raw'

interface State { name: string; failures: number; nextTry?: number }
interface Session {
  start(): Promise<void>; complete(code: string, state: string): Promise<string>; signIn(back: string): Promise<void>
  refused(): Promise<void>; token(): string | null; state(): State; hasOfflineToken(): boolean
}
interface WallSession {
  create(options: Record<string, unknown>): Session
  retryDelay(failures: number): number
  renewAfter(expiresIn: number): number
  outcome(status: number, body: unknown): 'signin' | 'retry'
  describe(state: State, now: number): { kind: string; text: string } | null
}

const window: { WallSession?: WallSession } = {}
new Function('window', source)(window)
const wall = window.WallSession as WallSession

function memory(): Storage {
  const items = new Map<string, string>()
  return {
    getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => { items.set(k, v) },
    removeItem: (k: string) => { items.delete(k) }, clear: () => items.clear(), key: () => null, get length() { return items.size },
  }
}

/** A fake Keycloak token endpoint answering from a queue, a clock moved by hand and timers run by hand. */
function harness(answers: (() => Response)[], offlineToken: string | null = 'offline-1') {
  const requests: URLSearchParams[] = []
  const states: string[] = []
  const timers: { at: number; fn: () => void; id: number }[] = []
  const storage = memory()
  const scratch = memory()
  let clock = 1_000_000
  let nextId = 1
  const navigated: string[] = []
  if (offlineToken !== null) storage.setItem('wallScreen.offlineToken', offlineToken)
  const session = wall.create({
    authority: 'http://gw/auth/realms/rectification', clientId: 'wall-screen', redirectUri: 'http://gw/api/reporting/ui/dashboard.html?wall=1',
    storage, scratch,
    fetch: async (_url: string, init: { body: string }) => {
      requests.push(new URLSearchParams(init.body))
      const answer = answers.shift()
      if (answer === undefined) throw new TypeError('Failed to fetch')
      return answer()
    },
    now: () => clock,
    schedule: (fn: () => void, ms: number) => { const id = nextId++; timers.push({ at: clock + ms, fn, id }); return id },
    cancel: (id: number) => { const i = timers.findIndex((t) => t.id === id); if (i >= 0) timers.splice(i, 1) },
    navigate: (url: string) => { navigated.push(url) },
    random: () => `random-${nextId++}`,
    challenge: async (verifier: string) => `challenge-of-${verifier}`,
    onChange: (state: State) => { states.push(state.name) },
  })
  /** Moves the clock to the next timer and runs it. */
  async function elapse(): Promise<number> {
    timers.sort((a, b) => a.at - b.at)
    const next = timers.shift()
    if (next === undefined) throw new Error('no timer')
    const waited = next.at - clock
    clock = next.at
    next.fn()
    await new Promise((resolve) => setTimeout(resolve, 0))
    return waited
  }
  return { session, requests, states, storage, navigated, elapse, now: () => clock }
}

const tokens = (access: string, offline: string, expiresIn = 300) => () =>
  new Response(JSON.stringify({ access_token: access, refresh_token: offline, expires_in: expiresIn }), { status: 200 })
const refused = () => new Response(JSON.stringify({ error: 'invalid_grant', error_description: 'Offline session not active' }), { status: 400 })
const down = () => new Response('Bad Gateway', { status: 502 })

describe('the wall screen stays signed in', () => {
  it('renews at 70 % of the token life and waits longer after each failure, 5 s up to 5 minutes', () => {
    expect(wall.renewAfter(300)).toBe(210)
    expect(wall.renewAfter(4)).toBe(5)
    expect([1, 2, 3, 4, 7, 20].map(wall.retryDelay)).toEqual([5, 10, 20, 40, 300, 300])
    expect(wall.outcome(400, { error: 'invalid_grant' })).toBe('signin')
    expect(wall.outcome(401, {})).toBe('signin')
    expect(wall.outcome(400, { error: 'temporarily_unavailable' })).toBe('retry')
    expect(wall.outcome(503, {})).toBe('retry')
  })

  it('renews with the offline token, keeps the new one, and renews again before the access token expires', async () => {
    const h = harness([tokens('access-1', 'offline-2'), tokens('access-2', 'offline-3')])
    await h.session.start()
    expect(h.requests[0]?.get('grant_type')).toBe('refresh_token')
    expect(h.requests[0]?.get('refresh_token')).toBe('offline-1')
    expect(h.requests[0]?.get('client_id')).toBe('wall-screen')
    expect(h.session.token()).toBe('access-1')
    expect(h.storage.getItem('wallScreen.offlineToken')).toBe('offline-2')
    expect(await h.elapse()).toBe(210_000)
    expect(h.requests[1]?.get('refresh_token')).toBe('offline-2')
    expect(h.session.token()).toBe('access-2')
    expect(wall.describe(h.session.state(), h.now())).toBeNull()
  })

  it('says 已断开，重新连接中 while Keycloak is unreachable, retries, and is connected again afterwards', async () => {
    const h = harness([tokens('access-1', 'offline-2'), down, () => { throw new TypeError('Failed to fetch') }, tokens('access-2', 'offline-3')])
    await h.session.start()
    await h.elapse() // the planned renewal: 502
    expect(h.session.state()).toMatchObject({ name: 'reconnecting', failures: 1 })
    expect(wall.describe(h.session.state(), h.now())).toEqual({ kind: 'reconnecting', text: '已断开，重新连接中（已连续失败 1 次，5 秒后重试）' })
    // the access token in hand is kept: it may still be good until it expires
    expect(h.session.token()).toBe('access-1')
    expect(await h.elapse()).toBe(5_000) // network down
    expect(h.session.state()).toMatchObject({ name: 'reconnecting', failures: 2 })
    expect(wall.describe(h.session.state(), h.now() + 4_000)?.text).toBe('已断开，重新连接中（已连续失败 2 次，6 秒后重试）')
    expect(await h.elapse()).toBe(10_000)
    expect(h.session.state()).toEqual({ name: 'connected', failures: 0 })
    expect(h.session.token()).toBe('access-2')
    expect(h.states).toEqual(['connected', 'reconnecting', 'reconnecting', 'connected'])
  })

  it('says 已断开 and asks for a sign-in when Keycloak refuses the offline token, and forgets it', async () => {
    const h = harness([refused])
    await h.session.start()
    expect(h.session.state().name).toBe('signin')
    expect(h.session.token()).toBeNull()
    expect(h.session.hasOfflineToken()).toBe(false)
    expect(wall.describe(h.session.state(), h.now())).toEqual({ kind: 'disconnected', text: '已断开：大屏的登录已失效或尚未登录，请用大屏账号重新登录' })
  })

  it('signs in with PKCE asking for offline_access, and exchanges the code it comes back with', async () => {
    const h = harness([tokens('access-1', 'offline-1')], null)
    await h.session.signIn('?wall=1&rotate=30')
    const url = new URL(h.navigated[0] ?? '')
    expect(url.pathname).toBe('/auth/realms/rectification/protocol/openid-connect/auth')
    expect(url.searchParams.get('scope')).toBe('openid offline_access')
    expect(url.searchParams.get('code_challenge_method')).toBe('S256')
    const verifier = url.searchParams.get('code_challenge')?.replace('challenge-of-', '')
    const back = await h.session.complete('code-1', url.searchParams.get('state') ?? '')
    expect(back).toBe('?wall=1&rotate=30')
    expect(h.requests[0]?.get('grant_type')).toBe('authorization_code')
    expect(h.requests[0]?.get('code_verifier')).toBe(verifier)
    expect(h.session.token()).toBe('access-1')
    expect(h.session.hasOfflineToken()).toBe(true)
  })

  it('refuses a code that does not answer its own sign-in', async () => {
    const h = harness([], null)
    await h.session.signIn('?wall=1')
    expect(await h.session.complete('code-1', 'someone-elses-state')).toBe('')
    expect(h.requests).toHaveLength(0)
    expect(h.session.state().name).toBe('signin')
  })

  it('renews at once when a figure is refused with 401', async () => {
    const h = harness([tokens('access-1', 'offline-2'), tokens('access-2', 'offline-3')])
    await h.session.start()
    await h.session.refused()
    expect(h.requests).toHaveLength(2)
    expect(h.session.token()).toBe('access-2')
  })
})
