// The services that write a feedback's history themselves, named as a clerk reads them: "tasks-service" in
// 已列入整改台账 · tasks-service said nothing to the office. The names are the services' own actors
// (feedback-service EscalationOutcomes.ACTOR, MergeRepair.ACTOR and PersonalDataErasure.ACTOR, PublicIntake.PUBLIC_ACTOR).
export const SYSTEM_ACTORS: Readonly<Record<string, string>> = {
  public: '公众提交',
  'tasks-service': '整改台账（系统）',
  'feedback-service': '意见建议系统（自动）',
}
