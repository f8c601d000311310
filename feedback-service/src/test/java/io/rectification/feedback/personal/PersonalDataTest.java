package io.rectification.feedback.personal;

import io.rectification.platform.text.ContactDetails;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("fast")
class PersonalDataTest {

    static final PersonalDataCipher CIPHER = KeyringTest.cipher("ZGV2LW9ubHkta2V5LWRvLW5vdC11c2UtaW4tcHJvZCE=", null, null);

    @Test
    void masksShowEnoughToTellApartButNotToContact() {
        assertEquals("张*", Masks.name("张三"));
        assertEquals("欧***", Masks.name("欧阳娜娜"));
        assertEquals("138****5678", Masks.phone("13812345678"));
        assertEquals("138****5678", Masks.phone("+86 138-1234-5678".replace("+86 ", "")));
        assertEquals("******78", Masks.phone("12345678"));
        assertEquals("z***@example.com", Masks.email("zhangsan@example.com"));
        assertEquals("沈阳市浑南***", Masks.address("沈阳市浑南区世纪路1号"));
        assertEquals("Submitter[masked]", new Submitter("张三", null, null, null).toString());
    }

    @Test
    void contactDataWrittenIntoTheTextIsMasked() {
        assertEquals("本人身份证210*************34，电话138****5678，邮箱z***@example.com，单位电话024****5678。",
                Masks.contactsIn("本人身份证210102199001011234，电话13812345678，邮箱zhangsan@example.com，单位电话024-12345678。"));
        assertEquals("证件号110*************2X已遗失", Masks.contactsIn("证件号11010519491231002X已遗失"));
        assertEquals("请拨138****5678", Masks.contactsIn("请拨138 1234 5678"));
        // found as the platform finds them (ContactDetails): typed full-width, or the number grouped
        assertEquals("请拨138****5678。", Masks.contactsIn("请拨１３８１２３４５６７８。"));
        assertEquals("身份证210*************34", Masks.contactsIn("身份证210102 19900101 1234"));
        // amounts, dates, counts and other long numbers are what the citizen reports: kept as written
        String facts = "2024年9月30日前拖欠工程款12000000元，合同编号20240930001，涉及123456789012户。";
        assertEquals(facts, Masks.contactsIn(facts));
        assertEquals("", Masks.contactsIn(""));
        assertEquals(null, Masks.contactsIn(null));
    }

    @Test
    void theKindsOfContactDataInATextAreToldWithoutTheData() {
        assertEquals(java.util.EnumSet.of(ContactDetails.Kind.MOBILE, ContactDetails.Kind.EMAIL),
                ContactDetails.kindsIn("该问题与王小明（13812345678，wxm@example.com）反映的路灯问题相同，已合并办理。"));
        assertEquals(java.util.EnumSet.of(ContactDetails.Kind.ID_NUMBER), ContactDetails.kindsIn("身份证号210102198001011234"));
        assertEquals(java.util.EnumSet.of(ContactDetails.Kind.ID_NUMBER), ContactDetails.kindsIn("旧证号210102800101123。"),
                "the 15 digits of a first-generation card");
        assertEquals(java.util.EnumSet.of(ContactDetails.Kind.MOBILE), ContactDetails.kindsIn("联系人张伟，手机13900001111"));
        // an office's landline and the hotlines are how the public reaches an office
        assertEquals(java.util.EnumSet.of(ContactDetails.Kind.LANDLINE),
                ContactDetails.kindsIn("请拨打0411-12345678，或12345、12388热线。"));
        assertTrue(ContactDetails.kindsIn("2024年9月30日前拖欠工程款12000000元，合同编号20240930001。").isEmpty());
        assertTrue(ContactDetails.kindsIn(null).isEmpty());
        assertEquals("旧证号210**********23。", Masks.contactsIn("旧证号210102800101123。"));
    }

    @Test
    void theSubmittersOwnDetailsAreMaskedWhereTheTextRepeatsThem() {
        Submitter submitter = new Submitter("欧阳锋", "0241234567", null, "沈阳市浑南区世纪路1号");
        // a name matches no pattern, nor does a landline without its dash: the service knows both
        assertEquals("联系人欧**，电话********67，住沈阳市浑南***。",
                Masks.contactsIn("联系人欧阳锋，电话0241234567，住沈阳市浑南区世纪路1号。", submitter));
        assertEquals(java.util.List.of("name", "phone", "address"),
                submitter.detailsIn("欧阳锋 0241234567 沈阳市浑南区世纪路1号").stream().map(Submitter.Detail::field).toList());
        // a one-character name would match half of any text: left to the person reading
        assertEquals("王局长答复", Masks.contactsIn("王局长答复", new Submitter("王", null, null, null)));
        assertTrue(Submitter.ANONYMOUS.detailsIn("欧阳锋").isEmpty());
    }

    @Test
    void sealedValuesOpenOnlyForTheirColumn() {
        byte[] sealed = CIPHER.seal("phone", "13812345678");
        assertEquals("13812345678", CIPHER.open("phone", sealed));
        assertThrows(IllegalStateException.class, () -> CIPHER.open("name", sealed));
        assertFalse(java.util.Arrays.equals(sealed, CIPHER.seal("phone", "13812345678")), "a fresh nonce each time");
    }

    @Test
    void aWrongOrMissingKeyIsExplained() {
        PersonalDataCipher missing = KeyringTest.cipher(null, null, null);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> missing.checkKeyAtStartup(null));
        assertTrue(e.getMessage().contains("FEEDBACK_PERSONAL_DATA_KEY"));
        PersonalDataCipher tooShort = KeyringTest.cipher("c2hvcnQ=", null, null);
        assertTrue(assertThrows(IllegalStateException.class, () -> tooShort.seal("name", "张三")).getMessage()
                .contains("32 bytes"));
        PersonalDataCipher other = KeyringTest.cipher("b3RoZXIta2V5LW90aGVyLWtleS1vdGhlci1rZXkhISE=", null, null);
        assertThrows(IllegalStateException.class, () -> other.open("name", CIPHER.seal("name", "张三")));
        assertNotEquals(CIPHER.pseudonym("client", "10.0.0.1"), other.pseudonym("client", "10.0.0.1"));
    }
}
