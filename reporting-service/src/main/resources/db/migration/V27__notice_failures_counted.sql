-- The notices given up for good are counted every 15 s (NoticeFailureMetrics): from these small
-- partial indexes, not a scan of every mail ever sent.
CREATE INDEX notice_mail_failed ON notice_mail (id) WHERE state = 'FAILED';
CREATE INDEX notice_webhook_dead ON notice_webhook (id) WHERE state = 'DEAD';
