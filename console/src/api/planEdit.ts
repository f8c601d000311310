import type { Answer, HttpClient } from './http'
import type { AreaView, ProblemView, TaskPatch, TaskSnapshot, Uuid } from './types'

/**
 * Rewording the plan tree's nodes (tasks-service): an area's or a problem's title (PUT), a task's
 * title and owners (merge PATCH); each needs If-Match with the version it was read at, so a change
 * made meanwhile by someone else answers 412 instead of being overwritten.
 */
export class PlanEditApi {
  constructor(private readonly http: HttpClient) {}

  area(id: Uuid): Promise<Answer<AreaView>> {
    return this.http.request<AreaView>('GET', `/areas/${enc(id)}`)
  }

  problem(id: Uuid): Promise<Answer<ProblemView>> {
    return this.http.request<ProblemView>('GET', `/problems/${enc(id)}`)
  }

  task(id: Uuid): Promise<Answer<TaskSnapshot>> {
    return this.http.request<TaskSnapshot>('GET', `/tasks/${enc(id)}`)
  }

  renameArea(id: Uuid, version: number, title: string): Promise<Answer<AreaView>> {
    return this.http.request<AreaView>('PUT', `/areas/${enc(id)}`, { body: { title }, ifMatch: version })
  }

  /** PUT replaces the problem's wording: its description is sent back as it was read. */
  renameProblem(problem: ProblemView, title: string): Promise<Answer<ProblemView>> {
    return this.http.request<ProblemView>('PUT', `/problems/${enc(problem.id)}`, {
      body: { title, description: problem.description }, ifMatch: problem.version,
    })
  }

  patchTask(id: Uuid, version: number, patch: TaskPatch & { title?: string }): Promise<Answer<TaskSnapshot>> {
    return this.http.request<TaskSnapshot>('PATCH', `/tasks/${enc(id)}`, { body: patch, ifMatch: version })
  }
}

function enc(segment: string): string {
  return encodeURIComponent(segment)
}
