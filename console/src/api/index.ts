import { HttpClient } from './http'
import { TasksApi } from './tasks'
import { FeedbackApi } from './feedback'
import { TodosApi } from './todos'
import { NoticesApi } from './notices'
import { GovernanceApi } from './governance'
import { PeopleApi } from './people'
import { ReadModelsApi } from './readModels'
import { DeadLettersApi, WebhookDeadLettersApi } from './deadLetters'
import { ReadModelAdminApi } from './readModelAdmin'
import { PersonalDataKeysApi } from './personalDataKeys'
import { AuditApi } from './auditVerification'
import { PlanEditApi } from './planEdit'
import { LookBackApi } from './lookBack'
import { useSession } from '@/auth/session'

/** The clients of the services, each under its gateway prefix, with the session's token. */
export function useApi(): Api {
  return replacement === null ? serviceClients() : replacement()
}

export type Api = ReturnType<typeof serviceClients>

let replacement: (() => Api) | null = null

/**
 * Clients of another making for the rest of this module's life (the console's tests: clients over a recorded
 * network). Tests replace them here rather than mocking this module: vitest's VM pools can hand one test file's
 * module mock to another's imports (vitest#11284).
 */
export function replaceApi(make: (() => Api) | null): void {
  replacement = make
}

function serviceClients() {
  const session = useSession()
  const token = () => session.accessToken()
  return {
    tasks: new TasksApi(new HttpClient('/api/tasks', token)),
    planEdit: new PlanEditApi(new HttpClient('/api/tasks', token)),
    lookBack: new LookBackApi(new HttpClient('/api/tasks', token)),
    feedback: new FeedbackApi(new HttpClient('/api/feedback', token)),
    todos: new TodosApi(new HttpClient('/api/reporting', token)),
    notices: new NoticesApi(new HttpClient('/api/reporting', token)),
    governance: new GovernanceApi(new HttpClient('/api/tasks', token)),
    people: new PeopleApi(new HttpClient('/api/reporting', token)),
    readModels: new ReadModelsApi(new HttpClient('/api/reporting', token)),
    // every service keeps its own dead letters
    deadLetters: {
      tasks: new DeadLettersApi(new HttpClient('/api/tasks', token)),
      feedback: new DeadLettersApi(new HttpClient('/api/feedback', token)),
      reporting: new DeadLettersApi(new HttpClient('/api/reporting', token)),
    },
    // notices whose webhook calls were given up: reporting-service sends them
    webhookDeadLetters: new WebhookDeadLettersApi(new HttpClient('/api/reporting', token)),
    // reporting-service's consumers and rebuild: tasks- and feedback-service serve no /admin/consumers (their OpenAPI)
    readModelAdmin: new ReadModelAdminApi(new HttpClient('/api/reporting', token)),
    // feedback-service's personal-data keys and their rekey run
    personalDataKeys: new PersonalDataKeysApi(new HttpClient('/api/feedback', token)),
    // every service keeps its own audit trail
    audit: {
      tasks: new AuditApi(new HttpClient('/api/tasks', token)),
      feedback: new AuditApi(new HttpClient('/api/feedback', token)),
      reporting: new AuditApi(new HttpClient('/api/reporting', token)),
    },
  }
}
