// The demo's timeline. The demo plan is the notice's own (feedback on 2024-08-18, the measures due at
// the end of 2024 and 2025, the notice itself of 2025-11-06); loaded as it stands, every open measure
// would read "逾期 700 天". So the demo moves the notice's years (2024 and 2025, in dates and in the
// texts alike) forward by whole years, to the latest year in which the feedback lies at least 64 days
// behind today (Asia/Shanghai): the rectification is then two to fourteen months under way, most
// measures fall due at the coming (or just passed) year end, and month ends stay month ends.
// 64 days because the report the demo publishes today is signed today, and its section 一 (the notice's,
// deploy/demo/report-draft.json) reports meetings up to 2024-10-21, 64 days after the feedback: a report
// naming a date after its own is refused (reporting-service's checks), so those meetings must have been held.
// Years outside the notice's timeline (a 2022—2035 planning horizon, a 2018 catalogue) stay as written.
//
//   node deploy/demo/timeline.mjs years           the number of years the demo moves today
//   node deploy/demo/timeline.mjs shift FILE [N]  FILE with its timeline moved by N (default: years)
//   node deploy/demo/timeline.mjs moved DATE      how far a demo with that feedback date was moved

import { readFileSync } from 'node:fs';

const FEEDBACK = { year: 2024, month: 8, day: 18 };
const TIMELINE_YEARS = [2024, 2025];
const SETTLED_DAYS = 64;

/** Today in Asia/Shanghai as { year, month, day }. */
export function todayInShanghai(now = new Date()) {
  const [year, month, day] = now.toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' }).split('-').map(Number);
  return { year, month, day };
}

const epochDay = ({ year, month, day }) => Date.UTC(year, month - 1, day) / 86_400_000;

/** How many whole years the demo moves forward on the given day. */
export function yearsToShift(today = todayInShanghai()) {
  const settled = epochDay(today) - SETTLED_DAYS;
  let years = today.year - FEEDBACK.year;
  while (years > 0 && epochDay({ ...FEEDBACK, year: FEEDBACK.year + years }) > settled) years--;
  return Math.max(years, 0);
}

/** How far a demo whose feedback date is the given one was moved (0 for anything else). */
export function yearsMoved(feedbackDate) {
  const year = /^(\d{4})-\d{2}-\d{2}$/.exec(feedbackDate ?? '')?.[1];
  return year === undefined ? 0 : Math.max(Number(year) - FEEDBACK.year, 0);
}

const isLeap = (year) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const moves = (year) => TIMELINE_YEARS.includes(year);

/** The text with the timeline's ISO dates and "YYYY年" years moved by the given years (29 February to the 28th). */
export function shiftTimeline(text, years) {
  if (years === 0) return text;
  return text
    .replace(/(?<![0-9])(\d{4})-(\d{2})-(\d{2})(?![0-9])/g, (date, y, m, d) => {
      if (!moves(Number(y))) return date;
      const year = Number(y) + years;
      const day = m === '02' && d === '29' && !isLeap(year) ? '28' : d;
      return `${year}-${m}-${day}`;
    })
    .replace(/(?<![0-9])(\d{4})(?=年)/g, (y) => (moves(Number(y)) ? String(Number(y) + years) : y));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [command, file, given] = process.argv.slice(2);
  if (command === 'years') {
    console.log(yearsToShift());
  } else if (command === 'moved') {
    console.log(yearsMoved(file));
  } else if (command === 'shift' && file) {
    process.stdout.write(shiftTimeline(readFileSync(file, 'utf8'), given === undefined ? yearsToShift() : Number(given)));
  } else {
    console.error('usage: timeline.mjs years | shift FILE [YEARS] | moved DATE');
    process.exit(2);
  }
}
