// Dashboard page: reads the JSON dashboard API and draws it, for one inspection: ?inspectionId=…, else the
// one the API lists first (in progress, most recently registered: dashboard/inspections), named in the heading
// and the title. Two inspections' figures are never added up here (a wall screen showed 45 + 5 tasks as one
// inspection's 50); with several, a selector switches and keeps the choice in the address.
// Its task figures are the inspection's findings (巡视反馈), as the report counts them, unless
// ?source=… asks for another source or ALL; the other sources' tasks are counted beside them (scope()).
// It polls the API (?refresh=seconds, default 30) with If-None-Match and redraws only what changed.
// ?wall=1 is the wall screen: large type, no controls, one panel at a time (?rotate=seconds; a
// clicker's Page Down/Up or the arrow keys step it).
(function () {
  'use strict';

  var params = new URLSearchParams(window.location.search);
  // the inspection asked for in the address; without one, the API's first (choices())
  var asked = params.get('inspectionId');
  var query = new URLSearchParams();
  ['inspectionId', 'asOf', 'from', 'to', 'source'].forEach(function (name) {
    if (params.get(name)) { query.set(name, params.get(name)); }
  });
  var wall = params.get('wall') === '1';
  var refreshSeconds = Math.max(5, Number(params.get('refresh')) || 30);
  var rotateSeconds = Math.max(5, Number(params.get('rotate')) || 20);
  // The console's task page; behind the gateway it is /console/.
  var consoleBase = params.get('console') || '/console/';
  if (wall) { document.body.classList.add('wall'); }

  var charts = {};
  // Larger chart text on a projector or a wall screen, narrower labels on a phone (the CSS uses the same breakpoints).
  var wide = wall || window.matchMedia('(min-width: 1100px)').matches;
  var narrow = window.matchMedia('(max-width: 600px)').matches;
  // On the wall the charts' text is sized as the page's, which follows the screen (dashboard.css).
  var fontSize = wall ? Math.round(0.85 * parseFloat(getComputedStyle(document.body).fontSize)) : (wide ? 16 : 12);

  // The dashboard API needs a staff or integration token. It arrives once in the address's
  // fragment (#token=…, never sent to a server or written to its logs), is kept for this tab only,
  // and the fragment is cleared so the token does not linger in the address bar.
  var fragment = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  if (fragment.get('token')) {
    sessionStorage.setItem('dashboardToken', fragment.get('token'));
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  var token = sessionStorage.getItem('dashboardToken');
  // The wall screen opened without a token signs in on its own, read-only, for weeks (wall-session.js).
  var session = !token && wall && window.WallSession && window.crypto && window.crypto.subtle ? wallSession() : null;

  // The staff's words, platform StaffWords' (DashboardWordsTest keeps them equal), in the order a task goes
  // through. 已销号（巩固中） is closed out too: the headline 已销号（含巩固中） counts both rows.
  var STATES = { PLANNED: '未开始', IN_PROGRESS: '整改中', COMPLETION_CLAIMED: '待核验', VERIFIED: '已销号',
                 CONSOLIDATING: '已销号（巩固中）', REOPENED: '再整改' };
  var SOURCES = { PLAN: '巡视反馈', ANALOGY: '举一反三', SELF_FOUND: '自查发现', LOOK_BACK: '回头看', FEEDBACK: '群众反映' };

  function TokenRefused() { this.message = '登录令牌已失效或无权查看：请用新的带令牌地址（#token=…）重新打开本页'; }
  // The wall screen has no usable token at the moment: the connection banner says why and what happens.
  function Disconnected() { this.message = '大屏未连接'; this.connection = true; }

  function wallSession() {
    return window.WallSession.create({
      authority: params.get('auth') || window.location.origin + '/auth/realms/rectification',
      clientId: 'wall-screen',
      redirectUri: window.location.origin + window.location.pathname + '?wall=1',
      storage: window.localStorage,
      scratch: window.sessionStorage,
      fetch: function (url, init) { return window.fetch(url, init); },
      now: function () { return Date.now(); },
      schedule: function (fn, ms) { return window.setTimeout(fn, ms); },
      cancel: function (handle) { window.clearTimeout(handle); },
      navigate: function (url) { window.location.assign(url); },
      random: function () {
        var bytes = new Uint8Array(32);
        window.crypto.getRandomValues(bytes);
        return base64url(bytes);
      },
      challenge: function (verifier) {
        return window.crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))
          .then(function (digest) { return base64url(new Uint8Array(digest)); });
      },
      onChange: connectionChanged
    });
  }

  function base64url(bytes) {
    var binary = '';
    bytes.forEach(function (b) { binary += String.fromCharCode(b); });
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  var connected = false;
  function connectionChanged(state) {
    showConnection();
    var now = state.name === 'connected';
    // Signed in, or back after a break: the figures are read at once, not at the next poll.
    if (now && !connected) { load(); }
    connected = now;
  }

  function showConnection() {
    if (!session) { return; }
    var state = session.state();
    var said = window.WallSession.describe(state, Date.now());
    var banner = document.getElementById('connection');
    document.body.setAttribute('data-connection', state.name);
    banner.hidden = said === null;
    if (said === null) { return; }
    banner.setAttribute('data-kind', said.kind);
    text('connection-text', said.text + (lastLoaded ? '。页面显示的是 ' + clock(lastLoaded) + ' 的数据' : ''));
    document.getElementById('connection-signin').hidden = said.kind !== 'disconnected';
  }

  // Conditional GET: the last ETag of each address is sent back; 304 resolves to null (unchanged).
  var etags = {};
  // fresh: asked without If-None-Match, so the answer is always the body (a list shown anew, not a poll)
  function get(path, extra, fresh) {
    var q = new URLSearchParams(query);
    // null drops a parameter of the page's a figure does not read that way (indicators: from/to are recording days)
    Object.keys(extra || {}).forEach(function (k) { if (extra[k] === null) { q.delete(k); } else { q.set(k, extra[k]); } });
    var address = '../dashboard/' + path + '?' + q.toString();
    var headers = { Accept: 'application/json' };
    var bearer = session ? session.token() : token;
    if (session && !bearer) { return Promise.reject(new Disconnected()); }
    if (bearer) { headers.Authorization = 'Bearer ' + bearer; }
    if (etags[address] && !fresh) { headers['If-None-Match'] = etags[address]; }
    return fetch(address, { headers: headers, cache: 'no-store' }).then(function (r) {
      if (r.status === 304) { return null; }
      if (r.status === 401 && session) { session.refused(); throw new Disconnected(); }
      if (r.status === 401 || r.status === 403) { throw new TokenRefused(); }
      if (!r.ok) { throw new Error(path + '：' + r.status); }
      var tag = r.headers.get('ETag');
      return r.json().then(function (body) {
        if (tag) { etags[address] = tag; }
        return body;
      });
    });
  }

  function text(id, value) { document.getElementById(id).textContent = value; }

  // What a screen reader hears of a refresh: only that the figures changed, never the clock, which changes
  // every time and was read out every 30 s (accessibility review, finding 6). Emptied first, so the same
  // words are said again on the next change.
  var saying;
  function said(words) {
    text('live-said', '');
    clearTimeout(saying);
    saying = setTimeout(function () { text('live-said', words); }, 100);
  }

  function percent(rate) { return Math.round(Number(rate) * 1000) / 10 + '%'; }

  var NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  function areaLabel(area) {
    var n = area.number;
    var numeral = n > 0 && n <= 10 ? NUMERALS[n] : (n > 10 && n < 20 ? '十' + NUMERALS[n - 10] : String(n || ''));
    return '（' + numeral + '）' + (area.title || '');
  }

  function cell(row, value, className) {
    var td = document.createElement('td');
    if (value instanceof Node) { td.appendChild(value); } else { td.textContent = value == null ? '' : value; }
    if (className) { td.className = className; }
    row.appendChild(td);
    return td;
  }

  function fill(selector, items, build) {
    var body = document.querySelector(selector + ' tbody');
    body.textContent = '';
    items.forEach(function (item) {
      var row = document.createElement('tr');
      build(row, item);
      body.appendChild(row);
    });
  }

  // A task as every staff screen names it: （三）5.一是 and its title (the label once its area and problem are known).
  function taskLink(task) {
    var link = document.createElement('a');
    link.href = consoleBase + 'tasks/' + encodeURIComponent(task.taskId);
    link.textContent = (task.label ? task.label + ' ' : '') + (task.title || '（无标题）');
    return link;
  }

  function chart(id) {
    if (!charts[id]) { charts[id] = echarts.init(document.getElementById(id)); }
    return charts[id];
  }

  function summary(data) {
    text('as-of', data.asOf);
    text('figure-tasks', data.tasks);
    text('figure-verified', data.verified);
    text('figure-completion', percent(data.completionRate));
    text('figure-overdue', data.overdue);
    text('figure-at-risk', data.atRisk);
    text('scope', scope(data));
    states(data);
  }

  // Which problems the figures count, said on the page and the wall as the public page says it in its
  // footnote, and the tasks of the other sources beside them (the report counts the findings only).
  // 'PLAN' is the findings' source: platform-support's TasksEvent.ProblemSnapshot.INSPECTION_FINDING.
  function scope(data) {
    var counted = data.source === 'ALL' ? '以上任务数字计入各来源的问题（整改情况报告只计巡视反馈意见指出的问题）'
      : data.source === 'PLAN' || !data.source ? '以上任务数字只计巡视反馈意见指出的问题，与整改情况报告一致'
        : '以上任务数字只计' + (SOURCES[data.source] || data.source) + '问题';
    var others = (data.otherSources || []).map(function (o) {
      return (SOURCES[o.source] || o.source) + '任务 ' + o.tasks + ' 项（已销号 ' + o.verified + ' 项，逾期 ' + o.overdue + ' 项）';
    });
    return counted + (others.length ? '；另有' + others.join('、') + '，不计入以上数字。' : '。');
  }

  // The state breakdown, in the order a task goes through (STATES), every state shown even at 0.
  var STATE_COLOURS = { PLANNED: '#90a4ae', IN_PROGRESS: '#1565c0', COMPLETION_CLAIMED: '#6a1b9a', VERIFIED: '#2e7d32',
                        CONSOLIDATING: '#558b2f', REOPENED: '#e65100' };
  function states(data) {
    var rows = Object.keys(STATES).map(function (state) {
      return { state: state, label: STATES[state], tasks: (data.byState || {})[state] || 0 };
    });
    chart('chart-states').setOption({
      textStyle: { fontSize: fontSize },
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: fontSize } },
      yAxis: { type: 'category', inverse: true, data: rows.map(function (r) { return r.label; }), axisLabel: { fontSize: fontSize } },
      series: [{ type: 'bar', name: '任务', label: { show: true, position: 'right', fontSize: fontSize },
                 data: rows.map(function (r) { return { value: r.tasks, itemStyle: { color: STATE_COLOURS[r.state] } }; }) }]
    }, true);
    fill('#states-table', rows, function (row, r) {
      cell(row, r.label);
      cell(row, r.tasks, 'number');
      cell(row, data.tasks ? percent(r.tasks / data.tasks) : '—', 'number');
    });
  }

  function amount(value, unit) {
    return value == null ? '—' : value + (unit || '');
  }

  // 较基线提高 10%, ≥ 90 %, ≤ 5 起: the target as the plan wrote it (as the console's indicators.ts words it)
  function target(i) {
    var up = i.direction !== 'DECREASE';
    if (i.targetKind === 'RELATIVE_PERCENT') { return '较基线' + (up ? '提高' : '下降') + ' ' + i.targetValue + '%'; }
    return (up ? '≥ ' : '≤ ') + amount(i.targetValue, i.unit);
  }

  // Each indicator against its baseline and target: the latest value and where it comes from. Not met first
  // (then no value yet, then met), so the ones to act on are on top, and on the wall screen's rows.
  function indicators(list) {
    function standing(i) { return i.met === false ? 0 : (i.met == null ? 1 : 2); }
    var sorted = list.slice().sort(function (a, b) { return standing(a) - standing(b); });
    fill('#indicators-table', sorted, function (row, i) {
      var latest = i.points && i.points.length ? i.points[i.points.length - 1] : null;
      cell(row, taskLink({ taskId: i.taskId, title: i.name }), 'text');
      cell(row, amount(i.baseline, i.unit), 'number');
      cell(row, target(i));
      cell(row, latest ? amount(latest.value, i.unit) : '—', 'number');
      cell(row, latest ? (latest.source || '') : '', 'text');
      cell(row, latest ? day(latest.recordedAt) : '');
      cell(row, i.met === true ? '已达标' : (i.met === false ? '未达标' : '暂无数值'), i.met === false ? 'unmet' : '');
    });
    document.getElementById('indicators-empty').hidden = list.length > 0;
  }

  // An instant as its day in Beijing time, whatever the screen's own zone.
  var BEIJING_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
  function day(instant) { return instant ? BEIJING_DAY.format(new Date(instant)) : ''; }
  // A moment as Beijing time (19:47:05), as 数据截至 is Beijing's day: a wall screen or a laptop set to
  // another zone (UTC) would otherwise say the figures were updated at 11:47.
  var BEIJING_TIME = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit',
                                                        second: '2-digit', hourCycle: 'h23' });
  function clock(date) { return BEIJING_TIME.format(date); }

  function areas(list) {
    chart('chart-areas').setOption({
      textStyle: { fontSize: fontSize },
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%', fontSize: fontSize } },
      yAxis: { type: 'category', inverse: true, data: list.map(areaLabel),
               axisLabel: { width: narrow ? 110 : (wall ? 420 : 220), overflow: 'truncate', fontSize: fontSize } },
      series: [{ type: 'bar', name: '平均完成进度', data: list.map(function (a) { return a.percentComplete; }),
                 itemStyle: { color: '#b71c1c' }, label: { show: true, position: 'right', formatter: '{c}%', fontSize: fontSize } }]
    }, true);
    fill('#areas-table', list, function (row, a) {
      cell(row, areaLabel(a));
      cell(row, a.problems, 'number');
      cell(row, a.tasks, 'number');
      cell(row, a.verified, 'number');
      cell(row, a.overdue, 'number');
      cell(row, a.percentComplete + '%', 'number');
    });
  }

  function overdue(page) {
    fill('#overdue', page.items, function (row, task) {
      cell(row, task.areaNumber ? areaLabel({ number: task.areaNumber, title: '' }) : '');
      // the problem as the notice numbers it under its area: 5. 园区道路积水治理不及时
      cell(row, (task.problemNumber ? task.problemNumber + '. ' : '') + (task.problemTitle || ''), 'text');
      cell(row, taskLink(task), 'text');
      cell(row, task.leadOfficial || '');
      cell(row, task.responsibleUnit || '');
      cell(row, task.deadline || '');
      cell(row, task.daysOverdue, 'days');
    });
    document.getElementById('overdue-empty').hidden = page.items.length > 0;
    // the page holds the oldest 100; the wall screen's count of the rest counts them all
    document.getElementById('overdue').setAttribute('data-total', String(page.total));
  }

  // On the wall screen a list shows the rows its panel has room for, from the top (the oldest, the
  // most in need of attention), and says how many more there are: a row is never cut in half. With
  // the type following the screen, the units' ranking has room for nine rows from 1280 × 720 to 4K.
  function fitWall() {
    var panel = document.querySelector('[data-panel].on-wall');
    if (!wall || !panel) { return; }
    panel.querySelectorAll('table[data-more]').forEach(function (table) {
      var rows = Array.prototype.slice.call(table.tBodies[0].rows);
      var more = document.getElementById(table.getAttribute('data-more'));
      var total = Number(table.getAttribute('data-total') || rows.length);
      rows.forEach(function (row) { row.hidden = false; });
      var shown = rows.length;
      more.hidden = total <= shown && !overflows(panel);
      while (shown > 0 && overflows(panel)) { rows[--shown].hidden = true; }
      more.hidden = total <= shown;
      more.textContent = '另有 ' + (total - shown) + ' ' + table.getAttribute('data-noun');
    });
  }

  // On the page a list of data-limit shows its first rows (the top of its order: unmet indicators first)
  // and its data-more line offers the rest, 显示全部（共N项）, and back, 收起: 612 indicators at 2,000 tasks
  // made the 主要指标 panel hundreds of rows long. Which one the reader chose outlives each refresh.
  // (The wall screen has no controls: there fitWall shows what fits.)
  function limitRows() {
    if (wall) { return; }
    document.querySelectorAll('table[data-more][data-limit]').forEach(function (table) {
      var rows = Array.prototype.slice.call(table.tBodies[0].rows);
      var limit = Number(table.getAttribute('data-limit'));
      var more = document.getElementById(table.getAttribute('data-more'));
      var all = table.getAttribute('data-all') === 'true';
      rows.forEach(function (row, i) { row.hidden = !all && i >= limit; });
      more.hidden = rows.length <= limit;
      var toggle = more.querySelector('button');
      if (!toggle) {
        toggle = document.createElement('button');
        toggle.type = 'button';
        toggle.setAttribute('aria-controls', table.id);
        toggle.addEventListener('click', function () {
          table.setAttribute('data-all', String(table.getAttribute('data-all') !== 'true'));
          limitRows();
          // folded back from the list's foot: the line stays under the reader's eyes, not 600 rows below
          more.scrollIntoView({ block: 'nearest' });
        });
        more.textContent = '';
        more.appendChild(toggle);
      }
      toggle.textContent = all ? '收起' : '显示全部（共' + rows.length + '项）';
      toggle.setAttribute('aria-expanded', String(all));
    });
  }

  function overflows(panel) {
    var foot = panel.getBoundingClientRect().bottom - parseFloat(getComputedStyle(panel).paddingBottom);
    return Array.prototype.some.call(panel.querySelectorAll('tbody tr:not([hidden]), .more:not([hidden])'),
      function (element) { return element.getBoundingClientRect().bottom > foot + 0.5; });
  }

  // The server ranks (rank 1 needs attention most); the page only shows the order it was given.
  function ranking(selector, list, kind) {
    fill(selector, list, function (row, s) {
      cell(row, s.rank, 'rank');
      var name = s.name || '（未填写）';
      if (wall) {
        cell(row, name);
      } else {
        var button = document.createElement('button');
        button.type = 'button';
        button.className = 'drill-link';
        button.textContent = name;
        button.addEventListener('click', function () {
          var filter = {};
          filter[kind] = s.name;
          drill((kind === 'unit' ? '责任单位' : '牵头领导') + '：' + name, filter);
        });
        cell(row, button);
      }
      cell(row, s.tasks, 'number');
      cell(row, s.completed, 'number');
      cell(row, s.closedOut, 'number');
      cell(row, percent(s.closeOutRate), 'number');
      cell(row, s.overdue, s.overdue ? 'number days' : 'number');
      cell(row, s.reportsMissing, s.reportsMissing ? 'number warn' : 'number');
      cell(row, s.regressions, s.regressions ? 'number warn' : 'number');
    });
  }

  function rankings(data) {
    ranking('#units', data.units, 'unit');
    ranking('#officials', data.officials, 'official');
  }

  function weekLabel(week) { return week.weekStart.slice(5) + '—' + week.weekEnd.slice(5); }

  function burnUp(data) {
    var weeks = data.weeks;
    var c = chart('chart-burn-up');
    c.setOption({
      textStyle: { fontSize: fontSize },
      grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      legend: { data: ['本周销号', '累计销号', '累计应完成'], textStyle: { fontSize: fontSize } },
      xAxis: { type: 'category', data: weeks.map(function (w) { return w.weekStart.slice(5); }),
               axisLabel: { fontSize: fontSize } },
      yAxis: { type: 'value', minInterval: 1, max: Math.max(data.tasks, 1), axisLabel: { fontSize: fontSize } },
      series: [
        { type: 'bar', name: '本周销号', data: weeks.map(function (w) { return w.closedOut; }), itemStyle: { color: '#90a4ae' } },
        { type: 'line', name: '累计销号', data: weeks.map(function (w) { return w.closedOutToDate; }),
          itemStyle: { color: '#2e7d32' }, lineStyle: { width: wall ? 5 : 3 } },
        { type: 'line', name: '累计应完成', step: 'end', data: weeks.map(function (w) { return w.dueToDate; }),
          itemStyle: { color: '#b71c1c' }, lineStyle: { type: 'dashed', width: wall ? 4 : 2 } }
      ]
    }, true);
    c.off('click');
    c.on('click', function (event) { drillWeek(weeks[event.dataIndex]); });
    text('burn-up-note', '范围内共 ' + data.tasks + ' 项任务' +
        (data.withoutDeadline ? '，其中 ' + data.withoutDeadline + ' 项长期坚持、无完成时限，不计入应完成线。' : '。'));
    fill('#burn-up-table', weeks, function (row, w) {
      if (wall) {
        cell(row, weekLabel(w));
      } else {
        var button = document.createElement('button');
        button.type = 'button';
        button.className = 'drill-link';
        button.textContent = weekLabel(w);
        button.addEventListener('click', function () { drillWeek(w); });
        cell(row, button);
      }
      cell(row, w.closedOut, 'number');
      cell(row, w.closedOutToDate == null ? '—' : w.closedOutToDate, 'number');
      cell(row, w.due, 'number');
      cell(row, w.dueToDate, 'number');
    });
  }

  function drillWeek(week) {
    if (week && !wall) { drill(weekLabel(week) + ' 销号或到期的任务', { week: week.weekStart }); }
  }

  // 收到 splits into 已答复, 合并件随主件答复, 办结未另行答复 and 尚待答复, which add up to it: 收到 152 beside
  // 已答复 3 alone read as 149 unanswered while 21 merged submitters saw an answer and one was closed
  function funnel(data) {
    var stages = [['收到', data.received], ['已答复', data.answered],
                  ['合并件随主件答复', data.mergedAndAnswered], ['办结未另行答复', data.closedWithoutAnswer],
                  ['尚待答复', data.awaitingAnswer], ['按期答复', data.answeredInTime],
                  ['转为整改问题', data.escalated]];
    chart('chart-funnel').setOption({
      textStyle: { fontSize: fontSize },
      tooltip: { trigger: 'item', formatter: '{b}：{c} 件' },
      // labels beside the shapes: a stage of 0 has no room inside
      series: [{ type: 'funnel', sort: 'none', left: '5%', width: '55%', top: 8, bottom: 8, minSize: '8%',
                 label: { show: true, position: 'right', formatter: '{b} {c} 件', fontSize: fontSize, color: '#1a1a1a' },
                 labelLine: { show: true },
                 color: ['#546e7a', '#1565c0', '#00838f', '#6d4c41', '#ef6c00', '#2e7d32', '#b71c1c'],
                 data: stages.map(function (s) { return { name: s[0], value: s[1] }; }) }]
    }, true);
    fill('#funnel-table', stages.concat([['逾期答复', data.answeredLate], ['超期未答复', data.unansweredOverdue]]),
        function (row, s) { cell(row, s[0]); cell(row, s[1], 'number'); });
  }

  function feedback(data) {
    // a merged item's submitter sees the answer of the one it joined: answered for the reader too
    text('figure-feedback', data.received + '/' + (data.answered + data.mergedAndAnswered));
    chart('chart-feedback').setOption({
      textStyle: { fontSize: fontSize },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      legend: { data: ['收到', '答复'], textStyle: { fontSize: fontSize } },
      xAxis: { type: 'category', data: data.byDay.map(function (d) { return d.day; }), axisLabel: { fontSize: fontSize } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: fontSize } },
      series: [
        { type: 'line', name: '收到', data: data.byDay.map(function (d) { return d.received; }) },
        { type: 'line', name: '答复', data: data.byDay.map(function (d) { return d.answered; }) }
      ]
    }, true);
    fill('#feedback-table', data.byDay, function (row, d) {
      cell(row, d.day);
      cell(row, d.received, 'number');
      cell(row, d.answered, 'number');
    });
  }

  // The drill-down: the tasks behind a figure, each linked to its page in the console. A unit may have
  // hundreds: they come a page at a time (director/task-page), the panel says how many it shows of how
  // many, and 加载更多 adds the next page (a unit of 398 tasks showed 200 with no word of the rest).
  var DRILL_PAGE = 200;
  var drillFilter = null;
  var drillShown = 0;
  function drill(title, filter) {
    drillFilter = filter;
    text('drill-title', title);
    var panel = document.getElementById('drill');
    panel.hidden = false;
    drillPage(filter, 0);
  }
  function drillPage(filter, page) {
    var extra = { page: page, size: DRILL_PAGE };
    Object.keys(filter).forEach(function (k) { extra[k] = filter[k]; });
    var more = document.getElementById('drill-more');
    more.disabled = true;
    // fresh: a 304 would leave the rows of the figure opened before on screen
    get('director/task-page', extra, true).then(function (answer) {
      if (answer === null || drillFilter !== filter) { return; }
      var body = document.querySelector('#drill-table tbody');
      if (page === 0) { body.textContent = ''; drillShown = 0; }
      answer.items.forEach(function (task) {
        var row = document.createElement('tr');
        cell(row, taskLink(task), 'text');
        cell(row, task.leadOfficial || '');
        cell(row, task.responsibleUnit || '');
        cell(row, task.deadline || '');
        cell(row, STATES[task.state] || task.state || '');
        cell(row, task.daysOverdue == null ? '' : task.daysOverdue, 'days');
        cell(row, task.reportMissing ? '缺报' : '');
        cell(row, task.reopenCount, 'number');
        // instants are written at the organisation's offset (+08:00), so the first ten characters are the day in Shanghai
        cell(row, task.closedOutAt ? task.closedOutAt.slice(0, 10) : '');
        body.appendChild(row);
      });
      drillShown += answer.items.length;
      var cut = drillShown < answer.total;
      text('drill-count', answer.total === 0 ? '' : cut ? '显示前 ' + drillShown + ' 项，共 ' + answer.total + ' 项'
          : '共 ' + answer.total + ' 项');
      document.getElementById('drill-empty').hidden = answer.total > 0;
      more.hidden = !cut;
      more.disabled = false;
      more.onclick = function () { drillPage(filter, page + 1); };
      if (page === 0) { document.getElementById('drill').scrollIntoView({ behavior: 'smooth', block: 'start' }); }
    }).catch(function (error) {
      more.disabled = false;
      fail(error);
    });
  }
  document.getElementById('drill-close').addEventListener('click', function () {
    drillFilter = null;
    document.getElementById('drill').hidden = true;
  });

  var lastLoaded = null;

  function fail(error) {
    document.body.setAttribute('data-stale', 'true');
    // The wall screen's connection banner already says it is disconnected and since when the figures are.
    if (error instanceof Disconnected) { showConnection(); return; }
    var element = document.getElementById('error');
    // The figures on screen stay; the banner says how old they are, so a wall screen never fails silently.
    element.textContent = '数据更新失败（' + clock(new Date()) + '）：' + error.message +
        (lastLoaded ? '。页面显示的是 ' + clock(lastLoaded) + ' 的数据' : '');
    element.hidden = false;
    document.body.setAttribute('data-stale', 'true');
  }

  var figures = [
    ['summary', null, summary], ['areas', null, areas], ['overdue', { size: 100 }, overdue],
    ['feedback', null, feedback], ['director/rankings', null, rankings], ['director/burn-up', null, burnUp],
    ['director/feedback-funnel', null, funnel], ['indicators', { from: null, to: null }, indicators]
  ];

  // The inspections, read at each load (a 304 keeps them): a wall screen left on for weeks moves on to the
  // next inspection in progress when the API lists it first, as it would when opened afresh.
  var inspections = null;
  function choices() {
    return get('inspections', { inspectionId: null, asOf: null, from: null, to: null, source: null }).then(function (list) {
      if (list === null) { return; } // unchanged since the last read
      inspections = list;
      var shown = asked || (inspections.length ? inspections[0].id : null);
      if (shown && query.get('inspectionId') !== shown) { query.set('inspectionId', shown); }
      named(inspections.filter(function (i) { return i.id === shown; })[0], shown);
    });
  }

  // The heading and the window's title name the inspection shown; the selector lists them when there are several.
  function named(inspection, shown) {
    var name = inspection ? (inspection.title || inspection.team) : null;
    var heading = name ? name + ' 整改进展' : '巡视整改进展';
    text('title', heading);
    document.title = heading;
    var select = document.getElementById('inspection-select');
    var several = inspections.length > 1 || (shown && !inspection);
    document.getElementById('inspection-choice').hidden = !several;
    if (!several) { return; }
    select.textContent = '';
    var options = inspections.map(function (i) {
      return [i.id, (i.title || i.team || i.id) + (i.inProgress ? '' : '（无在办任务）')];
    });
    if (!inspection) { options.unshift([shown || '', '（未找到所选巡视）']); }
    options.forEach(function (o) {
      var option = document.createElement('option');
      option.value = o[0];
      option.textContent = o[1];
      option.selected = o[0] === shown;
      select.appendChild(option);
    });
  }

  // Another inspection: the page opens afresh on it, its id in the address (a bookmark or the wall keeps it).
  document.getElementById('inspection-select').addEventListener('change', function (event) {
    var next = new URLSearchParams(window.location.search);
    next.set('inspectionId', event.target.value);
    window.location.search = next.toString();
  });

  var loads = 0;
  function load() {
    return choices().then(function () { return Promise.all(figures.map(function (f) { return get(f[0], f[1]); })); })
      .then(function (results) {
        results.forEach(function (result, i) { if (result !== null) { figures[i][2](result); } });
        lastLoaded = new Date();
        // an answer other than 304 is a figure that changed; the first load is the page itself, not an update
        if (loads > 0 && results.some(function (result) { return result !== null; })) { said('数据已更新'); }
        loads += 1;
        text('live', ' · 每 ' + refreshSeconds + ' 秒自动更新，' + clock(lastLoaded) + ' 已更新');
        document.getElementById('error').hidden = true;
        document.body.removeAttribute('data-stale');
        limitRows();
        fitWall();
        document.body.setAttribute('data-loaded', 'true');
        document.body.setAttribute('data-loads', String(loads));
      })
      .catch(fail);
  }

  // The wall screen shows the figures and one panel at a time, turning every rotateSeconds. In a
  // meeting a presenter's clicker (Page Down/Up, or the arrow keys) steps it; the turning then
  // waits a whole interval again, so the panel talked about stays up.
  var STEP_KEYS = { PageDown: 1, ArrowRight: 1, ArrowDown: 1, ' ': 1, PageUp: -1, ArrowLeft: -1, ArrowUp: -1 };
  function rotate() {
    var panels = Array.prototype.slice.call(document.querySelectorAll('[data-panel]'));
    var current = 0;
    var timer;
    function show() {
      panels.forEach(function (panel, i) { panel.classList.toggle('on-wall', i === current); });
      document.body.setAttribute('data-wall-panel', panels[current].getAttribute('data-panel'));
      Object.keys(charts).forEach(function (id) { charts[id].resize(); });
      fitWall();
    }
    function step(by) {
      current = (current + by + panels.length) % panels.length;
      show();
      clearInterval(timer);
      timer = setInterval(function () { step(1); }, rotateSeconds * 1000);
    }
    document.addEventListener('keydown', function (event) {
      if (STEP_KEYS[event.key]) { event.preventDefault(); step(STEP_KEYS[event.key]); }
    });
    step(0);
  }

  var wallLink = document.getElementById('wall-link');
  var wallQuery = new URLSearchParams(window.location.search);
  wallQuery.set('wall', '1');
  wallLink.href = '?' + wallQuery.toString();

  // Without a session: the figures at once. The wall screen's session: back from Keycloak's sign-in
  // (the address as it was is opened afresh), off to it when never signed in, else renew and read.
  function begin() {
    if (!session) { return load(); }
    document.getElementById('connection-signin').addEventListener('click', function () {
      session.signIn(window.location.search);
    });
    setInterval(showConnection, 1000);
    var returned = new URLSearchParams(window.location.search);
    if (returned.get('code') && returned.get('state')) {
      return session.complete(returned.get('code'), returned.get('state')).then(function (back) {
        window.location.replace(window.location.pathname + (back || '?wall=1'));
      });
    }
    if (!session.hasOfflineToken()) { return session.signIn(window.location.search); }
    return session.start();
  }

  begin().then(function () { if (wall) { rotate(); } });
  setInterval(load, refreshSeconds * 1000);
  window.addEventListener('resize', function () { Object.keys(charts).forEach(function (id) { charts[id].resize(); }); fitWall(); });
}());
