package ke.invoiceiq.application.invoice;

import java.util.List;
import java.util.Optional;
import ke.invoiceiq.domain.chat.BotCopy;
import ke.invoiceiq.domain.copy.CashPhrases;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.PaidOutside;
import ke.invoiceiq.domain.messaging.OutboundContent;

/** The words about money recorded outside M-PESA ({@link CashPhrases}), for the customer and the merchant. */
public final class OutsidePaymentCopy {

    private OutsidePaymentCopy() {
    }

    /** How the money came, in words: "cash", "bank transfer", "other means". */
    public static String method(PaidOutside.Method method, Language language) {
        return switch (method) {
            case CASH -> CashPhrases.METHOD_CASH.in(language).text();
            case BANK_TRANSFER -> CashPhrases.METHOD_BANK.in(language).text();
            case OTHER -> CashPhrases.METHOD_OTHER.in(language).text();
        };
    }

    /** The word of the {@code paid} command for {@code method}: cash, bank, other. */
    public static String commandWord(PaidOutside.Method method) {
        return switch (method) {
            case CASH -> "cash";
            case BANK_TRANSFER -> "bank";
            case OTHER -> "other";
        };
    }

    /**
     * The customer's receipt for {@code recorded} on {@code invoice} (as it is after it): paid in full, or a part
     * with the balance left and the pay button for the rest.
     */
    public static OutboundContent receipt(Invoice invoice, PaidOutside recorded, Language language) {
        String id = invoice.id().value();
        String amount = invoice.amount().formatted();
        String received = recorded.amount().formatted();
        String method = method(recorded.method(), language);
        if (invoice.balance().isZero()) {
            return OutboundContent.text(CashPhrases.RECEIPT_OUTSIDE_PAID.in(language).with("id", id)
                            .with("amount", amount).with("received", received).with("method", method).text())
                    .withSms(CashPhrases.RECEIPT_OUTSIDE_PAID_SMS.in(language).with("id", id).with("amount", amount)
                            .with("received", received).with("method", method).text());
        }
        String balance = invoice.balance().formatted();
        return new OutboundContent(
                CashPhrases.RECEIPT_OUTSIDE_PART.in(language).with("id", id).with("amount", amount)
                        .with("received", received).with("method", method).with("balance", balance).text(),
                List.of(BotCopy.payButton(invoice.id())),
                Optional.of(CashPhrases.RECEIPT_OUTSIDE_PART_SMS.in(language).with("id", id)
                        .with("received", received).with("method", method).with("balance", balance).text()),
                Optional.empty());
    }
}
