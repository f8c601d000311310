import { onBeforeUnmount, ref } from 'vue'

/** The width at and below which the console lays itself out for a phone (the same as styles' media queries). */
export const PHONE_WIDTH = 600

/** Whether the window is a phone's width now; follows the window as it turns or is resized. */
export function useNarrow() {
  const query = typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia(`(max-width: ${PHONE_WIDTH}px)`) : null
  const narrow = ref(query?.matches ?? false)
  const follow = (event: MediaQueryListEvent) => { narrow.value = event.matches }
  query?.addEventListener('change', follow)
  onBeforeUnmount(() => query?.removeEventListener('change', follow))
  return narrow
}
