// The key the form sends with every try of the text it composes (submissionKey). The service names
// an earlier submission's tracking code in a duplicate's 409 only to a request carrying that
// submission's key (the code is the one credential to follow a feedback, so nobody else behind the
// same address gets it); a try that comes back without the key is told neutrally to use the code it
// was given, which a citizen whose answer was lost never saw. So the form keeps the key with the
// text it belongs to:
//  - across the tries on the page: a double click, a retry after an answer lost on the way;
//  - across a reload of the same tab (sessionStorage), which is what people do after 网络异常: a resend
//    of the same text after the reload carries the same key and gets the original code back;
//  - a different text gets a new key, and a text received (201, or a 409 naming its code) lets its
//    key go, so the next text draws anew.
// The service's rule: a duplicate is the same text on the same publication within
// feedback.public.duplicate-window (30 minutes), from the same client (address) or with the same key
// from any address (a phone that moved from Wi-Fi to mobile data between two tries); the key also
// decides who is told the code. Texts are compared as the service compares them (intake.TextFingerprint: NFKC, case,
// whitespace, punctuation and symbols ignored), and the tab keeps only a digest of the text: storage
// that a browser restores with a reopened tab holds no readable copy of what a citizen wrote.
// A classic script (the pages load no modules) that node's tests also load.
'use strict';

const SubmissionKeys = (() => {
  const PREFIX = 'feedback-submission:';
  const VALID = /^[A-Za-z0-9_-]{22,64}$/;

  // 128 random bits, base64url: what the service accepts (22 to 64 of A-Za-z0-9_-)
  function draw() {
    const bits = crypto.getRandomValues(new Uint8Array(16));
    return btoa(String.fromCharCode(...bits)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  // The text as the service compares two for a duplicate
  function sameText(text) {
    return text.normalize('NFKC').toLowerCase().replace(/[\p{Z}\s\p{P}\p{S}\p{C}]/gu, '');
  }

  // 64 bits from two multiplicative lanes (cyrb53's mixing): enough to tell this tab's texts apart;
  // a digest, not a secret (crypto.subtle, which would give SHA-256, exists only in secure contexts)
  function digest(text) {
    let a = 0xdeadbeef;
    let b = 0x41c6ce57;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 2654435761);
      b = Math.imul(b ^ c, 1597334677);
    }
    a = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909);
    b = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
    return (b >>> 0).toString(16).padStart(8, '0') + (a >>> 0).toString(16).padStart(8, '0');
  }

  // The tab's sessionStorage, and the page's memory where the browser refuses it (storage blocked,
  // full): then the key lives as long as the page, as before
  function tabStore(session) {
    const memory = new Map();
    const attempt = (use) => {
      try {
        return session ? use(session) : null;
      } catch (e) {
        return null;
      }
    };
    return {
      get: (name) => attempt((s) => s.getItem(name)) ?? memory.get(name) ?? null,
      set: (name, value) => {
        memory.set(name, value);
        attempt((s) => s.setItem(name, value));
      },
      remove: (name) => {
        memory.delete(name);
        attempt((s) => s.removeItem(name));
      },
    };
  }

  // The key for this text on this publication: the one kept for it, or a new one, kept from now on
  function forText(store, publicationId, text) {
    const name = PREFIX + publicationId;
    const textDigest = digest(sameText(text));
    let kept = null;
    try {
      kept = JSON.parse(store.get(name));
    } catch (e) {
      kept = null;
    }
    if (kept && kept.text === textDigest && VALID.test(kept.key)) {
      return kept.key;
    }
    const key = draw();
    store.set(name, JSON.stringify({ key, text: textDigest }));
    return key;
  }

  // The text was received (its code shown): its key is not needed again
  function received(store, publicationId) {
    store.remove(PREFIX + publicationId);
  }

  return { forText, received, tabStore, sameText };
})();

if (typeof module === 'object' && module.exports) {
  module.exports = SubmissionKeys;
}
