package ke.invoiceiq.application.inbound;

import java.util.stream.Collectors;
import ke.invoiceiq.application.invoice.MarkInvoicePaidOutcome;
import ke.invoiceiq.application.invoice.OutsidePaymentCopy;
import ke.invoiceiq.domain.command.Command;
import ke.invoiceiq.domain.copy.CashPhrases;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.Money;
import ke.invoiceiq.domain.invoice.PaidOutside;

/** The merchant's answer to {@code paid …}: recorded (paid in full, or the balance left), or why not. */
final class CashReplies {

    private CashReplies() {
    }

    /**
     * For {@code status}: " KES 500 received outside M-PESA (cash); KES 2,000 still to pay." when money was recorded
     * outside M-PESA (the balance only while the invoice is open), else nothing.
     */
    static String outsideMpesa(Invoice invoice, Language language) {
        if (invoice.paidOutside().isEmpty()) {
            return "";
        }
        String methods = invoice.paidOutside().stream().map(PaidOutside::method).distinct()
                .map(method -> OutsidePaymentCopy.method(method, language)).collect(Collectors.joining(", "));
        var phrase = invoice.isPayable() ? CashPhrases.STATUS_OUTSIDE_OPEN : CashPhrases.STATUS_OUTSIDE;
        var filled = phrase.in(language).with("outside", invoice.paidOutsideTotal().formatted())
                .with("methods", methods);
        return " " + (invoice.isPayable() ? filled.with("balance", invoice.balance().formatted()) : filled).text();
    }

    static String markedPaid(MarkInvoicePaidOutcome outcome, Command.MarkPaid asked, Language language) {
        return switch (outcome) {
            case MarkInvoicePaidOutcome.Marked marked -> {
                Invoice invoice = marked.invoice();
                String told = marked.customerTold() ? CashPhrases.CUSTOMER_TOLD.in(language).text() : "";
                var phrase = marked.paidInFull() ? CashPhrases.RECORDED_PAID : CashPhrases.RECORDED_PART;
                var filled = phrase.in(language).with("id", invoice.id().value())
                        .with("amount", invoice.amount().formatted())
                        .with("received", marked.recorded().amount().formatted())
                        .with("method", OutsidePaymentCopy.method(marked.recorded().method(), language))
                        .with("told", told);
                yield marked.paidInFull() ? filled.text()
                        : filled.with("balance", invoice.balance().formatted()).text();
            }
            case MarkInvoicePaidOutcome.Refused refused -> refusal(refused.invoice(), refused, asked, language);
            case MarkInvoicePaidOutcome.NotFound notFound -> MerchantReplies.notFound(notFound.invoiceId(), language);
        };
    }

    private static String refusal(Invoice invoice, MarkInvoicePaidOutcome.Refused refused, Command.MarkPaid asked,
            Language language) {
        String id = invoice.id().value();
        return switch (refused.refusal()) {
            case MORE_THAN_BALANCE -> {
                Money balance = invoice.balance();
                yield CashPhrases.NOT_RECORDED_MORE_THAN_BALANCE.in(language).with("id", id)
                        .with("received", asked.amount().map(a -> a.formatted()).orElse(balance.formatted()))
                        .with("balance", balance.formatted())
                        .with("methodWord", OutsidePaymentCopy.commandWord(asked.method()))
                        .text();
            }
            case ALREADY_PAID -> CashPhrases.NOT_RECORDED_PAID.in(language).with("id", id).text();
            case CANCELLED -> CashPhrases.NOT_RECORDED_CANCELLED.in(language).with("id", id).text();
            case PAYMENT_IN_FLIGHT -> CashPhrases.NOT_RECORDED_IN_FLIGHT.in(language).with("id", id).text();
            case NOT_SENT_YET, REMINDED_RECENTLY, REMINDER_LIMIT_REACHED ->
                    throw new IllegalStateException("recording money is never refused for " + refused.refusal());
        };
    }
}
