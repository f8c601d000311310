// node --test deploy/demo/  (run by `deploy/local/stack test` with the console's checks)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shiftTimeline, todayInShanghai, yearsMoved, yearsToShift } from './timeline.mjs';

const day = (iso) => {
  const [year, month, dayOfMonth] = iso.split('-').map(Number);
  return { year, month, day: dayOfMonth };
};

test('the feedback lies at least 64 days behind today, in the latest such year', () => {
  assert.equal(yearsToShift(day('2026-12-01')), 2); // feedback 2026-08-18, 105 days ago
  assert.equal(yearsToShift(day('2026-10-21')), 2); // exactly 64 days after 2026-08-18
  assert.equal(yearsToShift(day('2026-10-20')), 1); // 63 days: the year before
  assert.equal(yearsToShift(day('2027-01-01')), 2);
  assert.equal(yearsToShift(day('2028-02-29')), 3); // a leap day
  assert.equal(yearsToShift(day('2024-12-31')), 0); // the notice's own year: unchanged
  assert.equal(yearsToShift(day('2024-01-01')), 0); // never backwards
});

test('today is the day in Asia/Shanghai, not in UTC', () => {
  // 2026-10-20T16:30Z is 00:30 on the 21st in Shanghai: the day the shift turns
  assert.deepEqual(todayInShanghai(new Date('2026-10-20T16:30:00Z')), day('2026-10-21'));
  assert.deepEqual(todayInShanghai(new Date('2026-10-20T15:59:59Z')), day('2026-10-20'));
  assert.equal(yearsToShift(todayInShanghai(new Date('2026-10-20T16:30:00Z'))), 2);
  assert.equal(yearsToShift(todayInShanghai(new Date('2026-10-20T15:59:59Z'))), 1);
});

test('the timeline moves in dates and texts; other years stay; month ends stay month ends', () => {
  const plan = '{"feedbackDate":"2024-08-18","deadline":"2025-12-31","dueDate":"2025-06-30",'
    + '"text":"2024年9月2日召开会议，对2025年工作进行了部署，规划（2022—2035年），目录（2018版），12024年"}';
  assert.equal(shiftTimeline(plan, 2),
    '{"feedbackDate":"2026-08-18","deadline":"2027-12-31","dueDate":"2027-06-30",'
    + '"text":"2026年9月2日召开会议，对2027年工作进行了部署，规划（2022—2035年），目录（2018版），12024年"}');
  assert.equal(shiftTimeline('"2024-02-29"', 1), '"2025-02-28"'); // no 29 February in 2025
  assert.equal(shiftTimeline('"2024-02-29"', 4), '"2028-02-29"');
  assert.equal(shiftTimeline('"2024-02-29" 2024年', 0), '"2024-02-29" 2024年');
});

test('a loaded demo tells how far it was moved by its feedback date', () => {
  assert.equal(yearsMoved('2026-08-18'), 2);
  assert.equal(yearsMoved('2024-08-18'), 0);
  assert.equal(yearsMoved(''), 0); // no inspection's date found
  assert.equal(yearsMoved('not a date'), 0);
});
