import { getCurrentInstance, onBeforeUnmount, onMounted, ref, type Ref } from 'vue'

/**
 * The width of the box the component is drawn in (its root's parent, content box), following it as the
 * window turns or the side menu opens and closes; null before it is measured, or where the browser cannot
 * (no ResizeObserver). A component's root may change (a table becoming cards); its parent stays.
 */
export function usePaneWidth(): Ref<number | null> {
  const width = ref<number | null>(null)
  const instance = getCurrentInstance()
  let observer: ResizeObserver | null = null
  onMounted(() => {
    const pane = (instance?.proxy?.$el as Node | null)?.parentElement
    if (!pane || typeof ResizeObserver !== 'function') return
    observer = new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1]
      if (entry) width.value = entry.contentRect.width
    })
    observer.observe(pane)
  })
  onBeforeUnmount(() => observer?.disconnect())
  return width
}
