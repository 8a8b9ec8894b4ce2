package ke.invoiceiq.domain.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import ke.invoiceiq.domain.shared.Field;
import ke.invoiceiq.domain.shared.Parsed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MsisdnTest {

    @ParameterizedTest(name = "[{index}] \"{0}\" → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0712345678          | 254712345678
            0112345678          | 254112345678
            712345678           | 254712345678
            112345678           | 254112345678
            +254712345678       | 254712345678
            +254112345678       | 254112345678
            254712345678        | 254712345678
            254112345678        | 254112345678
            00254712345678      | 254712345678
            +254 712 345 678    | 254712345678
            0712 345 678        | 254712345678
            0712-345-678        | 254712345678
            254-712-345-678     | 254712345678
            +254-112-345-678    | 254112345678
            (0712) 345678       | 254712345678
            '  0712345678  '    | 254712345678
            0799999999          | 254799999999
            +254 0712 345 678   | 254712345678
            +2540712345678      | 254712345678
            2540712345678       | 254712345678
            254 0712 345 678    | 254712345678
            254-0712-345678     | 254712345678
            +254 0112 345 678   | 254112345678
            2540112345678       | 254112345678
            00254 0712 345 678  | 254712345678
            """)
    void givenAKenyanMobileInAnyAcceptedForm_whenParsed_thenItIsCanonical(String raw, String canonical) {
        assertThat(Msisdn.parse(raw)).isEqualTo(Parsed.ok(new Msisdn(canonical)));
    }

    @Test
    void givenTabsAndNonBreakingSpacesBetweenGroups_whenParsed_thenTheyAreIgnored() {
        assertThat(Msisdn.parse("0712\t345\u00A0678")).isEqualTo(Parsed.ok(new Msisdn("254712345678")));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" is not a Kenyan M-PESA number")
    @NullAndEmptySource
    @ValueSource(strings = {
            "   ",
            "123456",              // too short
            "071234567",           // 9 digits starting with 0
            "07123456789",         // 11 digits
            "2547123456789",       // 13 digits
            "25471234567",         // 11 digits
            "255712345678",        // Tanzania without +
            "0812345678",          // not a 07/01 mobile range
            "0212345678",          // Nairobi landline
            "254212345678",        // landline, canonical length
            "0712abc678",          // letters
            "O712345678",          // letter O for zero
            "abcdefghij",
            "0712345678x",
            "+",
            "+254",
            "0712/345/678",
            "25407123456789",      // trunk 0 kept, one digit too many
            "254071234567",        // trunk 0 kept, one digit short
            "2540812345678",       // trunk 0 kept, not a 07/01 mobile range
            "25400712345678",      // two zeros after the country code
            "+2540212345678",      // trunk 0 kept, a landline
    })
    void givenSomethingElse_whenParsed_thenItIsAPhoneErrorWithTheExpectedForm(String raw) {
        Parsed<Msisdn> parsed = Msisdn.parse(raw);

        assertThat(parsed).isInstanceOf(Parsed.Rejected.class);
        var error = ((Parsed.Rejected<Msisdn>) parsed).error();
        assertThat(error.field()).isEqualTo(Field.PHONE);
        assertThat(error.message()).startsWith("Invalid phone.")
                .endsWith("use format 07XXXXXXXX, 01XXXXXXXX, 2547XXXXXXXX, 2541XXXXXXXX or +254XXXXXXXXX.");
    }

    @Test
    void givenANumberOfNoKnownForm_whenParsed_thenTheErrorIsTheSpecsSentenceWithEveryForm() {
        assertThat(Msisdn.parse("123456")).isEqualTo(Parsed.rejected(Field.PHONE,
                "Invalid phone. Please use format 07XXXXXXXX, 01XXXXXXXX, 2547XXXXXXXX, 2541XXXXXXXX or +254XXXXXXXXX."));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" is foreign")
    @ValueSource(strings = {"+255712345678", "+256712345678", "+14155552671", "+44 7700 900123"})
    void givenAnotherCountry_whenParsed_thenTheErrorSaysOnlyKenyanNumbers(String raw) {
        var parsed = (Parsed.Rejected<Msisdn>) Msisdn.parse(raw);

        assertThat(parsed.error().field()).isEqualTo(Field.PHONE);
        assertThat(parsed.error().message()).isEqualTo("Invalid phone. Only Kenyan M-PESA numbers can be invoiced;"
                + " use format 07XXXXXXXX, 01XXXXXXXX, 2547XXXXXXXX, 2541XXXXXXXX or +254XXXXXXXXX.");
    }

    @ParameterizedTest(name = "[{index}] the phone error names {0}")
    @ValueSource(strings = {"07XXXXXXXX", "01XXXXXXXX", "2547XXXXXXXX", "2541XXXXXXXX", "+254"})
    void givenAnyRefusal_whenItsMessageIsRead_thenItNamesEveryAcceptedForm(String form) {
        assertThat(Msisdn.EXPECTED).contains(form);
        assertThat(Msisdn.FOREIGN).contains(form);
    }

    @ParameterizedTest(name = "[{index}] new Msisdn(\"{0}\") throws")
    @NullAndEmptySource
    @ValueSource(strings = {"0712345678", "+254712345678", "712345678", "254812345678", "25471234567"})
    void givenANonCanonicalValue_whenConstructed_thenItThrows(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> new Msisdn(value));
    }

    @ParameterizedTest(name = "[{index}] {0} masked is {1}")
    @CsvSource({"254712345678, 2547****5678", "254112345678, 2541****5678", "254799000111, 2547****0111"})
    void masked_keepsTheRangeAndTheLastFourDigitsOnly(String canonical, String masked) {
        Msisdn msisdn = new Msisdn(canonical);

        assertThat(msisdn.masked()).isEqualTo(masked);
        assertThat(msisdn.toString()).isEqualTo(masked).doesNotContain(canonical.substring(4, 8));
    }

    @Test
    void givenAMsisdnInsideARecord_whenPrinted_thenTheNumberIsStillMasked() {
        record Holder(Msisdn phone) {
        }

        assertThat(new Holder(new Msisdn("254712345678")).toString()).doesNotContain("254712345678")
                .contains("2547****5678");
    }

    @Test
    void e164_isThePlusForm() {
        assertThat(new Msisdn("254712345678").e164()).isEqualTo("+254712345678");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" looks like a phone: {1}")
    @CsvSource(nullValues = "NULL", value = {
            "0712345678, true",
            "'+254 712 345 678', true",
            "123456789, true",
            "+255712345678, true",
            "2500, false",
            "123456, false",
            "John, false",
            "'', false",
            "NULL, false",
    })
    void looksLikePhone_isAboutShapeNotValidity(String raw, boolean expected) {
        assertThat(Msisdn.looksLikePhone(raw)).isEqualTo(expected);
    }
}
