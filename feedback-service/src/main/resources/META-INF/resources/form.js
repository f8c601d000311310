// The public feedback form. Everything shown is set with textContent, never as HTML, so any
// markup in a publication or a message is displayed as text. No inline script: a strict CSP fits.
'use strict';

const FIELDS = ['category', 'areaId', 'taskId', 'text', 'name', 'phone', 'email', 'address'];
const $ = (id) => document.getElementById(id);

// The submission key of the text being composed (submissionKey), kept with its text in the tab's
// session storage so that a resend after a lost answer, on this page or after a reload, gets the
// original code back (submission-key.js says why and how).
function tabSession() {
  try {
    return window.sessionStorage;
  } catch (e) {
    return null; // storage blocked: the key lives with the page
  }
}

const submissionKeys = SubmissionKeys.tabStore(tabSession());

// A fetch that failed has no answer: the service may have stored the text all the same (the answer
// lost on the way back). Sent again from this page, the same text with its key is not stored twice
// and is answered with the code it was given.
const LOST_ANSWER = '网络异常，未能收到提交结果，您的意见建议可能已经提交成功。请不要刷新页面，直接再次点击“提交”：'
  + '相同内容不会重复登记，如已收到，将显示查询码。';

function show(element, text) {
  element.textContent = text;
  element.hidden = false;
}

function renderPublication(p) {
  // the inspection's own title, from the ledger: the publication's title is free text and may not name it
  if (p.inspectionTitle) {
    show($('inspection-title'), '所涉巡视：' + p.inspectionTitle);
  }
  $('publication-title').textContent = p.title;
  if (p.body) {
    $('publication-body').textContent = p.body;
  }
  if (p.reportUrl && /^https?:\/\//.test(p.reportUrl)) {
    $('publication-report-link').href = p.reportUrl;
    $('publication-report').hidden = false;
  }
  // reporting-service's public progress page, behind the same gateway as this form; it exists from the
  // first day of the disclosure window (before, a 404): a publication announced ahead does not link it yet
  if (p.inspectionId && Date.parse(p.windowStart) <= Date.now()) {
    $('publication-progress-link').href = '/reports/' + encodeURIComponent(p.inspectionId) + '/progress.html';
    $('publication-progress').hidden = false;
  }
  // the window's ends are instants, each shown as the clock reads in the publication's own zone, which is named
  $('publication-window').textContent = PublicDates.period(p.windowStart, p.windowEnd, p.timeZone);
  $('publication-status').textContent = p.open ? '现正受理意见建议。' : '当前不在受理时间内，无法在线提交。';
  const channels = $('publication-channels');
  const rows = [
    ['电话', p.channels && p.channels.phone ? p.channels.phone + (p.channels.phoneHours ? '（' + p.channels.phoneHours + '）' : '') : null],
    ['通信地址', p.channels && p.channels.postalAddress ? p.channels.postalAddress + (p.channels.postalCode ? '（邮编 ' + p.channels.postalCode + '）' : '') : null],
    ['电子邮箱', p.channels ? p.channels.email : null],
  ];
  rows.filter((row) => row[1]).forEach(([label, value]) => {
    const dt = document.createElement('dt');
    dt.textContent = label;
    const dd = document.createElement('dd');
    dd.textContent = value;
    channels.append(dt, dd);
  });
  $('publication').hidden = false;
  $('feedback').hidden = !p.open;
}

// The form's choices come from the service: the categories with their reply days (the deadline rule
// is stated once, on the server) and the inspection's findings as its report lists them: the areas
// and their measures, numbered by the service as the report numbers them.
function renderChoices(choices) {
  const category = $('category');
  choices.categories.forEach((c) => {
    const option = document.createElement('option');
    option.value = c.category;
    option.textContent = c.label + '（' + c.replyDays + '日内答复）';
    category.append(option);
  });
  $('category-hint').textContent = '答复期限因类别而不同；不选择时在' + choices.defaultReplyDays + '日内答复。';
  if (!choices.areas.length) {
    return;
  }
  const area = $('areaId');
  choices.areas.forEach((a) => {
    const option = document.createElement('option');
    option.value = a.id;
    option.textContent = a.numbering + a.title; // （二）, as the report heads the area
    area.append(option);
  });
  area.addEventListener('change', () => {
    const task = $('taskId');
    task.replaceChildren(task.options[0]);
    task.value = '';
    const chosen = choices.areas.find((a) => a.id === area.value);
    (chosen ? chosen.measures : []).forEach((m) => {
      const option = document.createElement('option');
      option.value = m.id;
      option.textContent = m.numbering + ' ' + m.title; // 3.二是, as the report numbers the measure
      task.append(option);
    });
    task.disabled = !chosen || chosen.measures.length === 0;
  });
  $('subject-fields').hidden = false;
}

