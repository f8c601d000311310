package io.rectification.reporting;

import io.quarkus.test.common.QuarkusTestResource;
import io.rectification.reporting.notice.MailServer;

/** The mail server (and the webhook receiver's address) for every test of this module. */
@QuarkusTestResource(MailServer.class)
public class NoticeTestServices {
}
