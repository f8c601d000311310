import type { Problem } from './problem'

/**
 * The Idempotency-Key of one form's creates (docs/console.md, "A create sent twice"). The key stays
 * while the outcome of the request sent with it is open: after a network failure, a 5xx (a gateway's
 * timeout while the service may still finish), a 429 or 401 (the request was not handled) or the
 * service's "still being processed", the next attempt sends it again and the service answers as it
 * did, or will, to the first instead of making a second record. Any other answer ends it: the next
 * create is another one, under a new key (a corrected form after a 400 is another request).
 */
export class SubmissionKey {
  private current = newKey()

  get value(): string {
    return this.current
  }

  /** The service answered the request sent with the key (null: a success). */
  answered(problem: Problem | null): void {
    if (problem === null || !leavesOutcomeOpen(problem)) this.current = newKey()
  }
}

function leavesOutcomeOpen(problem: Problem): boolean {
  return problem.status >= 500 || [401, 408, 429].includes(problem.status)
    || (problem.status === 409 && problem.idempotency === 'IN_PROGRESS')
}

/** A random UUID; an intranet address served over plain http is no secure context and has getRandomValues alone. */
function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}
