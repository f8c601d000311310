import { computed, onScopeDispose, ref, watch, type ComputedRef } from 'vue'
import type { Answer } from '@/api/http'
import type { ReadModelsApi, TaskReadModel } from '@/api/readModels'
import { ApiError } from '@/api/problem'

/** How long one read waits for a change: under reporting-service's 30 s and the gateway's 60 s. */
export const WAIT_SECONDS = 25

/** A 304 sooner than this was not waited for (the service was at its limit): wait before asking again. */
const UNWAITED_MILLIS = 1_000
const UNWAITED_PAUSE_MILLIS = 10_000

export type Pause = (millis: number, signal: AbortSignal) => Promise<void>

const sleep: Pause = (millis, signal) => new Promise((resolve) => {
  const timer = setTimeout(resolve, millis)
  signal.addEventListener('abort', () => { clearTimeout(timer); resolve() }, { once: true })
})

/**
 * Whether the task a page shows has changed since the page read it (someone else reported
 * progress, attached a file, verified): reporting-service holds each read until the task changes
 * (`Prefer: wait`), so the page learns of it within moments of the change, with one request
 * open instead of polling. `taskId` is the task followed, `shown` the version the page shows.
 */
export function useTaskChanges(readModels: ReadModelsApi, taskId: () => string | null, shown: () => number | null,
  pause: Pause = sleep): { changed: ComputedRef<boolean> } {
  const newest = ref<number | null>(null)
  const changed = computed(() => {
    const version = shown()
    return newest.value !== null && version !== null && newest.value > version
  })
  let following: AbortController | null = null

  async function follow(id: string, signal: AbortSignal) {
    let etag: string | null = null
    let failures = 0
    while (!signal.aborted) {
      const asked = Date.now()
      try {
        const answer: Answer<TaskReadModel> | null = etag === null
          ? await readModels.task(id, signal)
          : await readModels.taskChange(id, etag, WAIT_SECONDS, signal)
        failures = 0
        if (answer !== null) {
          etag = answer.etag
          newest.value = answer.body.version
        }
        // Nothing to wait on (no ETag came, say a proxy dropped it) or a 304 not waited for: not at once again.
        if ((answer !== null && etag === null) || (answer === null && Date.now() - asked < UNWAITED_MILLIS)) {
          await pause(UNWAITED_PAUSE_MILLIS, signal)
        }
      } catch (error) {
        if (signal.aborted) return
        // Someone who may not read the read models has nothing to follow here.
        if (error instanceof ApiError && error.status === 403) return
        // Not there yet (a task just made), the network, the service restarting: later, less often.
        failures += 1
        await pause(Math.min(30_000, 1_000 * 2 ** failures), signal)
      }
    }
  }

  watch(taskId, (id) => {
    following?.abort()
    newest.value = null
    if (id !== null) {
      following = new AbortController()
      void follow(id, following.signal)
    }
  }, { immediate: true })
  onScopeDispose(() => following?.abort())
  return { changed }
}
