// node --test deploy/demo/  (run by `deploy/local/stack test` with the console's checks)
// The report the demo publishes (version 1, signed the day `stack up` runs) must pass reporting-service's
// checks whatever that day is: no closed-out measure and nothing in section 一 names a date after it, and
// the measure whose indicator the demo moves says the value the report prints beside it.
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
