package ke.invoiceiq.adapters.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The short outcome and the key fingerprint the audit trail keeps. */
class AdminAuditFilterTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "409 | {\"type\":\"https://invoiceiq.ke/problems/invoice-already-paid\",\"status\":409} | false"
                    + " | 409 invoice-already-paid",
            "202 | {\"result\":\"reminded\",\"invoice\":{}}                                      | false | 202 reminded",
            "200 | {\"result\":\"already_cancelled\"}                                            | true "
                    + " | 200 already_cancelled replayed",
            "200 | {\"unmatched_payment\":{},\"invoice\":{}}                                     | false | 200",
            "500 | not json                                                                     | false | 500",
            "200 | {\"result\":\"Has Spaces And Capitals\"}                                     | false | 200",
            "404 | {\"type\":\"https://elsewhere.example/problems/x\"}                            | false | 404"})
    void givenAnAnswer_whenSummed_thenTheStatusAndItsWordAreKept(int status, String body, boolean replayed,
            String outcome) {
        assertThat(AdminAuditFilter.outcome(status, body, replayed)).isEqualTo(outcome);
    }

    @Test
    void givenNoBody_whenSummed_thenOnlyTheStatus() {
        assertThat(AdminAuditFilter.outcome(204, null, false)).isEqualTo("204");
    }

    @Test
    void givenAKey_whenFingerprinted_thenItIsTheFirstTwelveHexDigitsOfItsSha256() {
        // SHA-256("test") = 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
        assertThat(AdminAuditFilter.fingerprint("test").value()).isEqualTo("9f86d081884c");
        assertThat(AdminAuditFilter.fingerprint("test2").value()).isNotEqualTo("9f86d081884c");
    }
}
