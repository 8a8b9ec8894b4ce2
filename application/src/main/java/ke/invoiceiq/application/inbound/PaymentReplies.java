package ke.invoiceiq.application.inbound;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.application.payment.RequestPaymentOutcome;
import ke.invoiceiq.domain.chat.BotCopy;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.messaging.OutboundContent;

/** The answer to a Pay with M-PESA tap (or {@code PAY <id>}), for each way a payment request can end. */
final class PaymentReplies {

    private PaymentReplies() {
    }

    /** In English, where the asker's language is not known. */
    static OutboundContent of(RequestPaymentOutcome outcome, InvoiceId asked, Instant now) {
        return of(outcome, asked, now, Language.EN);
    }

    /**
     * The answer about an invoice is in the invoice's language; {@code fallback} is for the answers that name no
     * invoice we may show (an unknown id, a reused request key).
     */
    static OutboundContent of(RequestPaymentOutcome outcome, InvoiceId asked, Instant now, Language fallback) {
        return switch (outcome) {
            case RequestPaymentOutcome.Initiated i -> OutboundContent.text(
                    BotCopy.checkYourPhone(i.invoice().language(), i.invoice().id(), i.payment().amount()));
            case RequestPaymentOutcome.AwaitingMpesa a -> OutboundContent.text(awaitingMpesa(a));
            case RequestPaymentOutcome.AlreadyInFlight a -> OutboundContent.text(
                    BotCopy.promptAlreadySent(a.invoice().language(), a.invoice().id(), a.invoice().amount()));
            case RequestPaymentOutcome.AlreadyPaid p -> OutboundContent.text(
                    BotCopy.alreadyPaid(p.invoice().language(), p.invoice().id(), p.invoice().receipt()));
            case RequestPaymentOutcome.NotYourInvoice n -> OutboundContent.text(BotCopy.notYourInvoice(
                    n.invoice().language(), n.invoice().id(), n.invoice().customer().msisdn()));
            case RequestPaymentOutcome.NotPayable n -> OutboundContent.text(
                    BotCopy.invoiceCancelled(n.invoice().language(), n.invoice().id(), n.invoice().amount()));
            case RequestPaymentOutcome.CoolingDown c -> payAgain(c.invoice(), BotCopy.tryAgainLater(
                    c.invoice().language(), c.invoice().id(), c.invoice().amount(),
                    MerchantReplies.minutesUntil(c.until(), now)));
            case RequestPaymentOutcome.InvoiceNotFound n -> OutboundContent.text(notFound(asked, fallback));
            case RequestPaymentOutcome.PayerBusy b -> payAgain(b.invoice(),
                    BotCopy.payerBusy(b.invoice().language(), b.invoice().id(), b.invoice().amount()));
            case RequestPaymentOutcome.GatewayUnavailable g -> payAgain(g.invoice(),
                    BotCopy.mpesaUnavailable(g.invoice().language(), g.invoice().id(), g.invoice().amount()));
            case RequestPaymentOutcome.GatewayRejected g -> payAgain(g.invoice(),
                    BotCopy.mpesaUnavailable(g.invoice().language(), g.invoice().id(), g.invoice().amount()));
            case RequestPaymentOutcome.KeyReused k -> OutboundContent.text(BotCopy.keyReused(fallback, asked));
        };
    }

    /** The invoice the outcome is about, when there is one (an unknown id names no invoice). */
    static Optional<InvoiceId> invoiceOf(RequestPaymentOutcome outcome) {
        return switch (outcome) {
            case RequestPaymentOutcome.Initiated i -> Optional.of(i.invoice().id());
            case RequestPaymentOutcome.AwaitingMpesa a -> Optional.of(a.invoice().id());
            case RequestPaymentOutcome.AlreadyInFlight a -> Optional.of(a.invoice().id());
            case RequestPaymentOutcome.AlreadyPaid p -> Optional.of(p.invoice().id());
            case RequestPaymentOutcome.NotYourInvoice n -> Optional.of(n.invoice().id());
            case RequestPaymentOutcome.NotPayable n -> Optional.of(n.invoice().id());
            case RequestPaymentOutcome.CoolingDown c -> Optional.of(c.invoice().id());
            case RequestPaymentOutcome.PayerBusy b -> Optional.of(b.invoice().id());
            case RequestPaymentOutcome.GatewayUnavailable g -> Optional.of(g.invoice().id());
            case RequestPaymentOutcome.GatewayRejected g -> Optional.of(g.invoice().id());
            case RequestPaymentOutcome.InvoiceNotFound n -> Optional.empty();
            case RequestPaymentOutcome.KeyReused k -> Optional.empty();
        };
    }

    /** The push got no clear answer: a prompt may be on the phone, and a second tap must not charge twice. */
    static String awaitingMpesa(RequestPaymentOutcome.AwaitingMpesa awaiting) {
        return BotCopy.awaitingMpesa(awaiting.invoice().language(), awaiting.invoice().id(),
                awaiting.payment().amount());
    }

    static String notFound(InvoiceId id) {
        return notFound(id, Language.EN);
    }

    static String notFound(InvoiceId id, Language language) {
        return BotCopy.customerNotFound(language, id);
    }

    /** Words that say "tap Pay with M-PESA again" come with the button to tap. */
    private static OutboundContent payAgain(Invoice invoice, String text) {
        return OutboundContent.withButtons(text, List.of(BotCopy.payButton(invoice.id(), invoice.language())));
    }
}
