import { ref, shallowRef, type Ref } from 'vue'
import { describe } from '@/api/problem'

/** Data a screen loads: loading while it comes, the failure in a sentence, `load` to fetch again. */
export function useLoad<T>(fetcher: () => Promise<T>, initial: T) {
  const data = shallowRef(initial) as Ref<T>
  const loading = ref(false)
  const error = ref('')

  async function load(): Promise<void> {
    loading.value = true
    error.value = ''
    try {
      data.value = await fetcher()
    } catch (e) {
      error.value = describe(e)
    } finally {
      loading.value = false
    }
  }

  return { data, loading, error, load }
}
