package ke.invoiceiq.application.inbound;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import ke.invoiceiq.application.invoice.CancelInvoiceOutcome;
import ke.invoiceiq.application.invoice.CreateInvoiceOutcome;
import ke.invoiceiq.application.invoice.RemindInvoiceOutcome;
import ke.invoiceiq.domain.chat.BotCopy;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.Money;
import ke.invoiceiq.domain.invoice.Refusal;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.OutboundContent;
import ke.invoiceiq.domain.payment.MpesaReceipt;

/**
 * What the bot tells the merchant about invoice commands, in the voice of docs/chat-flow.md: short, with the invoice #
 * and amount, refusals in plain words.
 */
final class MerchantReplies {

    private MerchantReplies() {
    }

    /**
     * A created invoice is confirmed to a WhatsApp merchant when a channel accepts the invoice message ("Invoice #…
     * sent to …", docs/chat-flow.md, queued by the dispatcher), never before and never twice: nothing now. That notice goes
     * to WhatsApp, so a merchant who wrote by SMS gets the summary at once, on SMS. A refusal is answered at once.
     */
    static Optional<OutboundContent> created(CreateInvoiceOutcome outcome, Channel channel) {
        return switch (outcome) {
            case CreateInvoiceOutcome.Created created when channel == Channel.WHATSAPP -> Optional.empty();
            case CreateInvoiceOutcome.Created created -> {
                Invoice invoice = created.invoice();
                yield Optional.of(OutboundContent.withButtons(
                        BotCopy.invoiceSent(invoice.id(), invoice.amount(), invoice.customer().msisdn()),
                        List.of(BotCopy.remindButton(invoice.id()), BotCopy.cancelInvoiceButton(invoice.id()))));
            }
            case CreateInvoiceOutcome.UnknownCustomer unknown -> Optional.of(OutboundContent.text(unknown.message()));
            case CreateInvoiceOutcome.AmbiguousCustomer ambiguous ->
                    Optional.of(OutboundContent.text(ambiguous.message()));
        };
    }

    static OutboundContent reminded(RemindInvoiceOutcome outcome, Instant now) {
        return OutboundContent.text(switch (outcome) {
            case RemindInvoiceOutcome.Reminded r ->
                    "Reminder sent to " + r.invoice().customer().msisdn().value() + " for " + label(r.invoice()) + ".";
            case RemindInvoiceOutcome.Redelivered r -> label(r.invoice()) + " had not been delivered.\n"
                    + "Sending it to " + r.invoice().customer().msisdn().value() + " again.";
            case RemindInvoiceOutcome.Refused r -> "No reminder sent for " + label(r.invoice()) + ": "
                    + remindRefusal(r, now) + ".";
            case RemindInvoiceOutcome.NotFound n -> notFound(n.invoiceId());
        });
    }

    static OutboundContent cancelled(CancelInvoiceOutcome outcome) {
        return OutboundContent.text(switch (outcome) {
            case CancelInvoiceOutcome.Cancelled c -> label(c.invoice()) + " is cancelled."
                    + (c.customerTold() ? " The customer has been told." : "");
            case CancelInvoiceOutcome.AlreadyCancelled c -> label(c.invoice()) + " was already cancelled.";
            case CancelInvoiceOutcome.Refused r -> label(r.invoice()) + " was not cancelled: "
                    + refusal(r.refusal(), r.invoice()) + ".";
            case CancelInvoiceOutcome.NotFound n -> notFound(n.invoiceId());
        });
    }

    /** One invoice: who, how much, where it stands (two lines). */
    static OutboundContent status(Invoice invoice) {
        String to = invoice.customer().msisdn().value()
                + invoice.customer().name().map(n -> " (" + n.value() + ")").orElse("");
        return OutboundContent.text(label(invoice) + " to " + to + ": " + statusWords(invoice) + "\n"
                + "Item: " + invoice.description().value());
    }

    /** The latest invoices, one per line: id, amount, status. */
    static OutboundContent list(List<Invoice> invoices) {
        if (invoices.isEmpty()) {
            return OutboundContent.text("No invoices yet. Try: invoice 0712345678 2500 Cleaning");
        }
        return OutboundContent.text("Your latest invoices:\n" + invoices.stream()
                .map(i -> i.id().value() + " · KES " + i.amount().formatted() + " · " + i.status())
                .collect(Collectors.joining("\n")));
    }

