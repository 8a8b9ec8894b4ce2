package ke.invoiceiq.application.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import ke.invoiceiq.adapters.memory.InMemoryPorts;
import ke.invoiceiq.application.testing.InvoicePayments;
import ke.invoiceiq.domain.customer.Customer;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Description;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.invoice.StatsSummary;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import org.junit.jupiter.api.Test;

class GetStatsSummaryServiceTest {

    private final InMemoryPorts ports = InMemoryPorts.create();
    private final GetStatsSummaryService stats = new GetStatsSummaryService(ports.statistics(), ports.transactions());

    @Test
    void givenNoInvoices_whenSummarised_thenZeroesAndNoTimeToPay() {
        StatsSummary summary = stats.summary();

        assertThat(summary.total()).isZero();
        assertThat(summary.conversion()).isZero();
        assertThat(summary.meanTimeToPay()).isEmpty();
    }

    @Test
    void givenSentPaidAndPendingInvoices_whenSummarised_thenCountsConversionAndTimeToPay() {
        Invoice first = sent();
        Invoice second = sent();
        issued();
        ports.clock().advance(Duration.ofMinutes(10));
        pay(first, "NLJ7RT61SV");
        ports.clock().advance(Duration.ofMinutes(20));
        pay(second, "NLK8SU72TW");

        StatsSummary summary = stats.summary();

        assertThat(summary.countsByStatus()).containsEntry(InvoiceStatus.PAID, 2L)
                .containsEntry(InvoiceStatus.PENDING, 1L).containsEntry(InvoiceStatus.SENT, 0L);
        assertThat(summary.sent()).isEqualTo(2);
        assertThat(summary.paid()).isEqualTo(2);
        assertThat(summary.conversion()).isEqualTo(1.0);
        assertThat(summary.meanTimeToPay()).contains(Duration.ofMinutes(20));
        assertThat(summary.medianTimeToPay()).contains(Duration.ofMinutes(20));
    }

    private Invoice issued() {
        Invoice invoice = Invoice.issue(ports.ids().nextInvoiceId(), Customer.of(new Msisdn("254712345678")),
                Amount.ofShillings(1_000), new Description("Sukuma and eggs"), ports.ids().nextPayToken(),
                ports.clock().instant());
        ports.invoices().add(invoice);
        return invoice;
    }

    private Invoice sent() {
        Invoice invoice = issued();
        return ports.invoices().update(invoice.sendAccepted(Channel.WHATSAPP, ports.clock().instant()).invoice());
    }

    private void pay(Invoice invoice, String receipt) {
        Invoice current = ports.invoices().find(invoice.id()).orElseThrow();
        ports.invoices().update(InvoicePayments.paid(current, Optional.of(new MpesaReceipt(receipt)),
                ports.clock().instant()));
    }
}
