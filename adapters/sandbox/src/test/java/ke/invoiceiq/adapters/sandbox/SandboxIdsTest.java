package ke.invoiceiq.adapters.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.MerchantRequestId;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import org.junit.jupiter.api.Test;

/** Provider-like ids, marked SBX, never repeated. */
class SandboxIdsTest {

    private static final int MANY = 20_000;

    @Test
    void givenAReceipt_thenItIsSbxAndSevenCapitalsOrDigits_tenCharactersLikeARealOne() {
        for (int i = 0; i < 1_000; i++) {
            String receipt = SandboxIds.receipt();
            assertThat(receipt).hasSize(10).matches("SBX[A-Z0-9]{7}").matches(SandboxIds.RECEIPT);
            // the domain takes it as an M-PESA receipt number
            assertThat(new MpesaReceipt(receipt).value()).isEqualTo(receipt);
        }
    }

    @Test
    void givenWhatsAppAndSmsIds_thenTheyHaveTheProvidersShapeAndTheSandboxMark() {
        assertThat(SandboxIds.wamid()).matches("wamid\\.SBX[A-Z0-9]{24}");
        assertThat(SandboxIds.smsId()).matches("ATXid_SBX[A-Z0-9]{16}");
        assertThat(SandboxIds.inboundSmsId()).matches("[0-9a-f-]{36}");
    }

    @Test
    void givenDarajaIds_thenTheyHaveDarajasShapeAndTheDomainTakesThem() {
        // 2026-11-22T03:24:41Z is 06:24:41 in Nairobi
        String checkout = SandboxIds.checkoutRequestId(Instant.parse("2026-11-22T03:24:41Z"));
        assertThat(checkout).matches("ws_CO_SBX22112026062441[A-Z0-9]{8}");
        assertThat(new CheckoutRequestId(checkout).value()).isEqualTo(checkout);
        String merchantRequest = SandboxIds.merchantRequestId();
        assertThat(merchantRequest).matches("SBX-\\d{5}-\\d{8}-1");
        assertThat(new MerchantRequestId(merchantRequest).value()).isEqualTo(merchantRequest);
    }

    @Test
    void givenManyIdsOfEachKind_thenNoneRepeats() {
        Instant now = Instant.now();
        for (Supplier<String> ids : java.util.List.<Supplier<String>>of(SandboxIds::wamid, SandboxIds::smsId,
                SandboxIds::receipt, () -> SandboxIds.checkoutRequestId(now))) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < MANY; i++) {
                assertThat(seen.add(ids.get())).as("a repeated id").isTrue();
            }
        }
    }
}
