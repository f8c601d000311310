// "复制查询码": copies the text of the element a button names (data-copy) and says so next to it.
// Wired here, not inline: the pages' CSP allows no inline script. The clipboard API needs a secure
// context (https, or localhost); elsewhere the text is selected for the reader to copy.
'use strict';

function copyCode(button) {
  const source = document.getElementById(button.dataset.copy);
  const status = document.getElementById(button.id + '-status');
  const text = source.textContent.trim();
  const done = (message) => { status.textContent = message; };
  const select = () => {
    const range = document.createRange();
    range.selectNodeContents(source);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    done('已选中查询码，请按 Ctrl+C（或长按）复制');
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(() => done('已复制'), select);
  } else {
    select();
  }
}

document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('button[data-copy]').forEach((button) => {
    button.addEventListener('click', () => copyCode(button));
  });
});
