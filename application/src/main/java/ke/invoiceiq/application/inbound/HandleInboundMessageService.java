package ke.invoiceiq.application.inbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import ke.invoiceiq.application.messaging.OutboxWriter;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.domain.chat.BotCopy;
import ke.invoiceiq.domain.customer.CustomerDirectory;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.Direction;
import ke.invoiceiq.domain.messaging.InboundEventLog;
import ke.invoiceiq.domain.messaging.InboundMessageEvent;
import ke.invoiceiq.domain.messaging.MessageLog;
import ke.invoiceiq.domain.messaging.MessageLogEntry;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.messaging.OutboundContent;
import ke.invoiceiq.domain.shared.DomainEvents;
import ke.invoiceiq.domain.shared.IdGenerator;
import ke.invoiceiq.domain.shared.Transactions;

/**
 * Hands a message to the merchant's conversation (a configured staff number) or the customer's, together with its
 * claim: the de-duplication mark (provider + message id), the message log entry and, on WhatsApp, the sender's
 * 24-hour window. The conversation makes the claim inside the unit of work that writes what the message changed
 * (the chat step and the invoice it creates, the reply it queues), so both commit or neither does: a handling that
 * fails is handled again on the next delivery, and one that succeeded is never handled twice. A message without a
 * phone number (a WhatsApp username) is claimed and logged, nothing more.
 *
 * <p>A payment request is the exception: M-PESA is called outside any unit of work, so the claim commits with the
 * reply after the push. A redelivery before that asks for the same payment again, which the payment's idempotency
 * key (the message id) answers without a second prompt.
 *
 * <p>A message sent longer ago than the de-duplication marks are kept ({@code deduplicationRetention}, the purge's
 * {@code RetentionSettings.inboundEvents()}) is ignored and counted ({@link InboundMessageEvent.TooOld}): its mark may
 * have been purged, so a signed webhook replayed after that would otherwise be handled again (an invoice created
 * twice, a second payment prompt). The age is the provider's own timestamp of the message ({@link
 * InboundMessage#receivedAt}), which a replay cannot change without breaking the signature.
 *
 * <p>The log entry names no invoice: a tap may name one that does not exist, and the log's invoice reference
 * must point at a real invoice.
 */
public final class HandleInboundMessageService implements HandleInboundMessageUseCase {

    private final InboundEventLog inboundEvents;
    private final MessageLog messageLog;
    private final CustomerDirectory customers;
    private final IdGenerator ids;
    private final Transactions transactions;
    private final Clock clock;
    private final MerchantSettings merchant;
    private final MerchantConversation merchantConversation;
    private final CustomerConversation customerConversation;
    private final OutboxWriter outbox;
    private final DomainEvents events;
    private final Duration deduplicationRetention;

    /** @param deduplicationRetention how long the purge keeps de-duplication marks; older messages are ignored */
    public HandleInboundMessageService(InboundEventLog inboundEvents, MessageLog messageLog,
            CustomerDirectory customers, IdGenerator ids, Transactions transactions, Clock clock,
            MerchantSettings merchant, MerchantConversation merchantConversation,
            CustomerConversation customerConversation, OutboxWriter outbox, DomainEvents events,
            Duration deduplicationRetention) {
        this.inboundEvents = inboundEvents;
        this.messageLog = messageLog;
        this.customers = customers;
        this.ids = ids;
        this.transactions = transactions;
        this.clock = clock;
        this.merchant = merchant;
        this.merchantConversation = merchantConversation;
        this.customerConversation = customerConversation;
        this.outbox = outbox;
        this.events = events;
        this.deduplicationRetention = Objects.requireNonNull(deduplicationRetention, "deduplicationRetention");
    }

    @Override
    public HandleInboundMessageOutcome handle(InboundMessage message) {
        Instant now = clock.instant();
        if (message.receivedAt().isBefore(now.minus(deduplicationRetention))) {
            events.publish(new InboundMessageEvent.TooOld(message.channel(), now));
            return new HandleInboundMessageOutcome.TooOld();
        }
        BooleanSupplier claim = () -> claim(message);
        if (message.from().isEmpty()) {
            return transactions.inTransaction(claim::getAsBoolean)
                    ? new HandleInboundMessageOutcome.Unidentified()
                    : new HandleInboundMessageOutcome.Duplicate();
        }
        if (mayWaitOnProvider(message) && transactions.inTransaction(
                () -> inboundEvents.seen(message.provider(), message.providerMessageId()))) {
            // handled and answered already: not even the payment's replay is asked for
            return new HandleInboundMessageOutcome.Duplicate();
        }
        Msisdn from = message.from().get();
        if (merchant.isMerchant(from)) {
            return merchantConversation.handle(from, message.channel(), message.content(), message.idempotencyKey(),
                    claim);
        }
        return customerConversation.handle(from, message.channel(), message.content(), message.idempotencyKey(),
                claim);
    }

    @Override
    public HandleInboundMessageOutcome giveUp(InboundMessage message) {
        Optional<HandleInboundMessageOutcome> outcome = transactions.inTransaction(() -> {
            if (!claim(message)) {
                return Optional.empty();
            }
            message.from().ifPresent(to -> outbox.send(to, message.channel(), MessagePurpose.REPLY, Optional.empty(),
                    OutboundContent.text(BotCopy.couldNotProcess())));
            return Optional.of(new HandleInboundMessageOutcome.GaveUp(message.from().isPresent()));
        });
        if (outcome.isEmpty()) {
            return new HandleInboundMessageOutcome.Duplicate();
        }
        events.publish(new InboundMessageEvent.GaveUp(message.channel(), clock.instant()));
        return outcome.get();
    }

    @Override
    public boolean mayWaitOnProvider(InboundMessage message) {
        return CustomerRequest.of(message.content()) instanceof CustomerRequest.Pay;
    }

    /**
     * Inside the caller's unit of work: true the first time; then the metadata goes to the log and a WhatsApp
     * message opens the sender's 24-hour window (an SMS does not).
     */
    private boolean claim(InboundMessage message) {
        if (!inboundEvents.firstSeen(message.provider(), message.providerMessageId(), clock.instant())) {
            return false;
        }
        messageLog.record(new MessageLogEntry(ids.nextId(), Optional.empty(), message.channel(),
                Direction.IN, eventOf(message.content()), Optional.of(message.providerMessageId()), Optional.empty(),
                message.receivedAt()));
        if (message.channel() == Channel.WHATSAPP) {
            message.from().ifPresent(from -> customers.recordInbound(from, message.receivedAt()));
        }
        return true;
    }

    private static String eventOf(InboundContent content) {
        return switch (content) {
            case InboundContent.Text text -> "inbound.text";
            case InboundContent.ButtonTap tap -> "inbound.button";
            case InboundContent.Unsupported unsupported -> "inbound.unsupported";
        };
    }
}
