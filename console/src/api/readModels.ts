import type { Answer, HttpClient } from './http'

/** A task as reporting-service's read model holds it: enough to tell that it changed. */
export interface TaskReadModel {
  id: string
  version: number
  state: string
}

/** reporting-service's single read models (GET /read-models/…), behind the gateway. */
export class ReadModelsApi {
  constructor(private readonly http: HttpClient) {}

  task(id: string, signal?: AbortSignal): Promise<Answer<TaskReadModel>> {
    return this.http.request<TaskReadModel>('GET', taskPath(id), { signal })
  }

  /** The task once it is no longer in the state `etag` names, or null if it still is after `seconds`. */
  taskChange(id: string, etag: string, seconds: number, signal?: AbortSignal): Promise<Answer<TaskReadModel> | null> {
    return this.http.whenChanged<TaskReadModel>(taskPath(id), etag, seconds, signal)
  }
}

const taskPath = (id: string) => `/read-models/tasks/${encodeURIComponent(id)}`
