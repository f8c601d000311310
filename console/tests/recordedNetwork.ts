// The network a dialog's test talks through: the console's real API client over a fetch that records
// every request (method, path, body as they would leave the browser) and answers from a queue, or
// else with the one answer set for every request. Made in vi.hoisted and used in vi.mock('@/api').
import { HttpClient } from '@/api/http'

export interface Network {
  sent: { url: string; init: RequestInit }[]
  /** Answers for the next requests, in order. */
  answers: (() => Response)[]
  /** The answer to any request when none is queued. */
  answer: null | (() => Response)
}

/** Every network made in this test file, for setup.ts to reset after each test. */
const made: Network[] = []

export function network(): Network {
  const net: Network = { sent: [], answers: [], answer: null }
  made.push(net)
  return net
}

/** A client for one service's base path, bearing a fixed token, over the recording fetch. */
export function client(net: Network, base: string): HttpClient {
  const fetcher: typeof fetch = async (input, init) => {
    net.sent.push({ url: String(input), init: init ?? {} })
    const answer = net.answers.shift() ?? net.answer
    if (answer === null) throw new Error(`no answer for ${String(input)}`)
    return answer()
  }
  return new HttpClient(base, async () => 'T0K', fetcher)
}

/**
 * The '@/api' of the feedback screens (the page, the inbox, their header's 待办) over the recording fetch:
 * `vi.mock('@/api', async () => (await import('./recordedNetwork')).feedbackScreensApi(net))`. The clients
 * are imported here, when the mock is first asked for, not at the top: this module is loaded in vi.hoisted.
 */
export async function feedbackScreensApi(net: Network) {
  const { FeedbackApi } = await import('@/api/feedback')
  const { TasksApi } = await import('@/api/tasks')
  const { PeopleApi } = await import('@/api/people')
  const { TodosApi } = await import('@/api/todos')
  return {
    useApi: () => ({
      feedback: new FeedbackApi(client(net, '/api/feedback')),
      tasks: new TasksApi(client(net, '/api/tasks')),
      people: new PeopleApi(client(net, '/api/reporting')),
      todos: new TodosApi(client(net, '/api/reporting')),
    }),
  }
}

/** Forgets what was sent and queued, between tests. */
export function reset(net: Network) {
  net.sent.length = 0
  net.answers.length = 0
  net.answer = null
}

/** Forgets what every network made was sent and had queued: after each test (setup.ts). */
export function resetNetworks() {
  made.forEach(reset)
}

/** An answer with a JSON body (problem+json for a refusal), and any other headers. */
export function json(status: number, body: object, type = 'application/json', headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type, ...headers } })
}
