package ke.invoiceiq.application.inbound;

import ke.invoiceiq.application.due.DueLines;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import ke.invoiceiq.application.invoice.CancelInvoiceOutcome;
import ke.invoiceiq.application.invoice.CreateInvoiceOutcome;
import ke.invoiceiq.application.invoice.RemindInvoiceOutcome;
import ke.invoiceiq.domain.chat.BotCopy;
import ke.invoiceiq.domain.copy.InvoicePhrases;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.copy.MerchantChatPhrases;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.Money;
import ke.invoiceiq.domain.invoice.Refusal;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.OutboundContent;
import ke.invoiceiq.domain.payment.MpesaReceipt;

/**
 * What the bot tells the merchant about invoice commands, in the voice of docs/chat-flow.md: short, with the invoice #
 * and amount, refusals in plain words; in the merchant's language ({@link MerchantChatPhrases}).
 */
final class MerchantReplies {

    private MerchantReplies() {
    }

    /**
     * A created invoice is confirmed to a WhatsApp merchant when a channel accepts the invoice message ("Invoice #…
     * sent to …", docs/chat-flow.md, queued by the dispatcher), never before and never twice: nothing now. That notice goes
     * to WhatsApp, so a merchant who wrote by SMS gets the summary at once, on SMS. A refusal is answered at once.
     */
    static Optional<OutboundContent> created(CreateInvoiceOutcome outcome, Channel channel, Language lang) {
        return switch (outcome) {
            case CreateInvoiceOutcome.Created created when channel == Channel.WHATSAPP -> Optional.empty();
            case CreateInvoiceOutcome.Created created -> {
                Invoice invoice = created.invoice();
                yield Optional.of(OutboundContent.withButtons(
                        BotCopy.invoiceSent(lang, invoice.id(), invoice.amount(), invoice.customer().msisdn()),
                        List.of(BotCopy.remindButton(invoice.id(), lang),
                                BotCopy.cancelInvoiceButton(invoice.id(), lang))));
            }
            case CreateInvoiceOutcome.UnknownCustomer unknown -> Optional.of(OutboundContent.text(
                    MerchantChatPhrases.UNKNOWN_CUSTOMER.in(lang).with("name", unknown.name()).text()));
            case CreateInvoiceOutcome.AmbiguousCustomer ambiguous -> Optional.of(OutboundContent.text(
                    MerchantChatPhrases.AMBIGUOUS_CUSTOMER.in(lang).with("count", ambiguous.matches())
                            .with("name", ambiguous.name()).text()));
            case CreateInvoiceOutcome.DueDateRefused refused -> Optional.of(OutboundContent.text(
                    BotCopy.invalidInput(lang, "invoice", refused.error())));
        };
    }

    static OutboundContent reminded(RemindInvoiceOutcome outcome, Instant now, Language lang) {
        return OutboundContent.text(switch (outcome) {
            case RemindInvoiceOutcome.Reminded r -> MerchantChatPhrases.REMINDED.in(lang)
                    .with("phone", r.invoice().customer().msisdn().value()).with("invoice", label(r.invoice(), lang))
                    .text();
            case RemindInvoiceOutcome.Redelivered r -> MerchantChatPhrases.REDELIVERED.in(lang)
                    .with("invoice", label(r.invoice(), lang)).with("phone", r.invoice().customer().msisdn().value())
                    .text();
            case RemindInvoiceOutcome.Refused r -> MerchantChatPhrases.NOT_REMINDED.in(lang)
                    .with("invoice", label(r.invoice(), lang)).with("reason", remindRefusal(r, now, lang)).text();
            case RemindInvoiceOutcome.NotFound n -> notFound(n.invoiceId(), lang);
        });
    }

