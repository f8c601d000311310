// node --test feedback-service/src/test/js/  (run by `deploy/local/stack test` with the console's checks)
// The form's submission key, kept with its text across a reload of the tab (submission-key.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const SubmissionKeys = createRequire(import.meta.url)('../../main/resources/META-INF/resources/submission-key.js');

/** A tab's sessionStorage as the browser offers it: strings by name. */
function session() {
  const items = new Map();
  return {
    items,
    getItem: (name) => (items.has(name) ? items.get(name) : null),
    setItem: (name, value) => items.set(name, String(value)),
    removeItem: (name) => items.delete(name),
  };
}

const PUBLICATION = '6f1c2a43-8d5e-4b7a-9c0d-1e2f3a4b5c6d';
const TEXT = '建议公开开发区闲置土地清理处置进展。';

test('a key is 128 random bits in base64url, as the service accepts it', () => {
  const key = SubmissionKeys.forText(SubmissionKeys.tabStore(session()), PUBLICATION, TEXT);
  assert.match(key, /^[A-Za-z0-9_-]{22}$/);
});

test('the same text keeps its key across a reload of the tab, a different text gets a new one', () => {
  const tab = session();
  const key = SubmissionKeys.forText(SubmissionKeys.tabStore(tab), PUBLICATION, TEXT);
  // the page reloaded: a new store over the same sessionStorage
  const reloaded = SubmissionKeys.tabStore(tab);
  assert.equal(SubmissionKeys.forText(reloaded, PUBLICATION, TEXT), key);
  // written again with other spaces, punctuation or full-width forms, it is the same text for the service
  assert.equal(SubmissionKeys.forText(reloaded, PUBLICATION, ' 建议公开开发区闲置土地清理处置进展 '), key);
  const other = SubmissionKeys.forText(reloaded, PUBLICATION, '建议公开开发区招商引资奖补资金兑现情况。');
  assert.notEqual(other, key);
  assert.notEqual(SubmissionKeys.forText(reloaded, PUBLICATION, TEXT), key, 'one text is kept: the last one');
});

test('another tab, or another publication, draws its own key', () => {
  const key = SubmissionKeys.forText(SubmissionKeys.tabStore(session()), PUBLICATION, TEXT);
  assert.notEqual(SubmissionKeys.forText(SubmissionKeys.tabStore(session()), PUBLICATION, TEXT), key);
  const tab = session();
  const here = SubmissionKeys.forText(SubmissionKeys.tabStore(tab), PUBLICATION, TEXT);
  assert.notEqual(SubmissionKeys.forText(SubmissionKeys.tabStore(tab), 'another-publication', TEXT), here);
  assert.equal(SubmissionKeys.forText(SubmissionKeys.tabStore(tab), PUBLICATION, TEXT), here);
});

test('a text received lets its key go: the same text sent later draws anew', () => {
  const tab = session();
  const store = SubmissionKeys.tabStore(tab);
  const key = SubmissionKeys.forText(store, PUBLICATION, TEXT);
  SubmissionKeys.received(store, PUBLICATION);
  assert.equal(tab.items.size, 0);
  assert.notEqual(SubmissionKeys.forText(SubmissionKeys.tabStore(tab), PUBLICATION, TEXT), key);
});

test('the tab keeps a digest of the text, never the text', () => {
  const tab = session();
  SubmissionKeys.forText(SubmissionKeys.tabStore(tab), PUBLICATION, TEXT);
  const [[name, value]] = [...tab.items];
  assert.equal(name, 'feedback-submission:' + PUBLICATION);
  const kept = JSON.parse(value);
  assert.deepEqual(Object.keys(kept).sort(), ['key', 'text']);
  assert.match(kept.text, /^[0-9a-f]{16}$/);
  assert.ok(!value.includes('闲置土地'), value);
});

test('where the browser refuses storage the key lives with the page', () => {
  const refusing = {
    getItem: () => { throw new Error('SecurityError'); },
    setItem: () => { throw new Error('QuotaExceededError'); },
    removeItem: () => { throw new Error('SecurityError'); },
  };
  for (const tab of [refusing, null]) {
    const store = SubmissionKeys.tabStore(tab);
    const key = SubmissionKeys.forText(store, PUBLICATION, TEXT);
    assert.equal(SubmissionKeys.forText(store, PUBLICATION, TEXT), key);
    SubmissionKeys.received(store, PUBLICATION);
    assert.notEqual(SubmissionKeys.forText(store, PUBLICATION, TEXT), key);
  }
});

test('what is kept there and is not a key (altered, or from an older page) is replaced', () => {
  const tab = session();
  tab.setItem('feedback-submission:' + PUBLICATION, '{not json');
  const key = SubmissionKeys.forText(SubmissionKeys.tabStore(tab), PUBLICATION, TEXT);
  assert.match(key, /^[A-Za-z0-9_-]{22}$/);
  assert.equal(JSON.parse(tab.getItem('feedback-submission:' + PUBLICATION)).key, key);
});

test('texts are compared as the service compares them: NFKC, case, whitespace, punctuation and symbols ignored', () => {
  assert.equal(SubmissionKeys.sameText('ＡＢＣ， abc！\n\t'), 'abcabc');
  assert.equal(SubmissionKeys.sameText('【建议】延长　周末开放时间…'), '建议延长周末开放时间');
  assert.equal(SubmissionKeys.sameText('第12项 ¥100'), '第12项100');
});
