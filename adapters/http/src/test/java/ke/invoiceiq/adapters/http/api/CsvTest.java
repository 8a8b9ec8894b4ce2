package ke.invoiceiq.adapters.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 4180 quoting, CRLF line ends, and the formula-injection guard on free text only. */
class CsvTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "Cleaning                 | Cleaning",
            "Paint, two coats         | \"Paint, two coats\"",
            "12\" pipe                | \"12\"\" pipe\"",
            "\"quoted\"               | \"\"\"quoted\"\"\"",
            "=HYPERLINK(\"x\")        | \"'=HYPERLINK(\"\"x\"\")\"",
            "=1+2                     | '=1+2",
            "+254712345678            | '+254712345678",
            "-5                       | '-5",
            "@SUM(A1)                 | '@SUM(A1)",
            "a-b=c                    | a-b=c",
            "Mama Njeri               | Mama Njeri"})
    void givenFreeText_whenWritten_thenQuotedAsRfc4180AndFormulasDisarmed(String value, String expected) {
        assertThat(Csv.text(value.strip())).isEqualTo(expected.strip());
    }

    @Test
    void givenLineBreaksOrATab_whenWritten_thenTheFieldIsQuotedAndALeadingTabOrCrDisarmed() {
        assertThat(Csv.text("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
        assertThat(Csv.text("one\nline")).isEqualTo("\"one\nline\"");
        assertThat(Csv.text("\t=cmd")).isEqualTo("'\t=cmd");
        assertThat(Csv.text("\rx")).isEqualTo("\"'\rx\"");
    }

    @Test
    void givenNumbersAndIdsTheServiceWrote_whenWritten_thenNeverChanged() {
        assertThat(Csv.plain("-5.00")).isEqualTo("-5.00");
        assertThat(Csv.plain("2026-03-02T06:00:00Z")).isEqualTo("2026-03-02T06:00:00Z");
        assertThat(Csv.plain(null)).isEmpty();
        assertThat(Csv.text(null)).isEmpty();
        assertThat(Csv.text("")).isEmpty();
    }

    @Test
    void givenFields_whenALineIsMade_thenJoinedByCommasAndEndedByCrlf() {
        assertThat(Csv.line(List.of("a", Csv.text("b,c"), ""))).isEqualTo("a,\"b,c\",\r\n");
    }
}
