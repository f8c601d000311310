import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import type { User, UserManager } from 'oidc-client-ts'
import { createUserManager } from './oidc'
import { personFromClaims, type Person } from './roles'

let manager: UserManager | null = null
function users(): UserManager {
  manager ??= createUserManager()
  return manager
}

/** A manager made elsewhere instead of createUserManager's (the console's tests: one over a tab's storage and Keycloak's endpoints supplied). */
export function replaceUserManager(made: UserManager): void {
  manager = made
}

/** The signed-in person and their tokens. */
export const useSession = defineStore('session', () => {
  const user = shallowRef<User | null>(null)
  const expired = shallowRef(false)
  const person = computed<Person | null>(() => (user.value === null ? null : personFromClaims(user.value.profile)))

  let watching = false
  function watch() {
    if (watching) return
    watching = true
    const events = users().events
    events.addUserLoaded((loaded) => { user.value = loaded; expired.value = false })
    events.addAccessTokenExpired(() => { expired.value = true })
    events.addSilentRenewError(() => { expired.value = true })
    events.addUserSignedOut(() => { user.value = null })
  }

  async function load(): Promise<Person | null> {
    watch()
    const stored = await users().getUser()
    user.value = stored !== null && !stored.expired ? stored : null
    if (stored !== null && stored.expired) {
      // The refresh token may still be good: renew quietly rather than send the person away.
      try { user.value = await users().signinSilent() } catch { user.value = null }
    }
    return person.value
  }

  async function signIn(returnTo: string): Promise<void> {
    await users().signinRedirect({ state: { returnTo } })
  }

  /** After Keycloak sends the browser back: where the person was going. */
  async function completeSignIn(): Promise<string> {
    watch()
    const signedIn = await users().signinRedirectCallback()
    user.value = signedIn
    const state = signedIn.state as { returnTo?: string } | undefined
    return state?.returnTo ?? '/'
  }

  /** Signs in again in a popup, so that what the page holds (typed input) stays. */
  async function renewInPopup(): Promise<void> {
    user.value = await users().signinPopup()
    expired.value = false
  }

  async function completePopup(): Promise<void> {
    await users().signinPopupCallback()
  }

  async function signOut(): Promise<void> {
    const idToken = user.value?.id_token
    await users().removeUser()
    user.value = null
    await users().signoutRedirect(idToken === undefined ? {} : { id_token_hint: idToken })
  }

  /** The access token for the next call, null when none is valid. */
  async function accessToken(): Promise<string | null> {
    const current = user.value
    if (current === null) return null
    return current.expired ? null : current.access_token
  }

  return { user, person, expired, load, signIn, completeSignIn, renewInPopup, completePopup, signOut, accessToken }
})
