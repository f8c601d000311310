// Looks a feedback up by tracking code. Shows status, dates and the published answer, as text only.
'use strict';

const $ = (id) => document.getElementById(id);
const STATUS = {
  RECEIVED: '已收到，等待办理',
  TRIAGED: '正在办理',
  ANSWERED: '已答复',
  CLOSED: '已办结',
  ESCALATED: '已转为整改问题办理',
  MERGED: '已与相同内容的意见建议合并办理',
};

// What the reader of a feedback closed without an answer sees in place of one (the console's 办结 dialog says so)
const CLOSED_WITHOUT_ANSWER = '本件已办结，未另行单独答复。';

// An escalated feedback became a rectification problem: its title and public progress.
function showProblem(problem) {
  const shown = Boolean(problem);
  $('result-problem-label').hidden = !shown;
  $('result-problem').hidden = !shown;
  $('result-problem').replaceChildren();
  if (!shown) {
    return;
  }
  const title = document.createElement('span');
  title.textContent = '已列为整改问题：' + problem.title;
  const progress = document.createElement('progress');
  progress.className = 'progress';
  progress.max = 100;
  progress.value = problem.percentComplete;
  const figures = document.createElement('span');
  figures.className = 'hint';
  figures.textContent = '整改进度 ' + problem.percentComplete + '%'
    + (problem.measures ? '（整改措施 ' + problem.measures + ' 项，已完成 ' + problem.measuresDone + ' 项）' : '');
  progress.setAttribute('aria-label', figures.textContent);
  $('result-problem').append(title, progress, figures);
}

// 撤销: the part of the ledger the feedback is linked to was taken out; the service's sentence says so.
function showLinkNotice(notice) {
  $('result-link-label').hidden = !notice;
  $('result-link').hidden = !notice;
  $('result-link').textContent = notice || '';
}

async function lookup(event) {
  if (event) {
    event.preventDefault();
  }
  const code = $('code').value.trim();
  $('code-error').hidden = true;
  $('code').removeAttribute('aria-invalid');
  $('result').hidden = true;
  try {
    const response = await fetch('/feedback/track/' + encodeURIComponent(code || '-'),
      { headers: { 'Accept-Language': 'zh-CN' } });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      const fieldError = (answer.errors || []).find((e) => e.field === 'code');
      $('code-error').textContent = fieldError ? fieldError.message : (answer.detail || '查询未成功，请稍后再试。');
      $('code-error').hidden = false;
      $('code').setAttribute('aria-invalid', 'true');
      $('code').focus();
      return;
    }
    $('result-code').textContent = answer.trackingCode;
    // what it was submitted on: the publication, and the inspection the publication is about
    $('result-publication').textContent = answer.publicationTitle || '';
    $('result-inspection-label').hidden = !answer.inspectionTitle;
    $('result-inspection').hidden = !answer.inspectionTitle;
    $('result-inspection').textContent = answer.inspectionTitle || '';
    $('result-status').textContent = STATUS[answer.status] || answer.status;
    // Beijing time, whatever the reader's device says (07:30 in Beijing is 23:30 the day before in UTC); a call or
    // letter staff registered without its time is its day alone, not a call at 00:00
    $('result-received').textContent = answer.receivedOn ? PublicDates.day(answer.receivedOn)
      : PublicDates.moment(answer.receivedAt);
    // closed without an answer: no reply is still to come, so no date is promised; the office's reason for
    // closing is its own note and never shown here
    const closedUnanswered = answer.status === 'CLOSED' && !answer.answer;
    $('result-due-label').hidden = closedUnanswered;
    $('result-due').hidden = closedUnanswered;
    $('result-due').textContent = PublicDates.day(answer.replyDueDate);
    // a revised answer says so: the reader may have seen the earlier one
    $('result-answer').textContent = closedUnanswered ? CLOSED_WITHOUT_ANSWER
      : !answer.answer ? '暂无答复' : answer.answer
      + (answer.answerRevisedAt ? '（答复已于 ' + PublicDates.moment(answer.answerRevisedAt) + ' 更新）' : '');
    showProblem(answer.problem);
    showLinkNotice(answer.linkNotice);
    $('copy-code-status').textContent = '';
    $('result').hidden = false;
  } catch (e) {
    $('code-error').textContent = '网络异常，请稍后再试。';
    $('code-error').hidden = false;
  }
}

document.addEventListener('DOMContentLoaded', () => {
  $('track-form').addEventListener('submit', lookup);
  const query = new URLSearchParams(window.location.search);
  // "返回" leads back to the publication the reader came from; without one there is nowhere to go back to
  const publication = query.get('publication');
  if (publication) {
    $('back-link').href = 'index.html?publication=' + encodeURIComponent(publication);
    $('back-link').hidden = false;
  }
  const code = query.get('code');
  if (code) {
    $('code').value = code;
    lookup();
  }
});