    static String notFound(InvoiceId id) {
        return "I can't find invoice " + id.value() + ". Send 'list' to see your latest invoices.";
    }

    static OutboundContent unsupported() {
        return OutboundContent.text("Sorry, I can only read text and button taps. Send 'help' for the commands.");
    }

    private static String label(Invoice invoice) {
        return "Invoice #" + invoice.id().value() + " (KES " + invoice.amount().formatted() + ")";
    }

    private static String statusWords(Invoice invoice) {
        String words = switch (invoice.status()) {
            case PENDING -> "waiting to be delivered." + partly(invoice);
            case SENT -> (invoice.settled().isZero() ? "sent, not paid yet." : "sent." + partly(invoice))
                    + (invoice.reminderCount() == 0 ? ""
                            : " Reminded " + invoice.reminderCount()
                                    + (invoice.reminderCount() == 1 ? " time." : " times."));
            case PAID -> (invoice.paid().isZero() ? "paid ✔" : "paid ✔ Receipt: " + receipts(invoice) + ".")
                    + (invoice.paid().isAtLeast(Money.of(invoice.amount()).plus(new Money(1)))
                            ? " KES " + invoice.paid().formatted() + " received in all: refund KES "
                                    + invoice.paid().minusOrZero(Money.of(invoice.amount())).formatted() + "."
                            : "");
            case CANCELLED -> "cancelled." + (invoice.paid().isZero() ? ""
                    : " KES " + invoice.paid().formatted() + " was received (receipt " + receipts(invoice)
                            + "): refund it.");
            case FAILED -> "could not be delivered. Send 'remind " + invoice.id().value() + "' to try again."
                    + partly(invoice);
        };
        return words + CashReplies.outsideMpesa(invoice)
                + (invoice.attemptInFlight().isPresent() ? " A payment is in progress." : "");
    }

    /** What was paid so far and what is left, for an invoice not fully paid. */
    private static String partly(Invoice invoice) {
        return invoice.paid().isZero() ? ""
                : " KES " + invoice.paid().formatted() + " paid (receipt " + receipts(invoice) + "), KES "
                        + invoice.balance().formatted() + " still to pay.";
    }

    private static String receipts(Invoice invoice) {
        List<MpesaReceipt> all = invoice.receipts();
        return all.isEmpty() ? "confirmed by M-PESA"
                : all.stream().map(MpesaReceipt::value).collect(Collectors.joining(", "));
    }

    private static String remindRefusal(RemindInvoiceOutcome.Refused refused, Instant now) {
        if (refused.refusal() == Refusal.REMINDED_RECENTLY && refused.remindAgainAt().isPresent()) {
            long minutes = minutesUntil(refused.remindAgainAt().get(), now);
            return "you reminded them recently. You can remind again in " + minutes + " minute"
                    + (minutes == 1 ? "" : "s");
        }
        return refusal(refused.refusal(), refused.invoice());
    }

    private static String refusal(Refusal refusal, Invoice invoice) {
        return switch (refusal) {
            case NOT_SENT_YET -> "it has not been sent yet. Try again in a minute";
            case ALREADY_PAID -> "it is already paid (receipt "
                    + invoice.receipt().map(MpesaReceipt::value).orElse("confirmed by M-PESA") + ")";
            case CANCELLED -> "it was cancelled";
            case PAYMENT_IN_FLIGHT -> "a payment is in progress — try again in a few minutes";
            case REMINDED_RECENTLY -> "you reminded them less than an hour ago";
            case REMINDER_LIMIT_REACHED -> "it has had " + invoice.reminderCount()
                    + " reminders already, the most allowed. Give the customer a call";
            case MORE_THAN_BALANCE -> throw new IllegalStateException("reminding or cancelling names no amount");
        };
    }

    /** Whole minutes, rounded up, at least one. */
    static long minutesUntil(Instant until, Instant now) {
        long seconds = Math.max(0, Duration.between(now, until).toSeconds());
        return Math.max(1, (seconds + 59) / 60);
    }
}
