// node --test deploy/demo/  (run by `deploy/local/stack test` with the console's checks)
// The report the demo publishes (version 1, signed the day `stack up` runs) must pass reporting-service's
// checks whatever that day is: no closed-out measure and nothing in section 一 names a date after it, no
// measure not closed out claims its work is done or tells a date after it as done, and the measure whose
// indicator the demo moves says the value the report prints beside it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SCENARIO, goalsDueBy } from './scenario.mjs';
import { shiftTimeline, yearsToShift } from './timeline.mjs';

const read = (name) => readFileSync(new URL(name, import.meta.url), 'utf8');
const PLAN = read('./demo-plan.json');
const DRAFT = read('./report-draft.json');

// As reporting-service's ReportChecks reads a date (a day, a month, a year; not a range's end, nor a
// year naming what belongs to it: 2027年度预算, 2027年工作)
const WRITTEN_DATE = /(?<![\d—–\-－~～至到])(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?/g;
const YEAR_AS_ATTRIBUTE = /^(?:度|工作|预算|决算|计划|目标|任务|经费|资金|考核)/;
const ordinal = (year, month, day) => year * 10_000 + month * 100 + day;

/** The dates the text names that lie after the day ({ year, month, day }), as written. */
export function datesAfter(text, today) {
  const later = [];
  for (const match of text.matchAll(WRITTEN_DATE)) {
    const [written, y, m, d] = match;
    if (m === undefined && YEAR_AS_ATTRIBUTE.test(text.slice(match.index + written.length))) continue;
    const year = Number(y);
    const after = d !== undefined ? ordinal(year, Number(m), Number(d)) > ordinal(today.year, today.month, today.day)
      : m !== undefined ? year * 100 + Number(m) > today.year * 100 + today.month
        : year > today.year;
    if (after) later.push(written);
  }
  return later;
}

// As reporting-service's MeasureTexts reads the text of a measure not closed out: a claim that the work is
// done (the whole: 已全部整改完毕, 均已完成, 已办结 …; a step, 已完成, unless it says how much or the sentence
// says work goes on), not when its clause denies or plans it; and a later date told as done.
const SENTENCE = /[^。；！？!?;]+/g;
const WHOLE = /(?:已经?|均已|业已)?(?:全部|全面)(?:完成|整改完毕|整改到位|整改|办结|立行立改|落实到位)|均已(?:完成|整改完毕|整改到位|整改|办结|立行立改|落实到位)|(?:已经?|业已)(?:整改完毕|整改到位|办结|立行立改|落实到位)|整改完毕|整改到位/g;
const STEP = /(?:已经?|业已)(?:基本|如期|按期|按时|顺利)?(?:完成|整改)(?!完毕|到位)/g;
const AMOUNT = /^了?(?:\d|约|近|超|过半|一半|部分|百分之)/;
const GOING_ON = /正在|正加紧|仍在|尚有|还有|剩余|下一步|推进中/;
const DENIED_OR_PLANNED = /未|尚|没有|不|确保|力争|争取|将|计划|拟|预计|要求|目标|(?<![目此当])前/;
const PLANNED = /计划|拟|将|预计|力争|争取|确保|定于|预定|准备|目标|要求/;
const DONE = /已|曾|(?<![为除])了(?!解)/;
const DEADLINE = /^底?(?:之前|以前|前)/;

const deniedOrPlanned = (sentence, at) => {
  const before = sentence.slice(0, at);
  const clauseStart = /^.*[，,、：:]/.exec(before);
  return DENIED_OR_PLANNED.test(clauseStart ? before.slice(clauseStart[0].length) : before);
};

/** The phrases by which the text says the work is done, as written, each once. */
export function completionClaims(text) {
  const claims = [];
  const add = (phrase) => { if (!claims.includes(phrase)) claims.push(phrase); };
  for (const [sentence] of (text ?? '').matchAll(SENTENCE)) {
    const wholes = [...sentence.matchAll(WHOLE)];
    for (const whole of wholes) if (!deniedOrPlanned(sentence, whole.index)) add(whole[0]);
    if (GOING_ON.test(sentence)) continue;
    for (const step of sentence.matchAll(STEP)) {
      const partOfWhole = wholes.some((w) => w.index <= step.index && step.index < w.index + w[0].length);
      if (!partOfWhole && !AMOUNT.test(sentence.slice(step.index + step[0].length)) && !deniedOrPlanned(sentence, step.index)) {
        add(step[0]);
      }
    }
  }
  return claims;
}

/** The dates after the day the text tells as done: a later day unplanned, a later month or year said done. */
export function toldAsDone(text, today) {
  const told = [];
  for (const [sentence] of (text ?? '').matchAll(SENTENCE)) {
    if (PLANNED.test(sentence)) continue;
    for (const date of datesAfter(sentence, today)) {
      const end = sentence.indexOf(date) + date.length;
      if (!DEADLINE.test(sentence.slice(end)) && (date.endsWith('日') || DONE.test(sentence)) && !told.includes(date)) {
        told.push(date);
      }
    }
  }
  return told;
}

/** Every day of the years given, as { year, month, day }. */
function* days(fromYear, toYear) {
  for (let t = Date.UTC(fromYear, 0, 1); t < Date.UTC(toYear + 1, 0, 1); t += 86_400_000) {
    const d = new Date(t);
    yield { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  }
}

const closedOutTexts = (plan) => {
  const tasks = plan.areas.flatMap((a) => a.problems.flatMap((p) => p.tasks));
  return SCENARIO.verified.map((title) => {
    const task = tasks.find((t) => t.title === title);
    assert.ok(task, `no measure titled ${title} in the demo plan`);
    // the demo rewrites one narrative after closing the measure out
    const text = title === SCENARIO.indicatorValue.task ? SCENARIO.indicatorValue.narrative : task.progressNarrative;
    return { title, text };
  });
};

test('the checks read dates as reporting-service does', () => {
  const today = { year: 2026, month: 11, day: 6 };
  assert.deepEqual(datesAfter('2026年11月、2026年、2026年11月6日、规划（2022—2035年）', today), []);
  assert.deepEqual(datesAfter('2026年12月，2026年11月7日，2027年度预算，2027年底', today), ['2026年12月', '2026年11月7日', '2027年']);
});

test('on any day, no closed-out measure and nothing in section 一 names a date after it', () => {
  for (const today of days(2025, 2030)) {
    const years = yearsToShift(today);
    const plan = JSON.parse(shiftTimeline(PLAN, years));
    const sectionOne = JSON.parse(shiftTimeline(DRAFT, years)).leadershipResponsibility;
    const at = `${today.year}-${today.month}-${today.day}`;
    assert.deepEqual(datesAfter(sectionOne, today), [], `section 一 on ${at}`);
    for (const { title, text } of closedOutTexts(plan)) {
      assert.deepEqual(datesAfter(text, today), [], `${title} on ${at}`);
    }
  }
});

test('the checks read a claim of completion and a later date told as done as reporting-service does', () => {
  assert.deepEqual(completionClaims('依据已审批的规划，已完成《控制性详细规划》编制工作。'), ['已完成']);
  assert.deepEqual(completionClaims('开展专项治理行动，目前已全部整改完毕。共征集到66条建议，已全部立行立改。'), ['已全部整改完毕', '已全部立行立改']);
  assert.deepEqual(completionClaims('地区生产总值均已完成年初计划。问题已整改到位。'), ['均已完成', '已整改到位']);
  assert.deepEqual(completionClaims('已完成60%。已完成调研，正在制定方案。尚未完成整改；确保年底前全部整改完毕，力争全面完成。'
    + '问题清单未整改完毕。目前，已完成16处标识牌接电工作。'), []);
  const today = { year: 2026, month: 11, day: 6 };
  assert.deepEqual(toldAsDone('2026年9月30日，召开第15次会议。2026年12月31日，召开会议，对2027年工作进行了部署。', today), ['2026年12月31日']);
  assert.deepEqual(toldAsDone('2026年12月，修订了监督制度。', today), ['2026年12月']);
  assert.deepEqual(toldAsDone('计划于2026年12月31日召开专题会议；2026年12月底前完成方案，2027年将全面推开；拟于2027年3月1日印发。'
    + '2027年全面推开。', today), []);
});

// Every measure's text, as the demo leaves it: with RECT_DEMO_PROGRESS=off (deploy/faults, deploy/bench) none is
// closed out, so none may claim completion; with the progress, those closed out may, and do not.
const measuresOf = (plan) => plan.areas.flatMap((a) => a.problems.flatMap((p) => p.tasks)).map((task) => ({
  title: task.title,
  text: task.title === SCENARIO.indicatorValue.task ? SCENARIO.indicatorValue.narrative : task.progressNarrative,
  figures: (task.indicators ?? []).map((i) => i.name).join('。'),
}));

test('no measure of the demo claims that its work is done before it is closed out', () => {
  for (const { title, text, figures } of measuresOf(JSON.parse(PLAN))) {
    assert.deepEqual(completionClaims(text), [], title);
    assert.deepEqual(completionClaims(figures), [], `${title}: its indicators`);
  }
});

test('on any day, no measure of the demo tells a date after it as done', () => {
  for (const today of days(2025, 2030)) {
    const plan = JSON.parse(shiftTimeline(PLAN, yearsToShift(today)));
    for (const { title, text } of measuresOf(plan)) {
      assert.deepEqual(toldAsDone(text, today), [], `${title} on ${today.year}-${today.month}-${today.day}`);
    }
  }
});

test('the measure whose indicator moves names it with the value the report prints', () => {
  const { indicator, value, narrative } = SCENARIO.indicatorValue;
  const stated = [...narrative.matchAll(new RegExp(`${indicator}[^\\d\\s，。；、：！？（）,.;:!?()“”]{0,4}(\\d+(?:\\.\\d+)?)`, 'g'))]
    .map((m) => Number(m[1]));
  assert.deepEqual(stated, [value]);
  const plan = JSON.parse(PLAN);
  const planned = plan.areas.flatMap((a) => a.problems.flatMap((p) => p.tasks)).find((t) => t.title === SCENARIO.indicatorValue.task);
  assert.ok(planned.indicators.some((i) => i.name === indicator), 'the plan records the indicator');
  assert.notEqual(planned.progressNarrative, narrative, 'the plan says the earlier value');
});

test('a claim comes with the stage goals due by that day achieved, the later ones left to the consolidation', () => {
  const goals = [{ title: '建立长效工作机制', dueDate: '2028-02-29' }, { title: '巩固整改成果，防止反弹回潮', dueDate: '2028-03-01' }];
  // a leap day: the goal due that day is due, the one due at midnight is not
  assert.deepEqual(goalsDueBy(goals, '2028-02-29').map((g) => g.title), ['建立长效工作机制']);
  assert.deepEqual(goalsDueBy(goals, '2028-03-01').map((g) => g.title), ['建立长效工作机制', '巩固整改成果，防止反弹回潮']);
  assert.deepEqual(goalsDueBy([{ ...goals[0], achievedAt: '2028-02-01T10:00:00+08:00' }], '2028-03-01'), []);
  // the demo's long-term measures as the review found them (5 December 2026): no goal due yet, so the claims
  // waiting for the supervisor are consolidated with both goals open; on 1 March 2027 the year-end one is due
  const measures = (today) => JSON.parse(shiftTimeline(PLAN, yearsToShift(today))).areas
    .flatMap((a) => a.problems.flatMap((p) => p.tasks))
    .filter((t) => t.kind === 'LONG_TERM' && (SCENARIO.claimed.includes(t.title) || SCENARIO.verified.includes(t.title)));
  const reviewed = measures({ year: 2026, month: 12, day: 5 });
  assert.equal(reviewed.length, 3);
  for (const task of reviewed) assert.deepEqual(goalsDueBy(task.milestones, '2026-12-05'), [], task.title);
  for (const task of measures({ year: 2027, month: 3, day: 1 })) {
    assert.deepEqual(goalsDueBy(task.milestones, '2027-03-01').map((g) => g.title), ['建立长效工作机制'], task.title);
  }
});
