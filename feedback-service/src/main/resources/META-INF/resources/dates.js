// How the public pages write dates and times, one way for all of them: a day as 2026年12月5日, and
// where the time of day matters (the window's ends, when a feedback was received) as
// 2026年12月12日 23:59（北京时间）, as the clock reads in the zone named (reporting-service's report and
// progress page write a day so too). A classic script (the pages load no modules) that node's tests load.
'use strict';

const PublicDates = (() => {
  const BEIJING = 'Asia/Shanghai';

  // "2026-12-05" (a day, as the service writes one: no zone, it is a day in the organisation's zone)
  function day(isoDate) {
    const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate || '');
    return parts ? `${Number(parts[1])}年${Number(parts[2])}月${Number(parts[3])}日` : (isoDate || '');
  }

  function zoneNote(zone) {
    return '（' + (zone === BEIJING ? '北京时间' : zone) + '）';
  }

  // The clock in the zone, without the zone's note: 2026年12月12日 23:59; null where this browser does
  // not know the zone or the instant is not one
  function clock(isoInstant, zone) {
    const instant = new Date(isoInstant);
    if (!isoInstant || Number.isNaN(instant.getTime())) {
      return null;
    }
    let format;
    try {
      format = new Intl.DateTimeFormat('zh-CN', {
        timeZone: zone, year: 'numeric', month: 'numeric', day: 'numeric',
        hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
      });
    } catch (e) {
      return null;
    }
    const p = Object.fromEntries(format.formatToParts(instant).map((x) => [x.type, x.value]));
    return `${Number(p.year)}年${Number(p.month)}月${Number(p.day)}日 ${p.hour}:${p.minute}`;
  }

  // An instant (…+08:00 or …Z) as the clock reads in the zone (Beijing time unless another is named)
  function moment(isoInstant, zone = BEIJING) {
    if (!isoInstant) {
      return '';
    }
    const shown = clock(isoInstant, zone);
    return (shown || isoInstant) + zoneNote(zone);
  }

  // A period between two instants, both ends read in one zone, which is named once
  function period(start, end, zone = BEIJING) {
    return (clock(start, zone) || start) + '至' + (clock(end, zone) || end) + zoneNote(zone);
  }

  return { day, moment, period };
})();

if (typeof module === 'object' && module.exports) {
  module.exports = PublicDates;
}
