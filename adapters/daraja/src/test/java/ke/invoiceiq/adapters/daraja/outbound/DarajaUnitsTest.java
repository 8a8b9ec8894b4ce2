package ke.invoiceiq.adapters.daraja.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.util.Optional;
import ke.invoiceiq.adapters.memory.MutableClock;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.PaymentId;
import ke.invoiceiq.domain.payment.StkPushRequest;
import ke.invoiceiq.domain.payment.StkPushResponse;
import ke.invoiceiq.domain.payment.StkQueryResponse;
import org.junit.jupiter.api.Test;

/** The pure parts, without Quarkus: password, timestamp, text cleaning, error classification, configuration. */
class DarajaUnitsTest {

    @Test
    void passwordAndTimestampMatchTheHandComputedSandboxValue() {
        String timestamp = StkPassword.timestamp(Instant.parse("2026-03-02T06:00:00Z"));
        assertThat(timestamp).isEqualTo("20260302090000"); // 06:00 UTC is 09:00 in Nairobi
        // printf '%s' 174379bfb279…c91920260302090000 | base64 -w0
        assertThat(StkPassword.password(DarajaStub.SHORTCODE, DarajaStub.PASSKEY, timestamp)).isEqualTo(
                "MTc0Mzc5YmZiMjc5ZjlhYTliZGJjZjE1OGU5N2RkNzFhNDY3Y2QyZTBjODkzMDU5YjEwZjc4ZTZiNzJhZGExZWQyYzkxOTIw"
                        + "MjYwMzAyMDkwMDAw");
    }

    @Test
    void textIsStrippedOfRejectedCharactersAndCut() {
        assertThat(DarajaText.clean("INV-7K3Q9X", 12)).isEqualTo("INV-7K3Q9X");
        assertThat(DarajaText.clean("Mama Mboga & Sons #1!", 12)).isEqualTo("Mama Mboga");
        assertThat(DarajaText.clean("Invoice payment", 13)).isEqualTo("Invoice payme");
        assertThat(DarajaText.clean("Café/Ünïcode", 13)).isEqualTo("Cafncode");
    }

    @Test
    void invalidFieldNameNeverCarriesDigits() {
        assertThat(DarajaErrors.fieldName(Optional.of("Bad Request - Invalid PhoneNumber"))).isEqualTo("PhoneNumber");
        assertThat(DarajaErrors.fieldName(Optional.of("Bad Request - Invalid 254708374149"))).isEqualTo("unknown");
        assertThat(DarajaErrors.fieldName(Optional.empty())).isEqualTo("unknown");
    }

    @Test
    void classificationTable() {
        assertThat(DarajaErrors.classify(401, Optional.empty(), Optional.empty()))
                .isInstanceOf(DarajaFailure.InvalidToken.class);
        assertThat(DarajaErrors.classify(404, Optional.of("404.001.03"), Optional.of("Invalid Access Token")))
                .isInstanceOf(DarajaFailure.InvalidToken.class);
        assertThat(DarajaErrors.classify(500, Optional.of("500.001.1001"),
                Optional.of("The transaction is being processed"))).isInstanceOf(DarajaFailure.SubscriberLocked.class);
        assertThat(DarajaErrors.classify(500, Optional.of("500.001.1001"), Optional.of("Merchant does not exist")))
                .isInstanceOf(DarajaFailure.Rejected.class);
        assertThat(DarajaErrors.classify(429, Optional.empty(), Optional.empty()))
                .isInstanceOf(DarajaFailure.Throttled.class);
        assertThat(DarajaErrors.classify(400, Optional.of("400.008.02"), Optional.of("Invalid grant type")))
                .isInstanceOf(DarajaFailure.Rejected.class);
    }

    @Test
    void expiresInIsReadLeniently() {
        assertThat(DarajaTokens.expiresIn(IntNode.valueOf(3599))).isEqualTo(3599);
        assertThat(DarajaTokens.expiresIn(TextNode.valueOf(" 3599 "))).isEqualTo(3599);
        assertThat(DarajaTokens.expiresIn(TextNode.valueOf("soon"))).isEqualTo(3599);
        assertThat(DarajaTokens.expiresIn(NullNode.getInstance())).isEqualTo(3599);
        assertThat(DarajaTokens.expiresIn(null)).isEqualTo(3599);
    }

    @Test
    void baseUrlFollowsTheEnvironmentUnlessOverridden() {
        assertThat(new DarajaClient("sandbox", Optional.empty()).baseUrl())
                .hasToString("https://sandbox.safaricom.co.ke");
        assertThat(new DarajaClient("production", Optional.empty()).baseUrl())
                .hasToString("https://api.safaricom.co.ke");
        assertThat(new DarajaClient("production", Optional.of("http://127.0.0.1:1")).baseUrl())
                .hasToString("http://127.0.0.1:1");
    }

    @Test
    void unconfiguredGatewayRefusesWithoutCallingDaraja() {
        DarajaClient client = new DarajaClient("sandbox", Optional.of("http://127.0.0.1:1"));
        MutableClock clock = new MutableClock();
        DarajaTokens tokens = new DarajaTokens(client, clock, Optional.empty(), Optional.empty());
        DarajaPaymentGateway gateway = new DarajaPaymentGateway(client, tokens, clock, Optional.of("174379"),
                Optional.empty(), "CustomerPayBillOnline", Optional.empty(), Optional.empty());

        assertThat(gateway.configured()).isFalse();
        assertThat(gateway.requestStkPush(new StkPushRequest(new PaymentId("p"), new Msisdn("254708374149"),
                Amount.ofShillings(1), new InvoiceId("INV-7K3Q9X"))))
                .isEqualTo(new StkPushResponse.Rejected("not-configured"));
        assertThat(gateway.queryStkPush(new CheckoutRequestId("ws_CO_1")))
                .isEqualTo(new StkQueryResponse.Unknown("not-configured"));
    }
}
