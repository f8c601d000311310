package io.rectification.reporting.notice;

import io.quarkus.mailer.Mail;

/**
 * A notice as the mail server gets it: plain text, and the headers an automated message carries
 * so that nothing answers it and a repeat is known as one. {@code Auto-Submitted: auto-generated}
 * (RFC 3834) and Exchange's {@code X-Auto-Response-Suppress: All} keep out-of-office replies and
 * read receipts from going back to the no-reply sender. The Message-ID is the notice's own, not
 * one made per send: the mail that may go out twice (a crash between the server's acceptance and
 * the commit, MailDelivery) goes with the same id, which mail clients show once. A combined mail
 * ({@link CombinedNoticeText}) is named by its first and last notice and how many it lists, so that the
 * same combination sent again is known as one, and another (a later burst, a notice more) is not.
 */
final class NoticeMailMessage {

    private NoticeMailMessage() {
    }

    /**
     * @param id        the notice_mail row's id
     * @param createdAt when the row was written (epoch milliseconds): with the id, unique across
     *                  databases that send from one domain (a test and a production system)
     * @param from      the sender's address, whose domain names the message (RFC 5322 msg-id)
     */
    static Mail of(long id, long createdAt, String from, String address, String subject, String body) {
        return automated(address, subject, body, "<notice." + id + "." + createdAt + "@" + domainOf(from) + ">");
    }

    /**
     * One mail for several notices: {@code <notices.FIRST-LAST.COUNT.CREATED@domain>}.
     *
     * @param firstId   the lowest of the notice_mail rows' ids
     * @param lastId    the highest
     * @param createdAt when the first was written (epoch milliseconds), as {@link #of}'s
     */
    static Mail combined(long firstId, long lastId, int count, long createdAt, String from, String address, String subject,
                         String body) {
        return automated(address, subject, body,
                "<notices." + firstId + "-" + lastId + "." + count + "." + createdAt + "@" + domainOf(from) + ">");
    }

    private static Mail automated(String address, String subject, String body, String messageId) {
        return Mail.withText(address, subject, body)
                .addHeader("Message-ID", messageId)
                .addHeader("Auto-Submitted", "auto-generated")
                .addHeader("X-Auto-Response-Suppress", "All");
    }

    /** The part after the last @ of an address, with any closing > of "Name <a@b>" left out. */
    static String domainOf(String from) {
        String domain = from.substring(from.lastIndexOf('@') + 1).strip();
        return domain.endsWith(">") ? domain.substring(0, domain.length() - 1) : domain;
    }
}
