// After every test of every file (vite.config.ts: test.setupFiles), what a test leaves behind, taken
// away here once rather than in each file: the components it mounted (unmounted, so none reacts to the
// next test's DOM), what they and their teleported dialogs left in the page, what a recorded network
// (recordedNetwork.ts) was sent and still had queued, the staff names read, the screen's name said,
// fake timers and stubbed globals (matchMedia). A file's own afterEach runs first (vitest runs
// after-hooks last registered first), so it still finds its components mounted. After every file,
// the clients and the paint wait it put in place of the real ones.
//
// The files run one after another in VM contexts of one worker (vite.config.ts: pool), where modules
// outside the sources (Vue, Element Plus, Vue Test Utils) are loaded once for all of them and even a
// source module's state can reach the next file: so what a file changes is undone here, not left to
// the next file's fresh start.
import { afterAll, afterEach, vi } from 'vitest'
import { disableAutoUnmount, enableAutoUnmount } from '@vue/test-utils'
import { replaceApi } from '@/api'
import { forgetPeopleNames } from '@/composables/usePeopleNames'
import { replacePaint } from '@/planTreeOpening'
import { screenAnnouncement } from '@/screenChange'
import { resetNetworks } from './recordedNetwork'

afterEach(() => {
  if (typeof document !== 'undefined') document.body.innerHTML = ''
  resetNetworks()
  forgetPeopleNames()
  screenAnnouncement.value = ''
  vi.useRealTimers()
  vi.unstubAllGlobals()
})
// Vue Test Utils is the previous file's too: its auto-unmount is set up anew for this file's hooks.
disableAutoUnmount()
// registered after the hook above, so run before it: the components unmount before the page is emptied
enableAutoUnmount(afterEach)

afterAll(() => {
  replaceApi(null)
  replacePaint(null)
})
