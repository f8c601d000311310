import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

// Served by the gateway under /console/ (deploy/local/stack); the APIs and Keycloak are on the
// same origin, so the development server proxies them to the gateway.
export default defineConfig({
  base: '/console/',
  // Element Plus's components on demand: each <el-…> a template uses (and v-loading) is imported
  // where it is used, instead of the whole library in the first screen's script. Its stylesheet
  // stays whole and first (main.ts), so styles.css overrides it in every page whatever loads later.
  plugins: [vue(), Components({ resolvers: [ElementPlusResolver({ importStyle: false })], dts: false })],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:8180', '/auth': 'http://127.0.0.1:8180' },
  },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 900,
  },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // the clean-up after each test, for every file (unmount, empty page, networks, timers, globals)
    setupFiles: ['tests/setup.ts'],
    // Each file in a VM context of its own within one worker, rather than a process of its own: Vue,
    // Element Plus and the test tools are loaded once, not for each of the 82 files; on two cores the
    // suite took 142 s of CPU instead of 294 (2026-12-07). What a file changes is undone in setup.ts, and
    // no file mocks a module (vi.mock): in these pools one file's mock can reach another's imports
    // (vitest#11284), so tests put their clients in place through replaceApi (recordedNetwork.ts).
    pool: 'vmThreads',
    // A test is given 30 s, not vitest's 5: CI runs these beside the services' tests on two cores,
    // where mounting a page of Element Plus components took 6-8 s (2026-12-03); a test that hangs
    // still fails.
    testTimeout: 30_000,
  },
})
