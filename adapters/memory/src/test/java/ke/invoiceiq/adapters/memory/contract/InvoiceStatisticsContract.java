package ke.invoiceiq.adapters.memory.contract;

import static ke.invoiceiq.adapters.memory.contract.Fixtures.at;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.cancelled;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.failed;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.invoice;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.paid;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.sent;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.invoice.InvoiceStatistics;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.invoice.StatsSummary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link InvoiceStatistics} must compute. Time to pay runs from sending to payment, or from
 * creation for an invoice paid before any channel accepted it; the median of an even count is the mean of
 * the two middle values.
 */
public abstract class InvoiceStatisticsContract {

    /** Statistics over an empty store; called once before each test, before {@link #invoices()}. */
    protected abstract InvoiceStatistics statistics();

    /** Where the invoices the statistics see are added. */
    protected abstract InvoiceRepository invoices();

    private InvoiceStatistics stats;
    private InvoiceRepository invoices;

    @BeforeEach
    void startEmpty() {
        stats = statistics();
        invoices = invoices();
    }

    @Test
    void summarizesNothingAsZeros() {
        StatsSummary summary = stats.summarize();

        assertThat(summary.countsByStatus()).hasSize(InvoiceStatus.values().length).allSatisfy((s, n) ->
                assertThat(n).isZero());
        assertThat(summary.sent()).isZero();
        assertThat(summary.paid()).isZero();
        assertThat(summary.meanTimeToPay()).isEmpty();
        assertThat(summary.medianTimeToPay()).isEmpty();
    }

    @Test
    void countsByStatusAndCountsAsSentEveryInvoiceThatReachedTheCustomer() {
        store(invoice(1, at(0)));
        store(sent(invoice(2, at(0)), at(10)));
        store(paid(sent(invoice(3, at(0)), at(10)), at(70)));
        store(paid(invoice(4, at(0)), at(30)));
        store(cancelled(sent(invoice(5, at(0)), at(10)), at(20)));
        store(cancelled(invoice(6, at(0)), at(20)));
        store(failed(invoice(7, at(0)), at(20)));

        StatsSummary summary = stats.summarize();

        assertThat(summary.countsByStatus()).isEqualTo(Map.of(InvoiceStatus.PENDING, 1L, InvoiceStatus.SENT, 1L,
                InvoiceStatus.PAID, 2L, InvoiceStatus.CANCELLED, 2L, InvoiceStatus.FAILED, 1L));
        assertThat(summary.sent()).isEqualTo(3);
        assertThat(summary.paid()).isEqualTo(2);
        assertThat(summary.total()).isEqualTo(7);
    }

    @Test
    void measuresTimeToPayFromSendingOrElseFromCreation() {
        store(paid(sent(invoice(1, at(0)), at(100)), at(160)));
        store(paid(sent(invoice(2, at(0)), at(100)), at(220)));
        store(paid(invoice(3, at(50)), at(650)));
        store(sent(invoice(4, at(0)), at(100)));

        StatsSummary summary = stats.summarize();

        assertThat(summary.meanTimeToPay()).contains(Duration.ofSeconds(260));
        assertThat(summary.medianTimeToPay()).contains(Duration.ofSeconds(120));
    }

    @Test
    void takesTheMiddleOfTheTwoMiddleTimesForAnEvenCount() {
        store(paid(sent(invoice(1, at(0)), at(0)), at(60)));
        store(paid(sent(invoice(2, at(0)), at(0)), at(120)));
        store(paid(sent(invoice(3, at(0)), at(0)), at(300)));
        store(paid(sent(invoice(4, at(0)), at(0)), at(3_600)));

        StatsSummary summary = stats.summarize();

        assertThat(summary.medianTimeToPay()).contains(Duration.ofSeconds(210));
        assertThat(summary.meanTimeToPay()).contains(Duration.ofSeconds(1_020));
    }

    private void store(Invoice invoice) {
        Fixtures.store(invoices, invoice);
    }

    @Test
    void givenInvoicesIssuedAndPaidAtVariousTimes_whenAStretchIsCounted_thenOnlyThoseInsideItCount() {
        store(invoice(1, at(0)));
        store(paid(sent(invoice(2, at(10)), at(20)), at(30)));
        store(paid(sent(invoice(3, at(-100)), at(-90)), at(50)));
        store(invoice(4, at(100)));

        ke.invoiceiq.domain.due.DayCounts counts = stats.between(at(0), at(100));

        assertThat(counts).isEqualTo(new ke.invoiceiq.domain.due.DayCounts(2, 2));
        assertThat(stats.between(at(100), at(200))).isEqualTo(new ke.invoiceiq.domain.due.DayCounts(1, 0));
    }
}