function clearErrors() {
  FIELDS.forEach((field) => {
    $(field + '-error').hidden = true;
    $(field + '-error').textContent = '';
    $(field).removeAttribute('aria-invalid');
  });
  $('form-error').hidden = true;
}

function showProblem(problem) {
  const errors = (problem.errors || []).filter((e) => FIELDS.includes(e.field));
  errors.forEach((e) => {
    show($(e.field + '-error'), e.message);
    $(e.field).setAttribute('aria-invalid', 'true');
  });
  if (errors.length > 0) {
    $(errors[0].field).focus();
  } else {
    show($('form-error'), problem.detail || problem.title || '提交未成功，请稍后再试。');
    $('form-error').focus();
  }
}

// The receipt: the code of a new submission with its reply date, or (earlier) the code of this
// form's own text received before, whose answer was lost or which was sent twice.
function showReceipt(publicationId, trackingCode, replyDueDate, earlier) {
  SubmissionKeys.received(submissionKeys, publicationId);
  $('feedback').hidden = true;
  $('receipt-heading').textContent = earlier ? '已收到' : '提交成功';
  $('receipt-earlier').hidden = !earlier;
  $('tracking-code').textContent = trackingCode;
  $('reply-due').textContent = PublicDates.day(replyDueDate);
  $('reply-due-line').hidden = !replyDueDate;
  $('track-link').href = 'track.html?code=' + encodeURIComponent(trackingCode)
    + '&publication=' + encodeURIComponent(publicationId);
  $('receipt').hidden = false;
  $('receipt').focus();
}

async function submit(publicationId, event) {
  event.preventDefault();
  clearErrors();
  const body = {};
  FIELDS.forEach((field) => {
    const value = $(field).value;
    if (value !== '') {
      body[field] = value;
    }
  });
  if ($('website').value !== '') {
    body.website = $('website').value;
  }
  body.submissionKey = SubmissionKeys.forText(submissionKeys, publicationId, $('text').value);
  $('submit').disabled = true;
  try {
    const response = await fetch('/publications/' + encodeURIComponent(publicationId) + '/feedback', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': 'zh-CN' },
      body: JSON.stringify(body),
    });
    const answer = await response.json().catch(() => ({}));
    if (response.status === 201) {
      showReceipt(publicationId, answer.trackingCode, answer.replyDueDate, false);
    } else if (response.status === 409 && answer.earlierTrackingCode) {
      showReceipt(publicationId, answer.earlierTrackingCode, null, true);
    } else {
      showProblem(answer);
    }
  } catch (e) {
    show($('form-error'), LOST_ANSWER);
  } finally {
    $('submit').disabled = false;
  }
}

async function start() {
  const publicationId = new URLSearchParams(window.location.search).get('publication');
  if (!publicationId) {
    $('publication-title').textContent = '意见建议';
    show($('load-error'), '链接中缺少公布编号（publication），请从公布页面进入。');
    return;
  }
  // the tracking page then offers 返回 to this publication (as the receipt's link does)
  $('footer-track-link').href = 'track.html?publication=' + encodeURIComponent(publicationId);
  try {
    const response = await fetch('/publications/' + encodeURIComponent(publicationId),
      { headers: { 'Accept-Language': 'zh-CN' } });
    if (!response.ok) {
      $('publication-title').textContent = '意见建议';
      show($('load-error'), '未找到该公布，请核对链接。');
      return;
    }
    const publication = await response.json();
    renderPublication(publication);
    if (publication.open) {
      const choices = await fetch('/publications/' + encodeURIComponent(publicationId) + '/form-choices',
        { headers: { 'Accept-Language': 'zh-CN' } });
      if (choices.ok) {
        renderChoices(await choices.json());
      }
    }
  } catch (e) {
    show($('load-error'), '网络异常，请稍后刷新页面。');
    return;
  }
  $('feedback-form').addEventListener('submit', (event) => submit(publicationId, event));
}

document.addEventListener('DOMContentLoaded', start);