    static OutboundContent cancelled(CancelInvoiceOutcome outcome, Language lang) {
        return OutboundContent.text(switch (outcome) {
            case CancelInvoiceOutcome.Cancelled c -> (c.customerTold()
                    ? MerchantChatPhrases.CANCELLED_CUSTOMER_TOLD : MerchantChatPhrases.CANCELLED)
                    .in(lang).with("invoice", label(c.invoice(), lang)).text();
            case CancelInvoiceOutcome.AlreadyCancelled c ->
                    MerchantChatPhrases.ALREADY_CANCELLED.in(lang).with("invoice", label(c.invoice(), lang)).text();
            case CancelInvoiceOutcome.Refused r -> MerchantChatPhrases.NOT_CANCELLED.in(lang)
                    .with("invoice", label(r.invoice(), lang)).with("reason", refusal(r.refusal(), r.invoice(), lang))
                    .text();
            case CancelInvoiceOutcome.NotFound n -> notFound(n.invoiceId(), lang);
        });
    }

    /** One invoice: who, how much, where it stands (two lines), and when it is due (a third, when it has a day). */
    static OutboundContent status(Invoice invoice, Language lang, Instant now) {
        String to = invoice.customer().msisdn().value()
                + invoice.customer().name().map(n -> " (" + n.value() + ")").orElse("");
        return OutboundContent.text(MerchantChatPhrases.STATUS.in(lang).with("invoice", label(invoice, lang))
                .with("to", to).with("state", statusWords(invoice, lang))
                .with("item", invoice.description().value()).text()
                + DueLines.forMerchant(invoice, now, lang).map(line -> "\n" + line).orElse(""));
    }

    /** The latest invoices, one per line: id, amount, status, and whether it is overdue. */
    static OutboundContent list(List<Invoice> invoices, Language lang, Instant now) {
        if (invoices.isEmpty()) {
            return OutboundContent.text(MerchantChatPhrases.LIST_EMPTY.text(lang));
        }
        return OutboundContent.text(MerchantChatPhrases.LIST_HEADER.text(lang) + "\n" + invoices.stream()
                .map(i -> i.id().value() + " · KES " + i.amount().formatted() + " · " + i.status()
                        + DueLines.listMark(i, now, lang))
                .collect(Collectors.joining("\n")));
    }

    static String notFound(InvoiceId id, Language lang) {
        return MerchantChatPhrases.NOT_FOUND.in(lang).with("id", id.value()).text();
    }

    static OutboundContent unsupported(Language lang) {
        return OutboundContent.text(MerchantChatPhrases.UNSUPPORTED.text(lang));
    }

    /** {@code lang 0712345678 sw}: the customer's language is kept. */
    static OutboundContent languageSet(Msisdn customer, Language chosen, Language lang) {
        return OutboundContent.text(MerchantChatPhrases.LANGUAGE_SET.in(lang).with("phone", customer.value())
                .with("language", MerchantChatPhrases.languageName(chosen, lang)).text());
    }

    private static String label(Invoice invoice, Language lang) {
        return MerchantChatPhrases.INVOICE_LABEL.in(lang).with("id", invoice.id().value())
                .with("amount", invoice.amount().formatted()).text();
    }

