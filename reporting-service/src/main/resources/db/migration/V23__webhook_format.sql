-- How each queued webhook call is put to its endpoint (WebhookFormat): this system's signed JSON, or
-- a WeCom (企业微信) or DingTalk (钉钉) group robot's message. Kept with the call, so a call queued
-- before the setting changed is still delivered as it was written.
ALTER TABLE notice_webhook ADD COLUMN format text NOT NULL DEFAULT 'JSON';
