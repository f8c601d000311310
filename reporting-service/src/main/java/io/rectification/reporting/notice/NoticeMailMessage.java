package io.rectification.reporting.notice;

import io.quarkus.mailer.Mail;

/**
 * A notice as the mail server gets it: plain text, and the headers an automated message carries
 * so that nothing answers it and a repeat is known as one. {@code Auto-Submitted: auto-generated}
 * (RFC 3834) and Exchange's {@code X-Auto-Response-Suppress: All} keep out-of-office replies and
 * read receipts from going back to the no-reply sender. The Message-ID is the notice's own, not
 * one made per send: the mail that may go out twice (a crash between the server's acceptance and
 * the commit, MailDelivery) goes with the same id, which mail clients show once.
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
        return Mail.withText(address, subject, body)
                .addHeader("Message-ID", "<notice." + id + "." + createdAt + "@" + domainOf(from) + ">")
                .addHeader("Auto-Submitted", "auto-generated")
                .addHeader("X-Auto-Response-Suppress", "All");
    }

    /** The part after the last @ of an address, with any closing > of "Name <a@b>" left out. */
    static String domainOf(String from) {
        String domain = from.substring(from.lastIndexOf('@') + 1).strip();
        return domain.endsWith(">") ? domain.substring(0, domain.length() - 1) : domain;
    }
}
