import { ref } from 'vue'
import { useApi } from '@/api'

/**
 * The titles of the inspections a list's tasks belong to (an officer's or a supervisor's tasks may be of several), read
 * (every inspection, GET /inspections) only when the tasks are of more than one: a list of one inspection names none.
 * Not read, a task's inspection is unnamed (—): the list is what matters, so it shows without them.
 */
export function useInspectionTitles() {
  const api = useApi()
  const titles = ref<ReadonlyMap<string, string>>(new Map())

  async function readFor(tasks: readonly { inspectionId: string }[]): Promise<void> {
    if (new Set(tasks.map((t) => t.inspectionId)).size < 2 || tasks.every((t) => titles.value.has(t.inspectionId))) return
    try {
      titles.value = new Map((await api.tasks.allInspections()).map((i) => [i.id, i.title]))
    } catch {
      // unnamed (—), as said above
    }
  }

  const titleOf = (inspectionId: string): string => titles.value.get(inspectionId) ?? '—'

  return { readFor, titleOf }
}
