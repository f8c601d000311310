import { ref } from 'vue'
import { useApi } from '@/api'

/**
 * The titles of the inspections a list's tasks (or 待办) belong to (an officer's or a supervisor's tasks may be of several), read
 * (every inspection, GET /inspections) only when the tasks are of more than one: a list of one inspection names none.
 * Not read, a task's inspection is unnamed (—): the list is what matters, so it shows without them.
 */
export function useInspectionTitles() {
  const api = useApi()
  const titles = ref<ReadonlyMap<string, string>>(new Map())

  // a row of no inspection (a 待办 about none) counts for none
  async function readFor(tasks: readonly { inspectionId: string | null }[]): Promise<void> {
    const ids = new Set(tasks.flatMap((t) => (t.inspectionId === null ? [] : [t.inspectionId])))
    if (ids.size < 2 || [...ids].every((id) => titles.value.has(id))) return
    try {
      titles.value = new Map((await api.tasks.allInspections()).map((i) => [i.id, i.title]))
    } catch {
      // unnamed (—), as said above
    }
  }

  const titleOf = (inspectionId: string): string => titles.value.get(inspectionId) ?? '—'

  return { readFor, titleOf }
}
