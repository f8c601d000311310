import { ref, type Ref } from 'vue'
import { useApi } from '@/api'
import { describe } from '@/api/problem'
import type { InspectionView } from '@/api/types'

/**
 * The inspection a screen of one inspection is about (its title for the heading); a failure to
 * read it is said in the screen's own error line, beside the screen's other failures.
 */
export function useInspection(inspectionId: string, error: Ref<string>) {
  const api = useApi()
  const inspection = ref<InspectionView | null>(null)

  async function loadInspection(): Promise<void> {
    try {
      inspection.value = await api.tasks.inspection(inspectionId)
    } catch (e) {
      error.value = describe(e)
    }
  }

  return { inspection, loadInspection }
}
