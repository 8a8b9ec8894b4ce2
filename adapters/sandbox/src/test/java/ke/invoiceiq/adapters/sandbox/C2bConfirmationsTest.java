package ke.invoiceiq.adapters.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import ke.invoiceiq.domain.customer.Msisdn;
import org.junit.jupiter.api.Test;

/** The simulated C2B confirmation has Safaricom's documented shape, with the payer masked as C2B v2 sends it. */
class C2bConfirmationsTest {

    private static final Instant AT = Instant.parse("2026-03-02T06:11:20Z");
    private static final Msisdn PAYER = new Msisdn("254712345678");

    @Test
    void givenAPaybillPayment_whenBuilt_thenTheDocumentedFieldsInKenyanTimeAndAMaskedNumber() throws Exception {
        JsonNode body = new ObjectMapper().readTree(C2bConfirmations.paybill("SBXAB12CD3", 2_500, "inv 7k3q9x", AT,
                PAYER));

        assertThat(body.path("TransactionType").asText()).isEqualTo("Pay Bill");
        assertThat(body.path("TransID").asText()).isEqualTo("SBXAB12CD3");
        assertThat(body.path("TransTime").asText()).isEqualTo("20260302091120");
        assertThat(body.path("TransAmount").asText()).isEqualTo("2500.00");
        assertThat(body.path("BusinessShortCode").asText()).isEqualTo(C2bConfirmations.PAYBILL);
        assertThat(body.path("BillRefNumber").asText()).isEqualTo("inv 7k3q9x");
        assertThat(body.path("MSISDN").asText()).isEqualTo("2547 ***** 678").doesNotContain("12345");
        assertThat(body.has("FirstName")).isTrue();
    }

    @Test
    void givenATillPayment_whenBuilt_thenBuyGoodsWithNoAccount() throws Exception {
        JsonNode body = new ObjectMapper().readTree(C2bConfirmations.till("SBXAB12CD3", 700, AT, PAYER));

        assertThat(body.path("TransactionType").asText()).isEqualTo("Buy Goods");
        assertThat(body.path("BusinessShortCode").asText()).isEqualTo(C2bConfirmations.TILL);
        assertThat(body.path("BillRefNumber").asText()).isEmpty();
    }
}
