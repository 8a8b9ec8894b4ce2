package ke.invoiceiq.adapters.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.export.MoneyIn;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.Money;
import ke.invoiceiq.domain.invoice.PaidOutside;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import org.junit.jupiter.api.Test;

/** One line of payments.csv per kind of money, field by field, as a spreadsheet gets it. */
class MoneyInCsvTest {

    private static final Instant AT = Instant.parse("2026-01-20T09:30:00Z");

    @Test
    void givenTheHeader_whenWritten_thenTheColumnsInTheirOrder() {
        assertThat(Csv.line(MoneyInCsv.COLUMNS)).isEqualTo(
                "received_at,source,invoice_id,currency,amount,mpesa_receipt,payer_msisdn,paid_outside_method\r\n");
    }

    @Test
    void givenAnMpesaPayment_whenWritten_thenItsInvoiceReceiptFullPayerNumberAndDecimalAmount() {
        MoneyIn paid = MoneyIn.mpesa("pay-1", AT, new InvoiceId("INV-7K3Q9X"), new Money(100_050),
                Optional.of(new MpesaReceipt("NLJ7RT61SV")), new Msisdn("254712345678"));

        assertThat(Csv.line(MoneyInCsv.row(paid)))
                .isEqualTo("2026-01-20T09:30:00Z,MPESA,INV-7K3Q9X,KES,1000.50,NLJ7RT61SV,254712345678,\r\n");
    }

    @Test
    void givenMoneyRecordedOutsideMpesa_whenWritten_thenItsMethodAndNeitherNoteNorPayer() {
        MoneyIn cash = MoneyIn.outside(new InvoiceId("INV-7K3Q9X"), 1,
                new PaidOutside(PaidOutside.Method.BANK_TRANSFER, Money.ofShillings(1_500), "=HYPERLINK(\"x\")", AT));

        String line = Csv.line(MoneyInCsv.row(cash));

        assertThat(line).isEqualTo("2026-01-20T09:30:00Z,OUTSIDE,INV-7K3Q9X,KES,1500.00,,,BANK_TRANSFER\r\n");
        assertThat(line).doesNotContain("HYPERLINK");
    }

    @Test
    void givenUnmatchedMoneyOfUnknownAmount_whenWritten_thenNoInvoiceAndAnEmptyAmount() {
        MoneyIn unknown = MoneyIn.unmatched("u-1", AT, Optional.empty(), Optional.empty(), Optional.empty());
        MoneyIn known = MoneyIn.unmatched("u-2", AT, Optional.of(Money.ofShillings(800)),
                Optional.of(new MpesaReceipt("NLM2QX81TZ")), Optional.of(new Msisdn("254722000111")));

        assertThat(Csv.line(MoneyInCsv.row(unknown))).isEqualTo("2026-01-20T09:30:00Z,MPESA_UNMATCHED,,KES,,,,\r\n");
        assertThat(Csv.line(MoneyInCsv.row(known)))
                .isEqualTo("2026-01-20T09:30:00Z,MPESA_UNMATCHED,,KES,800.00,NLM2QX81TZ,254722000111,\r\n");
    }
}
