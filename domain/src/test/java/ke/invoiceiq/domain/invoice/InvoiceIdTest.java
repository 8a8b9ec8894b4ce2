package ke.invoiceiq.domain.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import ke.invoiceiq.domain.shared.Field;
import ke.invoiceiq.domain.shared.Parsed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class InvoiceIdTest {

    @ParameterizedTest(name = "[{index}] \"{0}\" → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            INV-7K3Q9X      | INV-7K3Q9X
            inv-7k3q9x      | INV-7K3Q9X
            Inv-7K3q9x      | INV-7K3Q9X
            '#INV-7K3Q9X'   | INV-7K3Q9X
            '#inv-7k3q9x'   | INV-7K3Q9X
            INV7K3Q9X       | INV-7K3Q9X
            inv 7k3q9x      | INV-7K3Q9X
            INV_7K3Q9X      | INV-7K3Q9X
            '  inv-7k3q9x ' | INV-7K3Q9X
            INV-000000      | INV-000000
            INV-ZZZZZZ      | INV-ZZZZZZ
            INV-ABCDEF      | INV-ABCDEF
            inv-hjkmnp      | INV-HJKMNP
            inv-qrstvw      | INV-QRSTVW
            """)
    void givenAnIdInAnyCaseOrSpacing_whenParsed_thenItIsCanonical(String raw, String canonical) {
        assertThat(InvoiceId.parse(raw)).isEqualTo(Parsed.ok(new InvoiceId(canonical)));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            INV-7K3Q9O | INV-7K3Q90
            inv-ooo111 | INV-000111
            INV-I1L000 | INV-111000
            inv-il1oo0 | INV-111000
            inv-7k3qlx | INV-7K3Q1X
            """)
    void givenLookAlikeLetters_whenParsed_thenTheyAreReadAsTheDigitsTheyResemble(String raw, String canonical) {
        assertThat(InvoiceId.parse(raw)).isEqualTo(Parsed.ok(new InvoiceId(canonical)));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" is not an invoice id")
    @NullAndEmptySource
    @ValueSource(strings = {
            "   ",
            "INV-7K3Q9U",       // U is not in the Crockford alphabet
            "inv-uuuuuu",
            "INV-7K3Q9",        // five characters
            "INV-7K3Q9XX",      // seven characters
            "7K3Q9X",           // no prefix
            "INV-",
            "INV-7K3Q9!",
            "INV--7K3Q9X",
            "invoice-7K3Q9X",
            "INV-12345",
            "INV-7K 3Q9X",
            "INV-ÄK3Q9X",
            "##INV-7K3Q9X",
    })
    void givenSomethingElse_whenParsed_thenItIsAnInvoiceIdErrorShowingTheForm(String raw) {
        assertThat(InvoiceId.parse(raw)).isEqualTo(Parsed.rejected(Field.INVOICE_ID, InvoiceId.EXPECTED));
        assertThat(InvoiceId.EXPECTED).contains("INV-7K3Q9X");
    }

    @ParameterizedTest(name = "[{index}] new InvoiceId(\"{0}\") throws")
    @NullAndEmptySource
    @ValueSource(strings = {"inv-7k3q9x", "INV-7K3Q9O", "INV-7K3Q9I", "INV-7K3Q9L", "INV-7K3Q9U", "INV7K3Q9X"})
    void givenANonCanonicalValue_whenConstructed_thenItThrows(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> new InvoiceId(value));
    }

    @Test
    void theAlphabetIsCrockfordBase32WithoutILOU() {
        assertThat(InvoiceId.ALPHABET).hasSize(32).doesNotContain("I", "L", "O", "U");
        assertThat(InvoiceId.ALPHABET.chars().distinct().count()).isEqualTo(32);
        for (char c : InvoiceId.ALPHABET.toCharArray()) {
            String id = "INV-" + String.valueOf(c).repeat(6);
            assertThat(InvoiceId.parse(id)).as(id).isEqualTo(Parsed.ok(new InvoiceId(id)));
        }
    }

    @Test
    void toString_isTheCanonicalId() {
        assertThat(new InvoiceId("INV-7K3Q9X").toString()).isEqualTo("INV-7K3Q9X");
    }
}
