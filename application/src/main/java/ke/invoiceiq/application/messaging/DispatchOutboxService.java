package ke.invoiceiq.application.messaging;

import ke.invoiceiq.application.shared.RetryingTransactions;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import ke.invoiceiq.application.settings.DispatchSettings;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.domain.customer.CustomerDirectory;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceEvent;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.ChatMessage;
import ke.invoiceiq.domain.messaging.ChatMessenger;
import ke.invoiceiq.domain.messaging.MessageLog;
import ke.invoiceiq.domain.messaging.MessageEvent;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.messaging.OutboundContent;
import ke.invoiceiq.domain.messaging.Outbox;
import ke.invoiceiq.domain.messaging.OutboxMessage;
import ke.invoiceiq.domain.messaging.SendResult;
import ke.invoiceiq.domain.messaging.SmsMessenger;
import ke.invoiceiq.domain.messaging.SmsText;
import ke.invoiceiq.domain.shared.DomainEvents;
import ke.invoiceiq.domain.shared.IdGenerator;
import ke.invoiceiq.domain.shared.Tracing;
import ke.invoiceiq.domain.shared.Transactions;

/**
 * Claims due messages, sends each outside any transaction, then records the answer in a unit of work of its
 * own. A dispatcher that dies after claiming leaves its messages to be claimed again when the lease runs out.
 * Pacing per recipient is the WhatsApp adapter's; here a throttled send simply comes back later. Each message
 * is handled under the correlation id of the work that queued it, so its log lines can be tied back to that.
 */
public final class DispatchOutboxService implements DispatchOutboxUseCase {

    /** WhatsApp's customer-service window: free-form messages reach a customer this long after they last wrote. */
    static final Duration SERVICE_WINDOW = Duration.ofHours(24);

    private static final System.Logger LOG = System.getLogger(DispatchOutboxService.class.getName());

    private final Outbox outbox;
    private final ChatMessenger chat;
    private final SmsMessenger sms;
    private final CustomerDirectory customers;
    private final Transactions transactions;
    private final Clock clock;
    private final DomainEvents events;
    private final MerchantSettings merchant;
    private final DispatchSettings settings;
    private final InvoiceRepository invoices;
    private final OutboxWriter writer;
    private final InvoiceDelivery delivery;
    private final MessageTrail trail;
    private final Set<String> merchantToldOf = ConcurrentHashMap.newKeySet();
    private final Tracing tracing;

    public DispatchOutboxService(Outbox outbox, ChatMessenger chat, SmsMessenger sms, CustomerDirectory customers,
            InvoiceRepository invoices, MessageLog messageLog, Transactions transactions, Clock clock,
            IdGenerator ids, DomainEvents events, MerchantSettings merchant, DispatchSettings settings,
            Tracing tracing) {
        this.outbox = outbox;
        this.chat = chat;
        this.sms = sms;
        this.customers = customers;
        this.transactions = transactions;
        this.clock = clock;
        this.events = events;
        this.merchant = merchant;
        this.settings = settings;
        this.invoices = invoices;
        this.tracing = tracing;
        this.writer = new OutboxWriter(outbox, ids, clock, merchant, tracing);
        this.delivery = new InvoiceDelivery(invoices, writer);
        this.trail = new MessageTrail(messageLog, ids);
    }

    private enum Fate {
        SENT, RETRIED, FELL_BACK, FAILED, SKIPPED, ERROR
    }

    private record Recorded(Fate fate, Optional<InvoiceEvent> event) {
    }

    @Override
    public DispatchReport dispatch() {
        Instant now = clock.instant();
        List<OutboxMessage> claimed = transactions.inTransaction(
                () -> outbox.claimDue(now, settings.lease(), settings.batchSize()));
        int[] counts = new int[Fate.values().length];
        for (OutboxMessage message : claimed) {
            counts[dispatchOne(message).ordinal()]++;
        }
        return new DispatchReport(claimed.size(), counts[Fate.SENT.ordinal()], counts[Fate.RETRIED.ordinal()],
                counts[Fate.FELL_BACK.ordinal()], counts[Fate.FAILED.ordinal()], counts[Fate.SKIPPED.ordinal()],
                counts[Fate.ERROR.ordinal()]);
    }

    /**
     * Sends one message and records the answer. After the recording commits, the invoice event (if any) and one
     * {@link MessageEvent.Dispatched} per attempt are published; an answer that could not be recorded is not
     * told (the message will be claimed and sent again once its lease runs out). Everything runs under the
     * message's correlation id.
     */
    private Fate dispatchOne(OutboxMessage message) {
        return tracing.withCorrelationId(message.correlationId(), () -> {
            Fate fate = handle(message);
            // never the recipient nor the text: the id, purpose and channel are enough to find the row
            LOG.log(Level.DEBUG, "outbox message {0} ({1}, {2}): {3}", message.id(), message.purpose(),
                    message.channel(), fate);
            return fate;
        });
    }

