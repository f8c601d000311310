import { describe, expect, it } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import type { Answer } from '@/api/http'
import { ApiError } from '@/api/problem'
import type { ReadModelsApi, TaskReadModel } from '@/api/readModels'
import { useTaskChanges, WAIT_SECONDS, type Pause } from '@/composables/useTaskChanges'

type Step = Answer<TaskReadModel> | null | ApiError

/** A read-model client answering from a script, then holding the last read open until aborted. */
function scripted(steps: Step[], asked: string[]): ReadModelsApi {
  const next = (signal?: AbortSignal): Promise<Answer<TaskReadModel> | null> => {
    const step = steps.shift()
    if (step === undefined) {
      return new Promise((_, reject) => signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))
    }
    return step instanceof ApiError ? Promise.reject(step) : Promise.resolve(step)
  }
  return {
    task: (id: string, signal?: AbortSignal) => { asked.push(`read ${id}`); return next(signal) },
    taskChange: (id: string, etag: string, seconds: number, signal?: AbortSignal) => {
      asked.push(`wait ${id} ${etag} ${seconds}`)
      return next(signal)
    },
  } as unknown as ReadModelsApi
}

const at = (version: number, reports = 0): Answer<TaskReadModel> =>
  ({ body: { id: 't1', version, state: 'IN_PROGRESS' }, etag: `${version}-${reports}` })

const settle = async () => { for (let i = 0; i < 10; i++) await nextTick() }

describe('useTaskChanges', () => {
  it('says the task changed once the read model is past the version shown, and not after a reload', async () => {
    const asked: string[] = []
    const shown = ref(3)
    const scope = effectScope()
    const { changed } = scope.run(() => useTaskChanges(scripted([at(3), null, at(4)], asked), () => 't1', () => shown.value,
      async () => {}))!
    await settle()
    expect(asked).toEqual(['read t1', `wait t1 3-0 ${WAIT_SECONDS}`, `wait t1 3-0 ${WAIT_SECONDS}`, `wait t1 4-0 ${WAIT_SECONDS}`])
    expect(changed.value).toBe(true)
    shown.value = 4 // the page read the task again
    expect(changed.value).toBe(false)
    scope.stop()
  })

  it('a change of the page\u2019s own is no news: the read model reaching the version shown', async () => {
    const shown = ref(5)
    const scope = effectScope()
    const { changed } = scope.run(() => useTaskChanges(scripted([at(4), at(5, 1)], []), () => 't1', () => shown.value))!
    await settle()
    expect(changed.value).toBe(false)
    scope.stop()
  })

  it('stops for someone who may not read the read models, and retries later on other failures', async () => {
    const asked: string[] = []
    const pauses: number[] = []
    const pause: Pause = async (millis) => { pauses.push(millis) }
    const scope = effectScope()
    scope.run(() => useTaskChanges(scripted([new ApiError({ status: 404, title: 'Not Found' }),
      new ApiError({ status: 0, title: 'network' }), new ApiError({ status: 403, title: 'Forbidden' })], asked),
    () => 't1', () => 1, pause))
    await settle()
    expect(pauses).toEqual([2_000, 4_000])
    expect(asked).toEqual(['read t1', 'read t1', 'read t1'])
    scope.stop()
  })

  it('does not ask again at once when the service answered without waiting', async () => {
    const pauses: number[] = []
    const pause: Pause = async (millis) => { pauses.push(millis) }
    const scope = effectScope()
    scope.run(() => useTaskChanges(scripted([at(2), null], []), () => 't1', () => 2, pause))
    await settle()
    expect(pauses).toEqual([10_000])
    scope.stop()
  })

  it('without an ETag to wait on it reads again only after a pause, not in a loop', async () => {
    const asked: string[] = []
    const pauses: number[] = []
    const pause: Pause = async (millis) => { pauses.push(millis) }
    const scope = effectScope()
    scope.run(() => useTaskChanges(scripted([{ body: { id: 't1', version: 2, state: 'IN_PROGRESS' }, etag: null }], asked),
      () => 't1', () => 2, pause))
    await settle()
    expect(pauses).toEqual([10_000])
    expect(asked).toEqual(['read t1', 'read t1'])
    scope.stop()
  })

  it('follows nothing until the page has its task, and stops when the page goes', async () => {
    const asked: string[] = []
    const id = ref<string | null>(null)
    const scope = effectScope()
    scope.run(() => useTaskChanges(scripted([at(1)], asked), () => id.value, () => 1))
    await settle()
    expect(asked).toEqual([])
    id.value = 't1'
    await settle()
    expect(asked).toEqual(['read t1', `wait t1 1-0 ${WAIT_SECONDS}`])
    scope.stop()
    await settle()
    expect(asked).toHaveLength(2)
  })
})
