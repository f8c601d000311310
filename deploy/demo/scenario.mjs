// What deploy/demo/in-progress.mjs does to the loaded demo plan, by the measures' titles (so it reads
// the same whatever ids the plan got); on its own so that scenario.test.mjs can hold the report the demo
// publishes to reporting-service's checks on any day.
//
// The measures closed out are ones whose texts report nothing dated after the day the demo runs: the
// report is signed that day, and a closed-out measure naming a later date is refused (ReportChecks).
// Their dates move with the notice's years (timeline.mjs), so this holds on every day, not only today.
// A measure left open claims no completion and tells nothing dated after that day as done (ReportChecks
// again): where the notice's text did (「已完成…编制工作」, 「目前已全部整改完毕」, 「均已完成年初计划」, the
// meeting of 「2024年12月31日…对2025年工作进行了部署」), demo-plan.json words it as the measure to be done.
export const SCENARIO = {
  // closed out: started, reported at 100 %, evidenced, claimed by the owner, verified by the supervisor
  verified: ['持续跟进抓好落实', '强化服务意识', '全力解决政府失信问题', '强化履约监管',
    '积极招聘事业编制人员', '完成编制外人员清退工作', '结合实际制定扶持政策', '提升主导产业招商质量',
    '认真履行“一岗双责”', '整治形式主义问题', '强化工程项目监管', '规范执行“三重一大”制度'],
  // claimed, waiting for the supervisor
  claimed: ['基本完成三年行动阶段性目标', '强化思想认识，落实工作任务', '强化高新区职能', '强化政府性基金监管',
    '强化党员人事档案管理'],
  rejected: {
    title: '完善重大项目决策机制',
    reason: '佐证材料只有会议纪要，缺少调整后的招商引资政策文件和签约流程制度文本，请补充后重新申请销号。',
  },
  reopened: {
    title: '整治懒政怠政问题',
    reason: '“回头看”抽查发现双创载体运营情况底数仍未按月更新，整改效果不稳固，重新整改。',
  },
  // the measure to be done at once (立行立改) is the one overdue: 党政办公室 has its 【任务逾期】 notice
  underWay: { '整治违反中央八项规定精神问题': 90, '提升招引外资成效': 60, '优化高新区布局': 40, '做好土地资源集约利用': 50, '强化资产管理': 70,
    '储备培养年轻干部': 80, '全面推进非公党建工作': 30, '强化监督工作': 65, '落实主体责任': 75 },
  // a later value of an indicator the plan recorded (from this month's ledger), and the measure's narrative
  // brought up to it: the plan's says "占比达92%", and the report prints the indicator's latest value beside it
  indicatorValue: { task: '提升主导产业招商质量', indicator: '新增亿元以上主导产业项目占比', value: 93,
    ledger: '招商引资项目统计台账',
    narrative: '深入开展六大招商行动，加强对主导产业类项目的招商引资力度。目前，新增亿元以上主导产业项目占比达93%，'
      + '产业类用地出让收入同比增长16%，直接经济贡献大幅超越房地产项目。' },
};

// A unit claiming a measure has achieved the stage goals due by then (today in Shanghai, yyyy-MM-dd):
// tasks-service consolidates a long-term claim only with those achieved (and offers no 核实 until then),
// while its later goals, 巩固整改成果，防止反弹回潮 six months on, are what the consolidation is followed by,
// so they stay open. A goal due today is due.
export const goalsDueBy = (milestones, today) => (milestones ?? []).filter((m) => !m.achievedAt && m.dueDate <= today);
