// The network a dialog's test talks through: the console's real API client over a fetch that records
// every request (method, path, body as they would leave the browser) and answers from a queue, or
// else with the one answer set for every request. A test file serves its pages clients over it (serveApi).
import { replaceApi, type Api } from '@/api'
import { HttpClient } from '@/api/http'
import { FeedbackApi } from '@/api/feedback'
import { PeopleApi } from '@/api/people'
import { TasksApi } from '@/api/tasks'
import { TodosApi } from '@/api/todos'

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
 * The clients this test file's pages get from useApi(), made by `make` at each call: only those the pages under
 * test use (the rest are left out, so a call to one fails the test).
 */
export function serveApi(make: () => object): void {
  replaceApi(make as () => Api)
}

/** The clients of the feedback screens (the page, the inbox, their header's 待办) over the recording fetch: `serveApi(feedbackScreensApi(net))`. */
export function feedbackScreensApi(net: Network): () => object {
  return () => ({
    feedback: new FeedbackApi(client(net, '/api/feedback')),
    tasks: new TasksApi(client(net, '/api/tasks')),
    people: new PeopleApi(client(net, '/api/reporting')),
    todos: new TodosApi(client(net, '/api/reporting')),
  })
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
