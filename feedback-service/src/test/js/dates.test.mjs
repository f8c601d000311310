// node --test feedback-service/src/test/js/  (run by `deploy/local/stack test` with the console's checks)
// The public pages' one way of writing dates and times (dates.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const PublicDates = createRequire(import.meta.url)('../../main/resources/META-INF/resources/dates.js');

test('a day is written 2026年12月5日, without leading zeros, as the service sends it (no zone)', () => {
  assert.equal(PublicDates.day('2026-12-05'), '2026年12月5日');
  assert.equal(PublicDates.day('2026-12-15'), '2026年12月15日');
  assert.equal(PublicDates.day('2028-02-29'), '2028年2月29日');
  assert.equal(PublicDates.day(null), '');
  assert.equal(PublicDates.day('not a day'), 'not a day');
});

test('a moment is the clock in Beijing whatever the device says, and says so', () => {
  // 07:30 on 30 November in Beijing is 23:30 on the 29th in UTC
  assert.equal(PublicDates.moment('2026-11-29T23:30:00Z'), '2026年11月30日 07:30（北京时间）');
  assert.equal(PublicDates.moment('2026-11-30T07:30:00+08:00'), '2026年11月30日 07:30（北京时间）');
  assert.equal(PublicDates.moment('2028-02-28T16:00:00Z'), '2028年2月29日 00:00（北京时间）');
  assert.equal(PublicDates.moment(null), '');
});

test('a window is written from its first to its last minute in the publication\'s zone, named once', () => {
  assert.equal(PublicDates.period('2026-12-05T00:00:00+08:00', '2026-12-12T23:59:59+08:00', 'Asia/Shanghai'),
    '2026年12月5日 00:00至2026年12月12日 23:59（北京时间）');
  // a Berlin publication's window, sent at the organisation's offset, is read in Berlin (summer time there)
  assert.equal(PublicDates.period('2025-03-30T07:00:00+08:00', '2025-03-31T05:59:59+08:00', 'Europe/Berlin'),
    '2025年3月30日 00:00至2025年3月30日 23:59（Europe/Berlin）');
  // a zone this browser does not know: the instants as sent, the zone still named
  assert.equal(PublicDates.period('2026-12-05T00:00:00+08:00', '2026-12-12T23:59:59+08:00', 'Mars/Olympus'),
    '2026-12-05T00:00:00+08:00至2026-12-12T23:59:59+08:00（Mars/Olympus）');
});
