import { shallowRef } from 'vue'
import { useApi } from '@/api'
import type { TodoList } from '@/api/todos'

/** The signed-in person's 待办 as last read, shared by the header's count and every screen that reads them. */
const latest = shallowRef<TodoList | null>(null)
/** The read under way, which any reader asking meanwhile waits for instead of asking again. */
let underWay: Promise<TodoList> | null = null

/**
 * 待办 (reporting-service's GET /todos) read once for everything on screen that wants it: the header's count reads them
 * on each screen change, and 待办 (or a feedback screen, for its horizon) opening with it asked again in the same moment.
 * Each reader gets the one answer; a reader that comes once it is in reads anew (the count stays current).
 */
export function useTodos() {
  const api = useApi()

  function read(): Promise<TodoList> {
    if (underWay === null) {
      const reading: Promise<TodoList> = api.todos.mine().then((list) => {
        latest.value = list
        return list
      }).finally(() => {
        if (underWay === reading) underWay = null
      })
      underWay = reading
    }
    return underWay
  }

  return { latest, read }
}
