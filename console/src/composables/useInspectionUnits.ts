import { ref } from 'vue'
import { useApi } from '@/api'
import { unitsOf } from '@/units'

/**
 * The units already named in an inspection (tasks-service's 责任清单, GET /inspections/{id}/responsibility-list),
 * read when a form that names a unit opens; while they cannot be read the list is empty and any name is taken.
 */
export function useInspectionUnits(inspectionId: string) {
  const units = ref<string[]>([])
  useApi().tasks.responsibilityList(inspectionId)
    .then((list) => { units.value = unitsOf(list) })
    .catch(() => { units.value = [] })
  return units
}
