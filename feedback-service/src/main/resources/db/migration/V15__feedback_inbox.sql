-- The inbox reads GET /feedback page by page (ReplyRule, InboxQuery): its urgent tabs (待办理, 已超期, 即将到期)
-- are the feedback still owed a reply in reply-date order, a small part of all once most are answered; 全部 is
-- every feedback newest first across publications. The reply-deadline job's candidates use the first index too.
CREATE INDEX feedback_owed_reply ON feedback (reply_due_at, received_at)
    WHERE answered_at IS NULL AND status IN ('RECEIVED', 'TRIAGED', 'ESCALATED', 'ESCALATION_REFUSED');
CREATE INDEX feedback_received ON feedback (received_at DESC, id DESC);
