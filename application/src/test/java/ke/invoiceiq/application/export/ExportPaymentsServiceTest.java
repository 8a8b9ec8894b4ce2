package ke.invoiceiq.application.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import ke.invoiceiq.adapters.memory.InMemoryPorts;
import ke.invoiceiq.domain.export.ExportRange;
import ke.invoiceiq.domain.export.MoneyIn;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.PaymentResult;
import ke.invoiceiq.domain.payment.StkResult;
import ke.invoiceiq.domain.payment.UnmatchedPayment;
import ke.invoiceiq.domain.payment.UnmatchedPaymentId;
import org.junit.jupiter.api.Test;

class ExportPaymentsServiceTest {

    private static final Instant T0 = Instant.parse("2026-03-02T06:00:00Z");

    private final InMemoryPorts ports = InMemoryPorts.create(T0);
    private final ExportPaymentsService service = new ExportPaymentsService(ports.moneyReceived(),
            ports.transactions());

    @Test
    void givenMoreThanTwoPages_whenExported_thenEachOnceOldestFirstAndNeverInsideATransaction() {
        int count = 2 * ExportPaymentsService.BATCH + 1;
        for (int n = 0; n < count; n++) {
            // two at each instant, so pages also end between equal times
            raise(n, T0.plusSeconds(n / 2));
        }
        var handed = new ArrayList<MoneyIn>();
        var insideATransaction = new ArrayList<Boolean>();

        long total = service.export(new ExportRange(T0, T0.plusSeconds(count)), money -> {
            handed.add(money);
            insideATransaction.add(ports.transactions().isActive());
        });

        assertThat(total).isEqualTo(count);
        assertThat(handed).extracting(MoneyIn::key).doesNotHaveDuplicates().hasSize(count);
        assertThat(handed).extracting(MoneyIn::receivedAt).isSorted();
        assertThat(insideATransaction).containsOnly(false);
    }

    @Test
    void givenMoneyOnlyOutsideTheRange_whenExported_thenNothingIsHanded() {
        raise(1, T0.minusSeconds(1));
        raise(2, T0.plusSeconds(60));
        var handed = new ArrayList<MoneyIn>();

        assertThat(service.export(new ExportRange(T0, T0.plusSeconds(60)), handed::add)).isZero();
        assertThat(handed).isEmpty();
    }

    private void raise(int n, Instant at) {
        var result = new PaymentResult(new CheckoutRequestId("ws_CO_%08d".formatted(n)), Optional.empty(),
                StkResult.of(0), Optional.of(BigDecimal.TEN), Optional.empty(), Optional.of(at), Optional.empty(), at);
        ports.unmatchedPayments().add(UnmatchedPayment.raise(new UnmatchedPaymentId("u-" + n), result));
    }
}
