// After every test of every file (vite.config.ts: test.setupFiles), what a test leaves behind, taken
// away here once rather than in each file: the components it mounted (unmounted, so none reacts to the
// next test's DOM), what they and their teleported dialogs left in the page, what a recorded network
// (recordedNetwork.ts) was sent and still had queued, fake timers and stubbed globals (matchMedia).
// A file's own afterEach runs first (vitest runs after-hooks last registered first), so it still
// finds its components mounted.
import { afterEach, vi } from 'vitest'
import { enableAutoUnmount } from '@vue/test-utils'
import { resetNetworks } from './recordedNetwork'

afterEach(() => {
  if (typeof document !== 'undefined') document.body.innerHTML = ''
  resetNetworks()
  vi.useRealTimers()
  vi.unstubAllGlobals()
})
// registered after the hook above, so run before it: the components unmount before the page is emptied
enableAutoUnmount(afterEach)
