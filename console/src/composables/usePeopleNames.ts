import { shallowRef } from 'vue'
import { useApi } from '@/api'

// The staff's display names (reporting-service GET /people): the ledger keeps who claimed, verified or
// reviewed by username, and colleagues know each other as 李科长（党政办公室）, not dzb. Read once for
// the page and shared by every screen; until it is read, or when it cannot be, the username shows.
const names = shallowRef<ReadonlyMap<string, string>>(new Map())
let reading: Promise<void> | null = null

/** Forgets the names read (a test's fresh start). */
export function forgetPeopleNames() {
  names.value = new Map()
  reading = null
}

export function usePeopleNames() {
  if (reading === null) {
    const api = useApi()
    reading = api.people.names()
      .then((people) => { names.value = new Map(people.map((p) => [p.username, p.displayName])) })
      .catch(() => { reading = null }) // the next screen asks again
  }
  /** The display name of `username`; the username itself when the directory has none; null for no one. */
  const nameOf = (username: string | null | undefined): string | null =>
    username ? names.value.get(username) ?? username : null
  return { nameOf }
}