    private static String statusWords(Invoice invoice, Language lang) {
        String words = switch (invoice.status()) {
            case PENDING -> MerchantChatPhrases.STATE_PENDING.text(lang) + partly(invoice, lang);
            case SENT -> (invoice.settled().isZero() ? MerchantChatPhrases.STATE_SENT_UNPAID.text(lang)
                    : MerchantChatPhrases.STATE_SENT.text(lang) + partly(invoice, lang))
                    + switch (invoice.reminderCount()) {
                        case 0 -> "";
                        case 1 -> " " + MerchantChatPhrases.STATE_REMINDED_ONCE.text(lang);
                        default -> " " + MerchantChatPhrases.STATE_REMINDED_TIMES.in(lang)
                                .with("count", invoice.reminderCount()).text();
                    };
            case PAID -> (invoice.paid().isZero() ? MerchantChatPhrases.STATE_PAID_OUTSIDE.text(lang)
                    : MerchantChatPhrases.STATE_PAID.in(lang).with("receipts", receipts(invoice, lang)).text())
                    + (invoice.paid().isAtLeast(Money.of(invoice.amount()).plus(new Money(1)))
                            ? " " + MerchantChatPhrases.STATE_OVERPAID.in(lang)
                                    .with("paid", invoice.paid().formatted())
                                    .with("refund", invoice.paid().minusOrZero(Money.of(invoice.amount())).formatted())
                                    .text()
                            : "");
            case CANCELLED -> MerchantChatPhrases.STATE_CANCELLED.text(lang) + (invoice.paid().isZero() ? ""
                    : " " + MerchantChatPhrases.STATE_CANCELLED_REFUND.in(lang)
                            .with("paid", invoice.paid().formatted()).with("receipts", receipts(invoice, lang)).text());
            case FAILED -> MerchantChatPhrases.STATE_FAILED.in(lang).with("id", invoice.id().value()).text()
                    + partly(invoice, lang);
        };
        return words + CashReplies.outsideMpesa(invoice, lang) + (invoice.attemptInFlight().isPresent()
                ? " " + MerchantChatPhrases.STATE_PAYMENT_IN_PROGRESS.text(lang) : "");
    }

    /** What was paid so far and what is left, for an invoice not fully paid. */
    private static String partly(Invoice invoice, Language lang) {
        return invoice.paid().isZero() ? ""
                : " " + MerchantChatPhrases.STATE_PARTLY_PAID.in(lang).with("paid", invoice.paid().formatted())
                        .with("receipts", receipts(invoice, lang)).with("balance", invoice.balance().formatted())
                        .text();
    }

    private static String receipts(Invoice invoice, Language lang) {
        List<MpesaReceipt> all = invoice.receipts();
        return all.isEmpty() ? InvoicePhrases.RECEIPT_CONFIRMED.text(lang)
                : all.stream().map(MpesaReceipt::value).collect(Collectors.joining(", "));
    }

    private static String remindRefusal(RemindInvoiceOutcome.Refused refused, Instant now, Language lang) {
        if (refused.refusal() == Refusal.REMINDED_RECENTLY && refused.remindAgainAt().isPresent()) {
            long minutes = minutesUntil(refused.remindAgainAt().get(), now);
            return minutes == 1 ? MerchantChatPhrases.REMIND_AGAIN_IN_ONE_MINUTE.text(lang)
                    : MerchantChatPhrases.REMIND_AGAIN_IN_MINUTES.in(lang).with("minutes", minutes).text();
        }
        return refusal(refused.refusal(), refused.invoice(), lang);
    }

    private static String refusal(Refusal refusal, Invoice invoice, Language lang) {
        return switch (refusal) {
            case NOT_SENT_YET -> MerchantChatPhrases.REFUSED_NOT_SENT_YET.text(lang);
            case ALREADY_PAID -> MerchantChatPhrases.REFUSED_ALREADY_PAID.in(lang).with("receipt", invoice.receipt()
                    .map(MpesaReceipt::value).orElse(InvoicePhrases.RECEIPT_CONFIRMED.text(lang))).text();
            case CANCELLED -> MerchantChatPhrases.REFUSED_CANCELLED.text(lang);
            case PAYMENT_IN_FLIGHT -> MerchantChatPhrases.REFUSED_PAYMENT_IN_FLIGHT.text(lang);
            case REMINDED_RECENTLY -> MerchantChatPhrases.REFUSED_REMINDED_RECENTLY.text(lang);
            case REMINDER_LIMIT_REACHED -> MerchantChatPhrases.REFUSED_REMINDER_LIMIT.in(lang)
                    .with("count", invoice.reminderCount()).text();
            case MORE_THAN_BALANCE -> throw new IllegalStateException("reminding or cancelling names no amount");
        };
    }

    /** Whole minutes, rounded up, at least one. */
    static long minutesUntil(Instant until, Instant now) {
        long seconds = Math.max(0, Duration.between(now, until).toSeconds());
        return Math.max(1, (seconds + 59) / 60);
    }
}