    private Fate handle(OutboxMessage message) {
        if (transactions.inTransaction(() -> skippedAsSettled(message))) {
            events.publish(new MessageEvent.Dispatched(message.channel(), MessageEvent.Outcome.SKIPPED,
                    clock.instant()));
            return Fate.SKIPPED;
        }
        SendResult result = send(message);
        try {
            Recorded recorded = RetryingTransactions.onConflict(
                    () -> transactions.inTransaction(() -> record(message, result, clock.instant())));
            recorded.event().ifPresent(events::publish);
            events.publish(new MessageEvent.Dispatched(message.channel(), MessageEvent.Outcome.of(result),
                    clock.instant()));
            if (result instanceof SendResult.Misconfigured misconfigured) {
                tellMerchantOnce(message.channel(), misconfigured.code());
            }
            return recorded.fate();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "recording the send of outbox message {0} failed: {1}", message.id(),
                    e.getClass().getSimpleName());
            return Fate.ERROR;
        }
    }

    /** An invoice paid or cancelled while its message waited is not sent to the customer any more. */
    private boolean skippedAsSettled(OutboxMessage message) {
        Optional<InvoiceStatus> settled = isInvoice(message)
                ? invoices.find(message.invoiceId().get()).map(Invoice::status)
                        .filter(status -> status == InvoiceStatus.PAID || status == InvoiceStatus.CANCELLED)
                : Optional.empty();
        settled.ifPresent(status -> {
            Instant now = clock.instant();
            String reason = "invoice " + status.name().toLowerCase(Locale.ROOT);
            outbox.markFailed(message.id(), reason, now);
            trail.out(message, "skipped", Optional.empty(), Optional.of(reason), now);
        });
        return settled.isPresent();
    }

    private SendResult send(OutboxMessage message) {
        try {
            return switch (message.channel()) {
                case WHATSAPP -> chat.send(chatForm(message));
                // one curly quote or emoji would make the whole SMS 70-character UCS-2 pages, each billed
                case SMS -> sms.send(message.recipient(),
                        SmsText.plain(message.content().smsText().orElse(message.content().text())));
            };
        } catch (RuntimeException e) {
            // the provider call itself broke (timeout, open breaker): as good as "try again later"
            return new SendResult.RetryLater(e.getClass().getSimpleName(), Optional.empty());
        }
    }

    /** Template outside the 24-hour window (when one is approved), buttons when there are some, else text. */
    private ChatMessage chatForm(OutboxMessage message) {
        Msisdn to = message.recipient();
        OutboundContent content = message.content();
        if (content.template().isPresent() && chat.hasInvoiceTemplate() && !merchant.isMerchant(to)
                && !insideServiceWindow(to)) {
            return new ChatMessage.Template(to, content.template().get());
        }
        if (!content.buttons().isEmpty()) {
            return new ChatMessage.Buttons(to, content.text(), content.buttons());
        }
        return new ChatMessage.Text(to, content.text());
    }

    private boolean insideServiceWindow(Msisdn customer) {
        Instant windowOpen = clock.instant().minus(SERVICE_WINDOW);
        return transactions.inTransaction(() -> customers.lastInboundAt(customer))
                .filter(lastWrote -> lastWrote.isAfter(windowOpen))
                .isPresent();
    }

    private Recorded record(OutboxMessage message, SendResult result, Instant now) {
        return switch (result) {
            case SendResult.Accepted accepted -> sent(message, accepted.providerMessageId(), now);
            case SendResult.RetryLater later -> {
                int attempt = message.attempts() + 1;
                if (attempt >= settings.maxAttempts()) {
                    yield undeliverable(message, later.code(), now);
                }
                Duration wait = settings.backoffAfter(attempt);
                if (later.after().isPresent() && later.after().get().compareTo(wait) > 0) {
                    wait = later.after().get();
                }
                outbox.retryLater(message.id(), now.plus(wait), later.code(), now);
                trail.out(message, "retry", Optional.empty(), Optional.of(later.code()), now);
                yield new Recorded(Fate.RETRIED, Optional.empty());
            }
            case SendResult.Undeliverable undeliverable -> undeliverable(message, undeliverable.code(), now);
            case SendResult.Misconfigured misconfigured -> undeliverable(message, misconfigured.code(), now);
        };
    }

    private Recorded sent(OutboxMessage message, String providerMessageId, Instant now) {
        Optional<InvoiceEvent> event = isInvoice(message)
                ? delivery.accepted(message.invoiceId().get(), message.channel(), now)
                : Optional.empty();
        outbox.markSent(message.id(), message.channel(), providerMessageId, now);
        trail.out(message, "sent", Optional.of(providerMessageId), Optional.empty(), now);
        return new Recorded(Fate.SENT, event);
    }

    private Recorded undeliverable(OutboxMessage message, String code, Instant now) {
        Optional<InvoiceEvent> event = !message.canFallBackToSms() && isInvoice(message)
                ? delivery.failedOnEveryChannel(message.invoiceId().get(), now)
                : Optional.empty();
        outbox.markFailed(message.id(), code, now);
        trail.out(message, "failed", Optional.empty(), Optional.of(code), now);
        if (message.canFallBackToSms()) {
            writer.resend(message, Channel.SMS);
            trail.out(message, "fallback_sms", Optional.empty(), Optional.of(code), now);
            return new Recorded(Fate.FELL_BACK, event);
        }
        return new Recorded(Fate.FAILED, event);
    }

    /**
     * A channel that refuses our account setup (a revoked token, a rejected template) fails every message until an
     * operator acts: the merchant hears of it once per channel and code while this instance runs (another
     * instance may tell them once more), by SMS when WhatsApp is what broke. Remembered only once queued.
     */
    private void tellMerchantOnce(Channel channel, String code) {
        String problem = channel + ":" + code;
        if (merchantToldOf.contains(problem)) {
            return;
        }
        Channel reachBy = channel == Channel.WHATSAPP ? Channel.SMS : Channel.WHATSAPP;
        OutboundContent notice = OutboundContent.text(DeliveryCopy.channelMisconfigured(channel, code));
        transactions.inTransaction(() -> {
            for (Msisdn staff : merchant.staffNumbers()) {
                writer.send(staff, reachBy, MessagePurpose.MERCHANT_NOTICE, Optional.empty(), notice);
            }
            return null;
        });
        merchantToldOf.add(problem);
    }

    private static boolean isInvoice(OutboxMessage message) {
        return message.purpose() == MessagePurpose.INVOICE && message.invoiceId().isPresent();
    }
}
