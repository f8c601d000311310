import { onBeforeUnmount, ref, type Ref } from 'vue'

/** The width at and below which the console lays itself out for a phone (the same as styles' media queries). */
export const PHONE_WIDTH = 600

/**
 * Whether the window matches a CSS media query now (`(min-width: 1100px)`); follows the window as it
 * turns or is resized, and stops following when the component goes. False where there is no window.
 * The one way a screen's script asks about the window's width, so that it agrees with the stylesheets.
 */
export function useMedia(query: string): Ref<boolean> {
  const list = typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(query) : null
  const matches = ref(list?.matches ?? false)
  const follow = (event: MediaQueryListEvent) => { matches.value = event.matches }
  list?.addEventListener('change', follow)
  onBeforeUnmount(() => list?.removeEventListener('change', follow))
  return matches
}

/** Whether the window is a phone's width now (at most PHONE_WIDTH). */
export function useNarrow(): Ref<boolean> {
  return useMedia(`(max-width: ${PHONE_WIDTH}px)`)
}
