// Dashboard page: reads the JSON dashboard API and draws it; ?inspectionId=… narrows to one inspection.
(function () {
  'use strict';

  var params = new URLSearchParams(window.location.search);
  var query = new URLSearchParams();
  ['inspectionId', 'asOf', 'from', 'to'].forEach(function (name) {
    if (params.get(name)) { query.set(name, params.get(name)); }
  });
  var charts = [];
  // Larger chart text on a projector, narrower labels on a phone (the CSS uses the same breakpoint).
  var wide = window.matchMedia('(min-width: 1100px)').matches;
  var narrow = window.matchMedia('(max-width: 600px)').matches;
  var fontSize = wide ? 16 : 12;

  // The dashboard API needs a staff or integration token. It arrives once in the address's
  // fragment (#token=…, never sent to a server or written to its logs), is kept for this tab only,
  // and the fragment is cleared so the token does not linger in the address bar.
  var fragment = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  if (fragment.get('token')) {
    sessionStorage.setItem('dashboardToken', fragment.get('token'));
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  var token = sessionStorage.getItem('dashboardToken');

  function get(path, extra) {
    var q = new URLSearchParams(query);
    Object.keys(extra || {}).forEach(function (k) { q.set(k, extra[k]); });
    var headers = { Accept: 'application/json' };
    if (token) { headers.Authorization = 'Bearer ' + token; }
    return fetch(path + '?' + q.toString(), { headers: headers }).then(function (r) {
      if (r.status === 401 || r.status === 403) {
        throw new Error('需要有效的令牌：请用带 #token=… 的地址打开本页');
      }
      if (!r.ok) { throw new Error(path + ': ' + r.status); }
      return r.json();
    });
  }

  function text(id, value) { document.getElementById(id).textContent = value; }

  function percent(rate) { return Math.round(Number(rate) * 1000) / 10 + '%'; }

  var NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  function areaLabel(area) {
    var n = area.number;
    var numeral = n > 0 && n <= 10 ? NUMERALS[n] : (n > 10 && n < 20 ? '十' + NUMERALS[n - 10] : String(n || ''));
    return '(' + numeral + ')' + (area.title || '');
  }

  function summary(data) {
    text('as-of', data.asOf);
    text('figure-tasks', data.tasks);
    text('figure-verified', data.verified);
    text('figure-completion', percent(data.completionRate));
    text('figure-overdue', data.overdue);
    text('figure-at-risk', data.atRisk);
  }

  function areas(list) {
    var chart = echarts.init(document.getElementById('chart-areas'));
    charts.push(chart);
    chart.setOption({
      textStyle: { fontSize: fontSize },
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%', fontSize: fontSize } },
      yAxis: { type: 'category', inverse: true, data: list.map(areaLabel),
               axisLabel: { width: narrow ? 110 : 220, overflow: 'truncate', fontSize: fontSize } },
      series: [{ type: 'bar', name: '平均完成进度', data: list.map(function (a) { return a.percentComplete; }),
                 itemStyle: { color: '#b71c1c' }, label: { show: true, position: 'right', formatter: '{c}%', fontSize: fontSize } }]
    });
  }

  function overdue(page) {
    var body = document.querySelector('#overdue tbody');
    body.textContent = '';
    page.items.forEach(function (task) {
      var row = document.createElement('tr');
      [task.areaNumber ? areaLabel({ number: task.areaNumber, title: '' }) : '',
       task.problemTitle || '', task.title || '', task.leadOfficial || '', task.responsibleUnit || '',
       task.deadline || ''].forEach(function (value, column) {
        var cell = document.createElement('td');
        cell.textContent = value;
        if (column === 1 || column === 2) { cell.className = 'text'; }
        row.appendChild(cell);
      });
      var days = document.createElement('td');
      days.className = 'days';
      days.textContent = task.daysOverdue;
      row.appendChild(days);
      body.appendChild(row);
    });
    document.getElementById('overdue-empty').hidden = page.items.length > 0;
  }

  // Units ranked for a director: most overdue first, then the lowest close-out rate.
  function units(list) {
    var body = document.querySelector('#units tbody');
    body.textContent = '';
    var rate = function (u) { return u.tasks ? u.verified / u.tasks : 0; };
    list.slice().sort(function (a, b) {
      return (b.overdue - a.overdue) || (rate(a) - rate(b)) || String(a.name).localeCompare(String(b.name), 'zh');
    }).forEach(function (unit, index) {
      var row = document.createElement('tr');
      [[index + 1, 'rank'], [unit.name || '（未填写）', ''], [unit.tasks, 'number'], [unit.verified, 'number'],
       [percent(rate(unit)), 'number'], [unit.overdue, 'number days'],
       [Math.round(Number(unit.percentComplete || 0)) + '%', 'number']].forEach(function (cellData) {
        var cell = document.createElement('td');
        cell.textContent = cellData[0];
        if (cellData[1]) { cell.className = cellData[1]; }
        row.appendChild(cell);
      });
      body.appendChild(row);
    });
  }

  function feedback(data) {
    text('figure-feedback', data.received + '/' + data.answered);
    var chart = echarts.init(document.getElementById('chart-feedback'));
    charts.push(chart);
    chart.setOption({
      textStyle: { fontSize: fontSize },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      legend: { data: ['收到', '答复'], textStyle: { fontSize: fontSize } },
      xAxis: { type: 'category', data: data.byDay.map(function (d) { return d.day; }) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'line', name: '收到', data: data.byDay.map(function (d) { return d.received; }) },
        { type: 'line', name: '答复', data: data.byDay.map(function (d) { return d.answered; }) }
      ]
    });
  }

  function fail(error) {
    var element = document.getElementById('error');
    element.textContent = '数据加载失败:' + error.message;
    element.hidden = false;
  }

  Promise.all([get('/dashboard/summary'), get('/dashboard/areas'), get('/dashboard/overdue', { size: 100 }),
               get('/dashboard/feedback'), get('/dashboard/units')])
    .then(function (results) {
      summary(results[0]);
      areas(results[1]);
      overdue(results[2]);
      feedback(results[3]);
      units(results[4]);
      document.body.setAttribute('data-loaded', 'true');
    })
    .catch(fail);

  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
}());
