// Puts the loaded demo plan in mid-rectification through the services' own APIs, acting as the demo
// users (tokens from deploy/local/token, whose names are the Keycloak usernames): some measures
// closed out (销号) by the supervisor, some claimed, one claim rejected with its reason, one reopened
// by a look-back review, one long-term measure consolidating, others under way with their reports and
// an indicator's later value; public feedback submitted, one answered and one escalated into a
// problem; the leading group, accountability figures (one amount corrected), dispatch meetings
// with their decisions, and a 举一反三 extension of a finding to another unit with a task under way.
// Every step is an ordinary API call, so every screen shows what the system really did.
//
//   node deploy/demo/in-progress.mjs   (run by `deploy/local/stack up` once, right after the plan is
//   loaded; reads TASKS_URL, FEEDBACK_URL, REPORTING_URL, INSPECTION, PUBLICATION, TOKEN from the
//   environment; TOKEN is the path of deploy/local/token)
//
// Dates are relative to today (Asia/Shanghai), as the plan's are (deploy/demo/timeline.mjs; DEMO_YEARS
// says how far its years moved), so the demo always looks current. Node 20+ (fetch).
import { execFileSync } from 'node:child_process';
import { SCENARIO, goalsDueBy } from './scenario.mjs';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`in-progress: ${name} is not set`);
  return value;
};
const TASKS = env('TASKS_URL');
const FEEDBACK = env('FEEDBACK_URL');
const REPORTING = env('REPORTING_URL');
const INSPECTION = env('INSPECTION');
const PUBLICATION = env('PUBLICATION');

// The demo users (deploy/local/keycloak/realm-rectification.json): upn = username, unit from the realm.
const token = (roles, name, unit = '') => execFileSync(env('TOKEN'), [roles, name, unit]).toString().trim();
const COORDINATOR = token('coordinator', 'zhengban');
const SUPERVISOR = token('supervisor', 'ducha');
const OFFICERS = { 党政办公室: token('officer', 'dzb', '党政办公室'), 招商局: token('officer', 'zsj', '招商局') };
// Units without a demo officer report through the office (整改办 may report for any unit).
const actorFor = (task) => OFFICERS[task.responsibleUnit] ?? COORDINATOR;

