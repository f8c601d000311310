import type { ReadModelAdminApi, RebuildStatus } from '@/api/readModelAdmin'
import { RUN_POLL_MILLIS, useRunProgress } from './useRunProgress'

/** How often a running rebuild is asked after (docs/console.md, 运维：读模型与消费). */
export const REBUILD_POLL_MILLIS = RUN_POLL_MILLIS

/** The latest read-model rebuild, followed every 2 s while it runs ({@link useRunProgress}). */
export function useRebuildProgress(api: ReadModelAdminApi, every = REBUILD_POLL_MILLIS) {
  return useRunProgress<RebuildStatus>((signal) => api.rebuild(signal), every)
}
