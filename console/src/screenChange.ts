import { nextTick, ref } from 'vue'
import type { RouteLocationNormalized } from 'vue-router'

/** What AppLayout's live region says: the name of the screen just opened. */
export const screenAnnouncement = ref('')

/**
 * After a move to another screen, the focus goes to the content (#main) and the screen's name is
 * said (a polite live region), so a keyboard or screen reader user carries on from the new screen's
 * top and knows where they are. Without it the focus stays on the link that was followed, now gone,
 * and nothing is said. Not on the first screen (the browser's own start, the skip link first), and not
 * when only the query changes (a filter or a tab on the same screen keeps the focus where it is).
 */
export function followScreenChange(to: RouteLocationNormalized, from: RouteLocationNormalized): void {
  if (from.matched.length === 0 || to.path === from.path) return
  screenAnnouncement.value = to.meta.title ?? ''
  void nextTick(() => document.getElementById('main')?.focus({ preventScroll: true }))
}
