package ke.invoiceiq.adapters.http.api;

import java.util.List;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.export.MoneyIn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.payment.MpesaReceipt;

/**
 * The rows of {@code /admin/export/payments.csv}: one per money received. Every field is one the service wrote or
 * validated (ids, a receipt number, a phone number, decimals, names of its enums), so all go through
 * {@link Csv#plain}; the note of money recorded outside M-PESA, the one free text, is not exported.
 */
final class MoneyInCsv {

    static final List<String> COLUMNS = List.of("received_at", "source", "invoice_id", "currency", "amount",
            "mpesa_receipt", "payer_msisdn", "paid_outside_method");

    private MoneyInCsv() {
    }

    static List<String> row(MoneyIn money) {
        return List.of(
                Csv.plain(money.receivedAt().toString()),
                Csv.plain(money.kind().name()),
                Csv.plain(money.invoiceId().map(InvoiceId::value).orElse(null)),
                Csv.plain(Amount.CURRENCY),
                Csv.plain(money.amount().map(ExportResource::decimal).orElse(null)),
                Csv.plain(money.receipt().map(MpesaReceipt::value).orElse(null)),
                Csv.plain(money.payer().map(Msisdn::value).orElse(null)),
                Csv.plain(money.method().map(Enum::name).orElse(null)));
    }
}
