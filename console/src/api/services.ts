/** The three services behind the gateway, each keeping its own dead letters and audit trail (docs/operations.md). */
export type ServiceName = 'tasks' | 'feedback' | 'reporting'

export const SERVICES: readonly ServiceName[] = ['tasks', 'feedback', 'reporting']

export const SERVICE_LABELS: Record<ServiceName, string> = {
  tasks: '任务服务',
  feedback: '意见建议服务',
  reporting: '报告服务',
}

/** What each service answered, and the services that could not be asked, each with why. */
export interface FromEachService<T> {
  answers: { service: ServiceName; answer: T }[]
  /** a service that did not answer is said so, not shown as having nothing */
  failed: { service: ServiceName; error: unknown }[]
}

/** Asks every service at once; one failing leaves the others' answers, in SERVICES' order. */
export async function askEachService<T>(ask: (service: ServiceName) => Promise<T>,
  services: readonly ServiceName[] = SERVICES): Promise<FromEachService<T>> {
  const settled = await Promise.allSettled(services.map(ask))
  const result: FromEachService<T> = { answers: [], failed: [] }
  settled.forEach((outcome, index) => {
    const service = services[index] as ServiceName
    if (outcome.status === 'fulfilled') result.answers.push({ service, answer: outcome.value })
    else result.failed.push({ service, error: outcome.reason })
  })
  return result
}
