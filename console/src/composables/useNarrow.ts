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

/**
 * The width at and below which the side menu folds into the header's 菜单 button and the header into the
 * name's menu (a tablet, a phone): beside a 150 px menu a 768 px tablet left a list 578 px.
 */
export const MENU_FOLD_WIDTH = 1000

/** Whether the window is a phone's width now (at most PHONE_WIDTH). */
export function useNarrow(): Ref<boolean> {
  return useMedia(`(max-width: ${PHONE_WIDTH}px)`)
}

/** Whether the window is a tablet's width or less now (at most MENU_FOLD_WIDTH): the side menu folded. */
export function useMenuFolded(): Ref<boolean> {
  return useMedia(`(max-width: ${MENU_FOLD_WIDTH}px)`)
}

/** Whether the pointer is a finger (a phone's, a tablet's screen): the same query as styles.css's larger targets. */
export function useTouch(): Ref<boolean> {
  return useMedia('(pointer: coarse)')
}
