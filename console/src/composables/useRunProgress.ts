import { onScopeDispose, ref, shallowRef } from 'vue'
import { describe } from '@/api/problem'

/** How often a running operation is asked after (docs/console.md, 运维：读模型与消费). */
export const RUN_POLL_MILLIS = 2_000

/**
 * The latest run of an operation a service records (the read-model rebuild, the personal-data rekey),
 * followed while it runs: read again every 2 s while RUNNING (a failed read too: it is still running
 * as far as is known) until DONE or FAILED, and not once more after the screen that follows it has gone
 * (its scope ends: the timer stops and the request in flight is ended). {@code read} answers null when
 * none was ever started (the service's 404).
 */
export function useRunProgress<T extends { state: string }>(read: (signal: AbortSignal) => Promise<T | null>,
  every = RUN_POLL_MILLIS) {
  /** undefined until read; null: none was ever started */
  const status = shallowRef<T | null | undefined>(undefined)
  const loading = ref(false)
  const error = ref('')
  let timer: ReturnType<typeof setTimeout> | undefined
  const gone = new AbortController()

  async function load(): Promise<void> {
    clearTimeout(timer)
    loading.value = true
    try {
      status.value = await read(gone.signal)
      error.value = ''
    } catch (e) {
      if (gone.signal.aborted) return
      error.value = describe(e)
    } finally {
      loading.value = false
    }
    // one timer at most, however many reads were in flight (a 刷新 during a poll)
    clearTimeout(timer)
    if (!gone.signal.aborted && status.value?.state === 'RUNNING') timer = setTimeout(() => void load(), every)
  }

  onScopeDispose(() => {
    gone.abort()
    clearTimeout(timer)
  })

  return { status, loading, error, load }
}
