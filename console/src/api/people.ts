import type { HttpClient } from './http'

/** A member of staff as screens name them (reporting-service GET /people). */
export interface PersonName {
  username: string
  displayName: string
  unit: string
}

export class PeopleApi {
  constructor(private readonly http: HttpClient) {}

  async names(): Promise<PersonName[]> {
    return (await this.http.request<PersonName[]>('GET', '/people')).body
  }
}
