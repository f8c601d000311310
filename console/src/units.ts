// 责任单位 is matched by its exact name: an officer sees the tasks of the unit the identity system puts
// them in, so "党政办" for "党政办公室" hides a task from its unit. The forms that name a unit offer the
// inspection's units (its 责任清单 by unit) and say when a name is new.
import type { ResponsibilityList } from '@/api/types'

/** The units the inspection's tasks already name, as its 责任清单 groups them. */
export function unitsOf(list: ResponsibilityList): string[] {
  return [...new Set(list.byResponsibleUnit.map((group) => group.name.trim()).filter((name) => name !== ''))]
}

/** A unit whose name contains the typed one or is contained in it (党政办 → 党政办公室): perhaps the one meant. */
function resembling(name: string, units: readonly string[]): string | undefined {
  return units.find((unit) => unit.includes(name) || name.includes(unit))
}

/** What to say under the field: nothing for a unit of the list (or none yet), else that it is new and what follows. */
export function newUnitNote(value: string, units: readonly string[]): string {
  const name = value.trim()
  if (name === '' || units.includes(name)) return ''
  const near = resembling(name, units)
  return `新的责任单位：${name}。该单位的人员需在身份系统中归属此单位后才能看到任务`
    + (near === undefined ? '' : `；是否是已有的“${near}”？`)
}
