import { useRouter } from 'vue-router'
import { useSession } from '@/auth/session'
import { mayOpen } from '@/auth/roles'

/**
 * Whether the signed-in person may open the screen at `path`, by the router's own rule: a screen
 * offers links only to the screens the person would not be refused (无权访问).
 */
export function useMayOpen(): (path: string) => boolean {
  const router = useRouter()
  const session = useSession()
  return (path) => session.person !== null && mayOpen(session.person, router.resolve(path).meta)
}
