package ke.invoiceiq.adapters.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import ke.invoiceiq.domain.customer.Msisdn;
import org.junit.jupiter.api.Test;

/** The simulated callbacks have Daraja's shape (docs/daraja.md). */
class StkCallbacksTest {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final Msisdn PAYER = new Msisdn("254712345678");

    @Test
    void givenAPaidPush_thenTheCallbackCarriesTheMetadataByName() throws IOException {
        byte[] body = StkCallbacks.body("SBX-12345-12345678-1", "ws_CO_SBX1", StkOutcome.PAID, 2500, "SBXAB12CD3",
                Instant.parse("2026-11-22T03:24:41Z"), PAYER);
        JsonNode callback = JSON.readTree(body).at("/Body/stkCallback");

        assertThat(callback.path("MerchantRequestID").asText()).isEqualTo("SBX-12345-12345678-1");
        assertThat(callback.path("CheckoutRequestID").asText()).isEqualTo("ws_CO_SBX1");
        assertThat(callback.path("ResultCode").isNumber()).as("a number, not a string").isTrue();
        assertThat(callback.path("ResultCode").asInt()).isZero();
        assertThat(callback.path("ResultDesc").asText()).isEqualTo("The service request is processed successfully.");
        JsonNode items = callback.path("CallbackMetadata").path("Item");
        assertThat(item(items, "Amount").decimalValue()).isEqualByComparingTo(new BigDecimal("2500.00"));
        assertThat(new String(body, java.nio.charset.StandardCharsets.UTF_8))
                .as("a decimal with cents, as Daraja writes it").contains("{\"Name\":\"Amount\",\"Value\":2500.00}");
        assertThat(item(items, "MpesaReceiptNumber").asText()).isEqualTo("SBXAB12CD3");
        // 03:24:41 UTC is 06:24:41 in Nairobi
        assertThat(item(items, "TransactionDate").isIntegralNumber()).isTrue();
        assertThat(item(items, "TransactionDate").asLong()).isEqualTo(20261122062441L);
        assertThat(item(items, "PhoneNumber").isIntegralNumber()).isTrue();
        assertThat(item(items, "PhoneNumber").asLong()).isEqualTo(254712345678L);
        assertThat(items).anySatisfy(i -> {
            assertThat(i.path("Name").asText()).isEqualTo("Balance");
            assertThat(i.has("Value")).as("Balance comes without a value, as in real callbacks").isFalse();
        });
    }

    @Test
    void givenAFailedPush_thenTheCallbackHasTheCodeAndNoMetadata() throws IOException {
        JsonNode callback = JSON.readTree(StkCallbacks.body("SBX-1-1-1", "ws_CO_SBX2", StkOutcome.CANCELLED, 1032,
                null, Instant.now(), PAYER)).at("/Body/stkCallback");

        assertThat(callback.path("ResultCode").asInt()).isEqualTo(1032);
        assertThat(callback.path("ResultDesc").asText()).isEqualTo("Request cancelled by user");
        assertThat(callback.has("CallbackMetadata")).isFalse();
    }

    private static JsonNode item(JsonNode items, String name) {
        for (JsonNode item : items) {
            if (name.equals(item.path("Name").asText())) {
                return item.path("Value");
            }
        }
        throw new AssertionError("no item " + name);
    }
}
