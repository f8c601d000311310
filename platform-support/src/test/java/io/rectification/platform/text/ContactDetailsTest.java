package io.rectification.platform.text;

import io.rectification.platform.text.ContactDetails.Kind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("fast")
class ContactDetailsTest {

    private static void found(Set<Kind> kinds, String text) {
        assertEquals(kinds, ContactDetails.kindsIn(text), text);
    }

    @Test
    void aCitizensDetailsInAProgressReportAreFound() {
        // the text the review (H1) saw published in TaskProgressReported
        found(EnumSet.of(Kind.ID_NUMBER, Kind.MOBILE),
                "已电话联系反映问题的群众欧阳锋（13812345678，身份证210102198001011234），现场查看后制定方案。");
        found(EnumSet.of(Kind.MOBILE, Kind.EMAIL), "该问题与王小明（13812345678，wxm@example.com）反映的路灯问题相同。");
    }

    @Test
    void mobileNumbersAreFoundHoweverTheyAreWritten() {
        for (String text : List.of("手机13812345678", "手机138 1234 5678", "手机138-1234-5678", "手机138 12345678",
                "+86 138 1234 5678", "+8613812345678", "0086-13812345678", "8613812345678",
                "手机１３８１２３４５６７８", "手机１３８－１２３４－５６７８", "手机138\u30001234\u30005678", "手机138\u00a01234\u00a05678",
                "手机1 3 8 1 2 3 4 5 6 7 8", "手机1-3-8-1-2-3-4-5-6-7-8", "电话13812345678 3次未接通", "19912345678")) {
            found(EnumSet.of(Kind.MOBILE), text);
        }
    }

    @Test
    void residentIdNumbersAreFoundInsideASentence() {
        for (String text : List.of("经核实，当事人身份证号为210102198001011234，已登记。", "证件号11010519491231002X已遗失",
                "证件号11010519491231002x", "身份证２１０１０２１９８００１０１１２３Ｘ号", "身份证210102 19800101 1234",
                "身份证210102-19800101-1234", "旧证号210102800101123。")) {
            found(EnumSet.of(Kind.ID_NUMBER), text);
        }
    }

    @Test
    void emailAddressesAndLandlinesAreFoundButOnlyTheFormerArePersonal() {
        found(EnumSet.of(Kind.EMAIL), "邮箱ｗｘｍ＠ｅｘａｍｐｌｅ．ｃｏｍ");
        found(EnumSet.of(Kind.LANDLINE), "请拨打0411-12345678，或12345、12388热线。");
        assertEquals(Set.of(), ContactDetails.personalIn("请拨打0411-12345678，或12345、12388热线。"),
                "an office's landline and the hotlines are how the public reaches an office");
        assertEquals(EnumSet.of(Kind.EMAIL), ContactDetails.personalIn("单位电话024-12345678，邮箱a.b@example.org"));
    }

    @Test
    void amountsDatesAndDocumentNumbersAreNoContactDetails() {
        for (String text : List.of("依据沈浑政办发〔2026〕12号文件", "2026-12-05前完成", "2026年12月5日", "20261205",
                "追回资金120.5万元", "挽回损失13.8亿元", "合同编号20240930001", "涉及123456789012户", "拖欠工程款12000000元",
                // eleven digits, but no mobile's first two
                "12012345678", "11012345678", "10012345678",
                "(一)3.二是", "任务（三）12.一是已完成", "查询码7KQM-2XHD-9WTB-R4NC", "拨打12345热线",
                // a list of numbers with spaces is not one spaced number
                "1 3 5 7 9 11 13 15 17号楼", "第2 1 3 8 1 2 3 4 5 6 7 8 9项", "")) {
            found(EnumSet.noneOf(Kind.class), text);
        }
        found(EnumSet.noneOf(Kind.class), null);
    }

    @Test
    void whatIsFoundIsWhereItIsInTheTextAsGiven() {
        assertEquals(List.of(new ContactDetails.Found(Kind.MOBILE, 2, 15, "138 1234 5678")),
                ContactDetails.in("电话１３８\u3000１２３４\u3000５６７８。"));
        assertEquals("a mobile number, a resident ID number",
                ContactDetails.words(EnumSet.of(Kind.MOBILE, Kind.ID_NUMBER)));
    }
}
