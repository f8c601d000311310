package io.rectification.reporting.notice;

import io.quarkus.mailer.Mail;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Tag("fast")
class NoticeMailMessageTest {

    @Test
    void anAutomatedNoticeAsksForNoRepliesAndKeepsItsOwnId() {
        Mail mail = NoticeMailMessage.of(42, 1_796_443_371_028L, "zhenggai-noreply@rectification.example.gov.cn",
                "ducha@rectification.example.gov.cn", "【销号申请】", "正文");
        assertEquals(List.of("ducha@rectification.example.gov.cn"), mail.getTo());
        assertEquals(List.of("<notice.42.1796443371028@rectification.example.gov.cn>"), mail.getHeaders().get("Message-ID"));
        assertEquals(List.of("auto-generated"), mail.getHeaders().get("Auto-Submitted"));
        assertEquals(List.of("All"), mail.getHeaders().get("X-Auto-Response-Suppress"));
        assertEquals(mail.getHeaders(), NoticeMailMessage.of(42, 1_796_443_371_028L, "zhenggai-noreply@rectification.example.gov.cn",
                "ducha@rectification.example.gov.cn", "【销号申请】", "正文").getHeaders(), "a second send is the same message");
    }

    /**
     * A combined mail is named by its first and last notice and how many: the same combination sent again
     * (a crash before the commit) is the same message, another combination from the same first notice is not.
     */
    @Test
    void aCombinedMailIsNamedByItsNotices() {
        Mail mail = NoticeMailMessage.combined(42, 57, 12, 1_796_443_371_028L, "zhenggai-noreply@rectification.example.gov.cn",
                "ducha@rectification.example.gov.cn", "【销号待核验】12项任务待核验", "正文");
        assertEquals(List.of("<notices.42-57.12.1796443371028@rectification.example.gov.cn>"), mail.getHeaders().get("Message-ID"));
        assertEquals(List.of("auto-generated"), mail.getHeaders().get("Auto-Submitted"));
        assertEquals(List.of("All"), mail.getHeaders().get("X-Auto-Response-Suppress"));
        assertEquals(List.of("<notices.42-58.13.1796443371028@rectification.example.gov.cn>"),
                NoticeMailMessage.combined(42, 58, 13, 1_796_443_371_028L, "zhenggai-noreply@rectification.example.gov.cn",
                        "ducha@rectification.example.gov.cn", "【销号待核验】13项任务待核验", "正文").getHeaders().get("Message-ID"));
    }

    @Test
    void theDomainIsTheSendersWithOrWithoutADisplayName() {
        assertEquals("rectification.local", NoticeMailMessage.domainOf("zhenggai-noreply@rectification.local"));
        assertEquals("zg.example.gov.cn", NoticeMailMessage.domainOf("巡视整改 <noreply@zg.example.gov.cn>"));
    }
}
