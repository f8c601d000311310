// Looks a feedback up by tracking code. Shows status, dates and the published answer, as text only.
'use strict';

const $ = (id) => document.getElementById(id);
const STATUS = {
  RECEIVED: '已收到，等待办理',
  TRIAGED: '正在办理',
  ANSWERED: '已答复',
  CLOSED: '已办结',
  ESCALATED: '已转入整改问题办理',
  MERGED: '已与相同内容的意见建议合并办理',
};

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
    $('result-status').textContent = STATUS[answer.status] || answer.status;
    $('result-received').textContent = (answer.receivedAt || '').slice(0, 10);
    $('result-due').textContent = answer.replyDueDate || '';
    $('result-answer').textContent = answer.answer || '暂无答复';
    $('result').hidden = false;
  } catch (e) {
    $('code-error').textContent = '网络异常，请稍后再试。';
    $('code-error').hidden = false;
  }
}

document.addEventListener('DOMContentLoaded', () => {
  $('track-form').addEventListener('submit', lookup);
  const code = new URLSearchParams(window.location.search).get('code');
  if (code) {
    $('code').value = code;
    lookup();
  }
});
