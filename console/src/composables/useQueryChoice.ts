import { computed, type WritableComputedRef } from 'vue'
import { useRoute, useRouter } from 'vue-router'

/**
 * A list's choice kept in the address (`?name=value`): a reload, a link passed on and 后退 from a row's page come
 * back to the list as it was filtered. Choosing replaces the address rather than adding to the history, so 后退
 * leaves the list instead of stepping through its filters; the address's other parameters stay.
 */
export function useQueryChoice(name: string): WritableComputedRef<string | undefined> {
  const choices = useQueryChoices()
  return computed({
    get: () => choices.read(name),
    set: (value) => { void choices.choose({ [name]: value }) },
  })
}

/**
 * Several choices of a list kept in the address at once (a tab, a search, filters, a page): `read(name)` as
 * useQueryChoice reads one, `choose({…})` replaces them together in one navigation (two choices set one after the
 * other would each start from the address before the other), leaving the address's other parameters as they are.
 */
export function useQueryChoices() {
  const route = useRoute()
  const router = useRouter()
  return {
    read(name: string): string | undefined {
      const value = route.query[name]
      return typeof value === 'string' && value !== '' ? value : undefined
    },
    choose(changes: Record<string, string | undefined>): Promise<unknown> {
      const query = { ...route.query }
      for (const [name, value] of Object.entries(changes)) {
        if (value) query[name] = value
        else delete query[name]
      }
      return router.replace({ query })
    },
  }
}
