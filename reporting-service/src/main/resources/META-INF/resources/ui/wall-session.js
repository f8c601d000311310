// The wall screen's own sign-in (?wall=1 opened without #token=): Keycloak's public client
// `wall-screen` (authorization code with PKCE; no client secret exists), signed in once as a user
// holding only `dashboard-viewer`, asking for offline_access. The offline token is kept in this
// browser's localStorage, so the screen survives restarts for weeks (the realm's offline session:
// 30 days idle, 90 at most; revocable in Keycloak); access tokens (minutes) live in memory only and
// are renewed at 70 % of their life. A renewal that fails for the network or the server is tried
// again after a growing pause, and the screen says 已断开，重新连接中; one Keycloak refuses (the
// offline session revoked or expired) says 已断开 and offers 重新登录. docs/security.md, "Wall screens".
(function (global) {
  'use strict';

  var OFFLINE_TOKEN = 'wallScreen.offlineToken';
  var PENDING = 'wallScreen.pendingSignIn';

  /** Seconds before the next try after `failures` failed renewals in a row: 5, 10, 20 … at most 300. */
  function retryDelay(failures) {
    return Math.min(300, 5 * Math.pow(2, Math.max(0, failures - 1)));
  }

  /** Seconds after which an access token living `expiresIn` seconds is renewed: at 70 % of its life, at least 5. */
  function renewAfter(expiresIn) {
    return Math.max(5, Math.floor((Number(expiresIn) || 60) * 0.7));
  }

  /** A failed token request: 'signin' when Keycloak refused the grant itself, else 'retry' (network, server). */
  function outcome(status, body) {
    if (status === 401) { return 'signin'; }
    if (status === 400) {
      var error = body && body.error;
      return error === 'invalid_grant' || error === 'invalid_client' || error === 'unauthorized_client' ? 'signin' : 'retry';
    }
    return 'retry';
  }

  /** What the screen says about its connection; null while connected. `now` in milliseconds. */
  function describe(state, now) {
    switch (state.name) {
      case 'connected': return null;
      case 'connecting': return { kind: 'connecting', text: '正在连接…' };
      case 'signin': return { kind: 'disconnected', text: '已断开：大屏的登录已失效或尚未登录，请用大屏账号重新登录' };
      default: {
        var seconds = Math.max(0, Math.ceil((state.nextTry - now) / 1000));
        return { kind: 'reconnecting', text: '已断开，重新连接中（已连续失败 ' + state.failures + ' 次，'
            + (seconds > 0 ? seconds + ' 秒后重试' : '正在重试') + '）' };
      }
    }
  }

  /**
   * options: authority (the realm's URL), clientId, redirectUri, storage (kept: the offline token),
   * scratch (this tab: the pending sign-in), fetch, now(), schedule(fn, ms) → handle, cancel(handle),
   * navigate(url), random() → a URL-safe random string, challenge(verifier) → Promise of the S256 challenge,
   * onChange(state).
   */
  function create(options) {
    var state = { name: 'connecting', failures: 0 };
    var access = null;
    var timer = null;
    var endpoint = options.authority + '/protocol/openid-connect/';

    function set(next) {
      state = next;
      options.onChange(state);
    }

    function plan(ms) {
      if (timer !== null) { options.cancel(timer); }
      timer = options.schedule(function () { timer = null; renew(); }, ms);
    }

    function tokenRequest(parameters) {
      parameters.client_id = options.clientId;
      return options.fetch(endpoint + 'token', {
        method: 'POST', cache: 'no-store',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(parameters).toString()
      }).then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (body) {
          return { status: response.status, body: body };
        });
      });
    }

    function accept(body) {
      access = body.access_token;
      if (body.refresh_token) { options.storage.setItem(OFFLINE_TOKEN, body.refresh_token); }
      set({ name: 'connected', failures: 0 });
      plan(renewAfter(body.expires_in) * 1000);
    }

    function fail(kind) {
      if (kind === 'signin') {
        access = null;
        options.storage.removeItem(OFFLINE_TOKEN);
        set({ name: 'signin', failures: state.failures + 1 });
        return;
      }
      // The access token in hand may still be good for a while: the figures keep coming until it is not.
      var failures = state.failures + 1;
      var delay = retryDelay(failures) * 1000;
      set({ name: 'reconnecting', failures: failures, nextTry: options.now() + delay });
      plan(delay);
    }

    function answered(answer) {
      if (answer.status === 200 && answer.body && answer.body.access_token) {
        accept(answer.body);
      } else {
        fail(outcome(answer.status, answer.body));
      }
    }

    /** Renews the access token with the offline token; without one, a sign-in is needed. */
    function renew() {
      var offline = options.storage.getItem(OFFLINE_TOKEN);
      if (!offline) {
        set({ name: 'signin', failures: state.failures });
        return Promise.resolve();
      }
      return tokenRequest({ grant_type: 'refresh_token', refresh_token: offline })
        .then(answered, function () { fail('retry'); });
    }

    /** Off to Keycloak's sign-in page; `back` is the address's query to return to. */
    function signIn(back) {
      var verifier = options.random();
      var nonce = options.random();
      options.scratch.setItem(PENDING, JSON.stringify({ verifier: verifier, state: nonce, back: back || '' }));
      return options.challenge(verifier).then(function (challenge) {
        options.navigate(endpoint + 'auth?' + new URLSearchParams({
          client_id: options.clientId, redirect_uri: options.redirectUri, response_type: 'code',
          scope: 'openid offline_access', code_challenge: challenge, code_challenge_method: 'S256',
          state: nonce, ui_locales: 'zh-CN'
        }).toString());
      });
    }

    /** Back from Keycloak with a code: exchanged for the tokens; resolves to the query to return to. */
    function complete(code, returnedState) {
      var pending = JSON.parse(options.scratch.getItem(PENDING) || 'null');
      options.scratch.removeItem(PENDING);
      if (!pending || pending.state !== returnedState) {
        set({ name: 'signin', failures: state.failures });
        return Promise.resolve('');
      }
      return tokenRequest({ grant_type: 'authorization_code', code: code, redirect_uri: options.redirectUri,
                            code_verifier: pending.verifier })
        .then(answered, function () { fail('retry'); })
        .then(function () { return pending.back; });
    }

    /** A figure was refused (401): the access token is spent; renew now rather than when planned. */
    function refused() {
      access = null;
      return state.name === 'connected' ? renew() : Promise.resolve();
    }

    return {
      start: renew, signIn: signIn, complete: complete, refused: refused,
      token: function () { return access; },
      state: function () { return state; },
      hasOfflineToken: function () { return !!options.storage.getItem(OFFLINE_TOKEN); }
    };
  }

  global.WallSession = { create: create, retryDelay: retryDelay, renewAfter: renewAfter, outcome: outcome, describe: describe };
}(window));
