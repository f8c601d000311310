package io.rectification.reporting.notice;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.eclipse.angus.mail.imap.IMAPFolder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Reads a person's mail back from the test mail server over IMAP (GreenMail: login and password = the address). */
public final class Mailbox {

    /** A mail as read back; messageId and autoSubmitted are its headers of those names (null when absent). */
    public record Received(String to, String subject, String body, String messageId, String autoSubmitted) {
        public String text() {
            return subject + "\n" + body;
        }
    }

    private Mailbox() {
    }

    public static List<Received> of(String address) {
        Properties properties = new Properties();
        properties.put("mail.store.protocol", "imap");
        properties.put("mail.imap.connectiontimeout", "5000");
        properties.put("mail.imap.timeout", "10000");
        try {
            Store store = Session.getInstance(properties).getStore("imap");
            try {
                store.connect("127.0.0.1", MailServer.imapPort(), address, address);
            } catch (MessagingException e) {
                throw new IllegalStateException("No mail server answers over IMAP at 127.0.0.1:" + MailServer.imapPort()
                        + ": start it with `deploy/local/stack test-services` (or set RECT_TEST_IMAP_PORT)", e);
            }
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                Message[] messages = inbox.getMessages();
                // Every message whole in one FETCH: read one by one, each took two round trips, and the
                // tests poll mailboxes that earlier tests filled (seconds a poll in CI).
                FetchProfile whole = new FetchProfile();
                whole.add(FetchProfile.Item.ENVELOPE);
                whole.add(IMAPFolder.FetchProfileItem.MESSAGE);
                inbox.fetch(messages, whole);
                List<Received> received = new ArrayList<>();
                for (Message message : messages) {
                    // mail travels with CRLF line ends (SMTP): read back as the service wrote it, lines ended by \n
                    received.add(new Received(address, message.getSubject(), text(message.getContent()).replace("\r\n", "\n"),
                            header(message, "Message-ID"), header(message, "Auto-Submitted")));
                }
                inbox.close(false);
                return received;
            } finally {
                store.close();
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("reading " + address + "'s mail: " + e.getMessage(), e);
        }
    }

    private static String header(Message message, String name) throws MessagingException {
        String[] values = message.getHeader(name);
        return values == null ? null : values[0];
    }

    /** The notices (not the daily digests) whose subject or body contains {@code marker}. */
    public static List<Received> notices(String address, String marker) {
        return containing(address, marker).stream().filter(m -> !m.subject().startsWith("【每日待办】")).toList();
    }

    /** The daily digests of one day (e.g. "2025年1月31日") that contain {@code marker}. */
    public static List<Received> digests(String address, String day, String marker) {
        return containing(address, marker).stream().filter(m -> m.subject().startsWith("【每日待办】" + day)).toList();
    }

    /** The messages whose subject or body contains {@code marker}. */
    public static List<Received> containing(String address, String marker) {
        return of(address).stream().filter(m -> m.text().contains(marker)).toList();
    }

    private static String text(Object content) throws MessagingException, IOException {
        if (content instanceof Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(text(multipart.getBodyPart(i).getContent()));
            }
            return text.toString();
        }
        return String.valueOf(content);
    }
}