const today = new Date(new Date().toLocaleString('en-US', { timeZone: 'Asia/Shanghai' }));
const day = (offset) => {
  const d = new Date(today);
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

async function call(method, url, bearer, body, headers = {}) {
  const response = await fetch(url, {
    method,
    headers: { ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}), 'Content-Type': 'application/json', 'Accept-Language': 'zh-CN', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

async function main() {
  const tasks = (await call('GET', `${TASKS}/tasks?inspectionId=${INSPECTION}&size=100&sort=number`, COORDINATOR)).items;
  const byTitle = new Map(tasks.map((t) => [t.title, t]));
  const find = (title) => {
    const task = byTitle.get(title);
    if (!task) throw new Error(`in-progress: no measure titled ${title} in the demo plan`);
    return task;
  };
  const url = (task, path) => `${TASKS}/tasks/${task.id}/${path}`;
  // one report is one period of the task's cadence (tasks-service refuses a 日报告 of a week): yesterday,
  // or the seven days to yesterday
  const report = (task, percent, text) => {
    const cadence = task.reportingCadence ?? 'MONTHLY';
    return call('POST', url(task, 'progress-reports'), actorFor(task), {
      cadence, periodStart: day(cadence === 'DAILY' ? -1 : -7), periodEnd: day(-1), text, percentComplete: percent,
    });
  };
  const underWay = async (task, percent, text) => {
    if (task.state === 'PLANNED') await call('POST', url(task, 'start'), actorFor(task));
    await report(task, percent, text ?? `按计划推进，已完成约${percent}%。`);
  };
  // a claim comes with the stage goals due so far achieved, so the supervisor can verify it (a long-term
  // measure's later goals stay open: its consolidation is followed by them)
  const claim = async (task) => {
    await underWay(task, 100, '各项整改措施已落实，整改台账和佐证材料已整理归档。');
    await call('POST', url(task, 'evidence'), actorFor(task), {
      type: 'LEDGER', title: `${task.title}整改台账`, reference: `整改办〔${today.getFullYear()}〕台账`, date: day(-2),
    });
    for (const goal of goalsDueBy(task.milestones, day(0))) {
      await call('POST', url(task, `milestones/${goal.id}/achievement`), actorFor(task), {});
    }
    await call('POST', url(task, 'completion-claim'), actorFor(task));
  };
  const verify = async (task) => {
    await claim(task);
    await call('POST', url(task, 'verification'), SUPERVISOR);
  };

  let closedOut = 0;
  for (const title of SCENARIO.verified) {
    await verify(find(title));
    closedOut++;
  }
  for (const title of SCENARIO.claimed) await claim(find(title));
  const rejected = find(SCENARIO.rejected.title);
  await claim(rejected);
  await call('POST', url(rejected, 'completion-rejection'), SUPERVISOR, { reason: SCENARIO.rejected.reason });
  const reopened = find(SCENARIO.reopened.title);
  await verify(reopened);
  // the rework has a deadline of its own, two months on (the console's dialog offers one month and lets it be changed)
  await call('POST', url(reopened, 'look-back-reviews'), SUPERVISOR, { outcome: 'REOPENED', reason: SCENARIO.reopened.reason, deadline: day(60) });
  for (const [title, percent] of Object.entries(SCENARIO.underWay)) await underWay(find(title), percent);
  const measured = find(SCENARIO.indicatorValue.task);
  const indicator = (measured.indicators ?? []).find((i) => i.name === SCENARIO.indicatorValue.indicator);
  if (indicator) {
    await call('POST', url(measured, `indicators/${indicator.id}/values`), COORDINATOR, {
      value: SCENARIO.indicatorValue.value,
      source: `${today.getFullYear()}年${today.getMonth() + 1}月${SCENARIO.indicatorValue.ledger}`,
    });
    // and, as the office would, the measure's narrative says the figure the report prints beside it
    const current = await call('GET', `${TASKS}/tasks/${measured.id}`, COORDINATOR);
    await call('PATCH', `${TASKS}/tasks/${measured.id}`, COORDINATOR, { progressNarrative: SCENARIO.indicatorValue.narrative },
      { 'If-Match': `"${current.version}"` });
  }

  // Public feedback, anonymous (the demo holds no personal data of anyone): one answered, one
  // escalated into a problem of the plan (it comes back from tasks-service as 群众反映), one waiting.
  const submit = (text) => call('POST', `${FEEDBACK}/publications/${PUBLICATION}/feedback`, null, { text });
  await submit('建议在高新区政务服务大厅增设企业开办“一窗通办”窗口，并公开办理时限。');
  const answered = await submit('希望公开闲置厂房盘活的进展和可供租用的厂房清单。');
  const escalated = await submit('科技城部分标识牌夜间仍不亮，影响通行，希望尽快处理。');
  const staffId = async (receipt) => {
    const found = await call('GET', `${FEEDBACK}/feedback?publicationId=${PUBLICATION}&size=50`, COORDINATOR);
    const item = found.items.find((f) => f.trackingCode === receipt.trackingCode);
    if (!item) throw new Error(`in-progress: feedback ${receipt.trackingCode} not found`);
    return item.id;
  };
  const answeredId = await staffId(answered);
  await call('POST', `${FEEDBACK}/feedback/${answeredId}/triage`, COORDINATOR, { category: 'SUGGESTION' });
  await call('POST', `${FEEDBACK}/feedback/${answeredId}/answer`, COORDINATOR, {
    answer: '感谢您的建议。闲置厂房盘活清单已在高新区门户网站“招商引资”栏目公开，并每月更新。',
  });
  const escalatedId = await staffId(escalated);
  await call('POST', `${FEEDBACK}/feedback/${escalatedId}/triage`, COORDINATOR, { category: 'COMPLAINT' });
  await call('POST', `${FEEDBACK}/feedback/${escalatedId}/escalate`, COORDINATOR, {
    title: '科技城部分标识牌夜间不亮', description: '群众反映科技城部分标识牌夜间仍不亮，需排查接电和维护情况。',
  });

  // The leading group as the notice names it (the report draft says "由党工委书记任组长": they agree), two
  // accountability outcomes and an amount recovered (counts and 万元 only), and two dispatch meetings
  // whose decisions give 党政办公室 a 待办 due soon (linked to the meeting page) and one overdue.
  await call('PUT', `${TASKS}/inspections/${INSPECTION}/leading-group`, COORDINATOR, {
    firstResponsible: { position: '党工委书记', name: null },
    members: [
      { role: 'LEADER', position: '党工委书记', name: null },
      { role: 'DEPUTY_LEADER', position: '管委会主任', name: null },
      { role: 'DEPUTY_LEADER', position: '分管日常工作的副主任', name: null },
      { role: 'MEMBER', position: '高新区党工委班子成员', name: null },
      { role: 'MEMBER', position: '整改牵头区级领导', name: null },
    ],
  });
  const accountability = `${TASKS}/inspections/${INSPECTION}/accountability`;
  await call('POST', `${accountability}/outcomes`, COORDINATOR, { kind: 'ADMONISHMENT_TALK', people: 2,
    problemId: find('整治违反中央八项规定精神问题').problemId, decidedOn: day(-30),
    source: '高新区纪工委关于违反中央八项规定精神问题的通报（演示）' });
  await call('POST', `${accountability}/outcomes`, COORDINATOR, { kind: 'PARTY_DISCIPLINE', people: 1, problemId: null,
    decidedOn: day(-15), source: '党纪处分决定（演示）' });
  // entered as 12.05 (the decimal point slipped) and corrected to the ledger's 120.5: the console's 更正
  // shows the reason beside the entry, the audit trail keeps both, and the report counts 120.5 once
  const recovered = { kind: 'RECOVERED_FUNDS', problemId: find('强化资产管理').problemId, recordedOn: day(-10),
    source: '国有资产清查追缴台账（演示）' };
  const slipped = await call('POST', `${accountability}/funds`, COORDINATOR, { ...recovered, amountWanYuan: 12.05 });
  await call('PUT', `${accountability}/funds/${slipped.id}`, COORDINATOR,
    { funds: { ...recovered, amountWanYuan: 120.5 }, reason: '录入时小数点错位，金额以国有资产清查追缴台账为准（演示）' },
    { 'If-Match': `"${slipped.version}"` });
  const meetings = `${TASKS}/inspections/${INSPECTION}/meetings`;
  await call('POST', meetings, COORDINATOR, { kind: 'MONTHLY_PUSH', heldOn: day(-20), chair: '党工委书记',
    topic: '巡视整改月推进会', attendees: ['管委会主任', '党工委副书记', '党政办公室主任', '组织人事部部长', '财政金融局局长'], decisions: [
      { text: '各责任单位对照任务分解表逐项核对佐证材料，缺项的限期补齐', responsibleUnit: '党政办公室', dueDate: day(-5), taskId: null },
    ] });
  const weekly = await call('POST', meetings, COORDINATOR, { kind: 'WEEKLY_DISPATCH', heldOn: day(-3), chair: '党工委副书记',
    topic: '巡视整改周调度会', attendees: ['党政办公室主任', '招商局局长', '营商环境建设局局长'], decisions: [
      { text: '汇总本周各责任单位整改进展，形成调度情况通报报党工委', responsibleUnit: '党政办公室', dueDate: day(2), taskId: null },
      { text: '补齐作风建设专项整治台账', responsibleUnit: '党政办公室', dueDate: day(1), taskId: null },
      { text: '梳理外资项目在谈清单，明确专人跟进', responsibleUnit: '招商局', dueDate: day(10),
        taskId: find('提升招引外资成效').id },
    ] });
  await call('POST', `${TASKS}/meetings/${weekly.id}/decisions/${weekly.decisions[1].id}/completion`, OFFICERS.党政办公室);

  // 举一反三: the office extends the finding on funds and assets (财政金融局's) to 招商局's incentive
  // funds, a problem of its own (source ANALOGY) with one task, under way; the console's 举一反三 on
  // the finding rolls both units' tasks up together, and the report lists it with the other sources.
  const finding = find('强化资产管理');
  const extension = await call('POST', `${TASKS}/areas/${finding.areaId}/problems`, COORDINATOR, {
    title: '规范招商引资奖补资金使用管理', source: 'ANALOGY', extendsProblemId: finding.problemId,
    description: '对照巡视指出的资金资产使用管理问题，举一反三排查招商引资奖补资金的兑现和使用。',
  });
  const extended = await call('POST', `${TASKS}/problems/${extension.id}/tasks`, COORDINATOR, {
    title: '排查招商引资奖补资金兑现情况', measures: '逐项核对近三年招商引资奖补资金的兑现依据、拨付流程和使用情况，建立台账，发现问题限期整改。',
    leadOfficial: '管委会主任', responsiblePerson: '招商局局长', responsibleUnit: '招商局', deadline: day(60),
    kind: 'TIME_BOUND', reportingCadence: 'MONTHLY',
  });
  await underWay(extended, 40, '已完成2家重点企业奖补资金兑现情况核对，正在建立台账。');

  // The report is published next: wait until reporting-service has read every close-out.
  const expected = closedOut; // the reopened measure is no longer closed out
  for (let i = 0; i < 120; i++) {
    const summary = await call('GET', `${REPORTING}/dashboard/summary?inspectionId=${INSPECTION}`, COORDINATOR);
    if (summary.verified === expected && (summary.byState?.REOPENED ?? 0) === 1) {
      console.log(`${closedOut} closed out, ${SCENARIO.claimed.length} claimed, 1 rejected, 1 reopened, `
        + `${Object.keys(SCENARIO.underWay).length} under way; feedback: 3 submitted, 1 answered, 1 escalated; `
        + 'leading group set, 3 people held accountable, 120.5万元 recovered (entered as 12.05, corrected), 2 meetings with 4 decisions, '
        + '1 举一反三 extension (招商局, 40 %)');
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('in-progress: reporting-service did not show the close-outs within 60 s');
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
