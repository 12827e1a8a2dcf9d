package org.khidmat.web.internal.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Masking the phone numbers and e-mail addresses shown on the track page. */
class RecipientsTest {

    @Test
    void aPhoneNumberKeepsItsFirstFourAndLastTwoDigits() {
        assertEquals("0300*****67", Recipients.mask("sms", "03001234567"));
        assertEquals("0300*****67", Recipients.mask("sms", "0300-1234567"), "separators are dropped");
        assertEquals("0300*****67", Recipients.mask("sms", " 0300 1234567 "));
        assertEquals("+923*******67", Recipients.mask("sms", "+923001234567"));
    }

    @Test
    void aShortNumberIsMaskedWhole() {
        assertEquals("*****", Recipients.mask("sms", "12345"));
        assertEquals("", Recipients.mask("sms", ""));
        assertEquals("", Recipients.mask("sms", null));
    }

    @Test
    void anEmailKeepsItsFirstLetterAndDomain() {
        assertEquals("a***@example.com", Recipients.mask("email", "ayesha.khan@example.com"));
        assertEquals("b***@mail.gov.pk", Recipients.mask("email", "b@mail.gov.pk"));
        assertEquals("***", Recipients.mask("email", "@example.com"), "nothing before the @ gives nothing away");
        assertEquals("***", Recipients.mask("email", "not-an-address"));
    }
}
